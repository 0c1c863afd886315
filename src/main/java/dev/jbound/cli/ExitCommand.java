package dev.jbound.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Shell: exit (or quit, or Ctrl-D) leaves the shell. */
@Command(name = "exit", aliases = "quit", description = "Leave the shell (Ctrl-D too).")
final class ExitCommand implements Callable<Integer> {

    @ParentCommand
    JboundCommand parent;

    @Override
    public Integer call() {
        ((ShellSession) parent.session).requestExit();
        return ExitCodes.OK;
    }
}

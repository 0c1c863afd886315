package dev.jbound.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Shell: detach forgets the target and its last recording; nothing stays running in the target. */
@Command(name = "detach", description = "Forget the attached JVM and its last recording (nothing of jbound's keeps running in it).")
final class DetachCommand implements Callable<Integer> {

    @ParentCommand
    JboundCommand parent;

    @Override
    public Integer call() {
        ShellSession session = (ShellSession) parent.session;
        if (session.attached() == null) {
            parent.console().out().println("not attached");
        } else {
            parent.console().out().println("detached from pid " + session.attached().pid());
            session.detach();
        }
        return ExitCodes.OK;
    }
}

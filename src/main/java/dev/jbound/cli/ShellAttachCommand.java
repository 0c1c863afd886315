package dev.jbound.cli;

import dev.jbound.model.ThreadSnapshot;
import dev.jbound.profile.LiveDump;
import dev.jbound.record.RecordingException;
import dev.jbound.render.TerminalText;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Shell: attach PID|NAME makes a JVM the one the other commands work on. */
@Command(name = "attach",
        description = {"Make a JVM the shell's target: record, verdict, threads, stack, locks, top and dump then work on it.",
                "Takes one thread dump to check that jbound can attach and to learn the thread names (they complete stack)."},
        footerHeading = "%nExamples:%n",
        footer = {"  attach 12345", "  attach OrderService"})
final class ShellAttachCommand implements Callable<Integer> {

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "PID|NAME",
            description = "Process id of the JVM, or a name: part of its main class or jar, as ps shows them.")
    String target;

    @Override
    public Integer call() throws TargetException, RecordingException {
        TargetJvm jvm = TargetFinder.byPidOrName(target);
        ThreadSnapshot dump = LiveDump.take(jvm);
        ((ShellSession) parent.session).attach(jvm, dump);
        parent.console().out().println("attached to pid " + jvm.pid()
                + (jvm.mainClass().isBlank() ? "" : " " + TerminalText.escape(jvm.mainClass()))
                + (jvm.jvmVersion().isBlank() ? "" : " · JDK " + TerminalText.escape(jvm.jvmVersion()))
                + " · " + dump.threads().size() + " threads; record [DURATION] records it");
        return ExitCodes.OK;
    }
}

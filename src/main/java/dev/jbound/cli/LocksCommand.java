package dev.jbound.cli;

import dev.jbound.model.Report;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.profile.LiveDump;
import dev.jbound.record.RecordingException;
import dev.jbound.render.DumpTextRenderer;
import dev.jbound.render.TextRenderer;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Shell: locks shows the last recording's contended locks and, from a dump now, who holds what. */
@Command(name = "locks",
        description = "Show the locks of the attached JVM: the contended locks of the last recording (how long threads waited"
                + " and where), then from one thread dump now its deadlocks and who holds which lock and who waits for it.")
final class LocksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Override
    public Integer call() throws TargetException, RecordingException {
        TargetJvm jvm = parent.target(spec.commandLine(), null);
        ShellSession session = (ShellSession) parent.session;
        Console console = parent.console();
        Report last = session.last();
        if (last == null) {
            console.out().println("(no recording yet: record [DURATION] measures how long threads wait for each lock)");
        } else if (last.locks().isEmpty()) {
            console.out().println("no lock was contended in the last recording");
        } else {
            new TextRenderer(console.color(), console.unicode()).renderLocks(last, console.out());
        }
        ThreadSnapshot dump = LiveDump.take(jvm);
        session.dumped(dump);
        console.out().println("now:");
        new DumpTextRenderer(console.color()).renderLocks(dump, console.out());
        return ExitCodes.OK;
    }
}

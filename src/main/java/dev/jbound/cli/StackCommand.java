package dev.jbound.cli;

import dev.jbound.model.ThreadSnapshot;
import dev.jbound.profile.LiveDump;
import dev.jbound.record.RecordingException;
import dev.jbound.render.DumpTextRenderer;
import dev.jbound.render.TerminalText;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Shell: stack THREAD shows what a thread of the attached JVM is doing now. */
@Command(name = "stack",
        description = "Show a thread's stack now (one thread dump): its state, the lock it waits for or holds, and its frames."
                + " A name matches exactly, else every thread whose name contains it.",
        footerHeading = "%nExamples:%n", footer = {"  stack main", "  stack \"pool-1-thread-3\"", "  stack worker"})
final class StackCommand implements Callable<Integer> {
    /** A partial name that matches more threads than this shows the first ones only. */
    private static final int MAX_THREADS = 20;

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "THREAD", description = "The thread's name, or part of it (Tab completes names).")
    String thread;

    @Override
    public Integer call() throws TargetException, RecordingException {
        TargetJvm jvm = parent.target(spec.commandLine(), null);
        ThreadSnapshot dump = LiveDump.take(jvm);
        ((ShellSession) parent.session).dumped(dump);
        List<ThreadSnapshot.DumpThread> exact = dump.threads().stream().filter(t -> t.name().equals(thread)).toList();
        String lower = thread.toLowerCase(Locale.ROOT);
        List<ThreadSnapshot.DumpThread> matches = !exact.isEmpty() ? exact
                : dump.threads().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).contains(lower)).toList();
        if (matches.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no thread of pid " + jvm.pid() + " is named '"
                    + TerminalText.escape(thread) + "' (Tab completes names; threads lists them)");
        }
        Console console = parent.console();
        new DumpTextRenderer(console.color()).renderStacks(dump, matches.subList(0, Math.min(MAX_THREADS, matches.size())), console.out());
        if (matches.size() > MAX_THREADS) console.out().println((matches.size() - MAX_THREADS) + " more threads match; name one more exactly");
        return ExitCodes.OK;
    }
}

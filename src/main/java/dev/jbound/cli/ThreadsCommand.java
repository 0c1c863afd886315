package dev.jbound.cli;

import dev.jbound.render.ThreadTableRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Shell: threads lists every thread of the last recording with its states. */
@Command(name = "threads",
        description = "List every thread of the last recording: kind, each state's share of its time, CPU and top frame.")
final class ThreadsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Override
    public Integer call() {
        Console console = parent.console();
        new ThreadTableRenderer(console.color()).render(LastRecording.of(parent, spec.commandLine()), console.out());
        return ExitCodes.OK;
    }
}

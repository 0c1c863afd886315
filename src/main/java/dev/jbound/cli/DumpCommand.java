package dev.jbound.cli;

import dev.jbound.model.ThreadSnapshot;
import dev.jbound.profile.LiveDump;
import dev.jbound.record.RecordingException;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** jbound dump PID|NAME: one snapshot of every thread and the lock graph, deadlocks first. */
@Command(name = "dump",
        description = {"Take one thread dump of a running JVM and show its deadlocks (monitor and java.util.concurrent lock"
                + " cycles) first, then who holds which lock and who waits for it, then the threads grouped by state"
                + " (cpu, io, lock, wait) with their top frames."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound dump 12345",
                "  jbound dump OrderService --format json | jq '.deadlocks'"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the dump was printed",
                "2:usage error, or the output file could not be written",
                "3:target not found or not attachable",
                "4:the thread dump failed"})
public final class DumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID|NAME",
            description = "The JVM: a pid, or a name as for attach. In the shell, the attached JVM when left out.")
    String target;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws TargetException, RecordingException {
        output.validate();
        TargetJvm jvm = parent.target(spec.commandLine(), target);
        ThreadSnapshot snapshot = LiveDump.take(jvm);
        Console console = parent.console();
        ReportOutput.write(output.output, console, (c, out) -> {
            output.format.renderer(ThreadSnapshot.class, c).render(snapshot, out);
        });
        return ExitCodes.OK;
    }
}

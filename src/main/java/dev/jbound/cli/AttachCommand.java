package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** jbound attach PID: record a running JVM and print the verdict. */
@Command(name = "attach",
        description = "Record a running JVM for a window, classify the workload and print a verdict with a strategy.",
        footerHeading = "%nExamples:%n",
        footer = {"  jbound attach 12345",
                "  jbound attach 12345 --duration 30s --jfr app.jfr",
                "  jbound attach 12345 --format json --output verdict.json"})
public final class AttachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the JVM to profile (see: jcmd -l).")
    String pid;

    @Mixin
    RecordingOptions recording;

    @Mixin
    OutputOptions output;

    @Mixin
    KeepJfrOption keep;

    @Override
    public Integer call() throws TargetException, RecordingException {
        long id = parsePid();
        RecordingSettings settings = recording.settings(RecordingSettings.DEFAULT_DURATION);
        output.validate();
        keep.validate();
        Warmup warmup = Warmup.start(output.format);
        Console console = parent.console();
        return ProfileRunner.run(TargetFinder.byPid(id), settings, recording.recorder, output, keep, console, warmup);
    }

    private long parsePid() {
        try {
            long id = Long.parseLong(pid.trim());
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "'" + pid + "' is not a process id; pass a number such as 12345 (list JVMs with: jcmd -l)");
    }
}

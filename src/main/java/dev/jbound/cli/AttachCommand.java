package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** jbound attach PID|NAME: record a running JVM and print the verdict. */
@Command(name = "attach",
        description = "Record a running JVM for a window, classify the workload and print a verdict with a strategy.",
        footerHeading = "%nExamples:%n",
        footer = {"  jbound attach 12345",
                "  jbound attach OrderService   (the one JVM whose main class or jar contains it)",
                "  jbound attach 12345 --duration 30s --jfr app.jfr",
                "  jbound attach 12345 --format json --output verdict.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed (also when the target exited mid-window: over what was recorded)",
                "2:usage error, or the report (--output) or a page (--html, --flame) could not be written",
                "3:target not found or not attachable (no such process, not a JVM, attach disabled, a name matching none or several)",
                "4:recording failed (the recorder could not start or stop, or the recording could not be read or kept with --jfr)",
                "130:interrupted by Ctrl-C, after printing the verdict so far"})
public final class AttachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", paramLabel = "PID|NAME",
            description = {"Process id of the JVM to profile, or a name: part of its main class or jar, as jbound ps shows them.",
                    "A name must match exactly one JVM; one equal to a main class, simple class name or jar file name wins over partial matches."})
    String target;

    @Mixin
    ProfileOptions options;

    @Override
    public Integer call() throws TargetException, RecordingException {
        if (target.isBlank()) throw new ParameterException(spec.commandLine(), "name the JVM to profile by pid or main class (list them with: jbound ps)");
        ProfileSettings settings = options.validated(RecordingSettings.DEFAULT_DURATION);
        Warmup warmup = Warmup.start(settings.format());
        return ProfileRunner.run(TargetFinder.byPidOrName(target), settings, parent.console(), warmup);
    }
}

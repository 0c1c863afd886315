package dev.jbound.cli;

import dev.jbound.profile.LiveProfile;
import dev.jbound.profile.RecordingAnalysis;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.record.ScratchFiles;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Shell: record [DURATION] records the attached JVM, prints the verdict and keeps it for the other commands. */
@Command(name = "record",
        description = {"Record the attached JVM for a window and print the verdict, as jbound attach does; the report and"
                + " the raw recording stay for verdict, threads, locks and save.",
                "Ctrl-C ends the recording early and shows what was recorded; the shell goes on."},
        footerHeading = "%nExamples:%n",
        footer = {"  record", "  record 30s", "  record 5s --recorder jfr --format json"})
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to record, as --duration (default 10s).")
    Duration duration;

    @Mixin
    ProfileOptions options;

    @Override
    public Integer call() throws TargetException, RecordingException {
        ShellSession session = (ShellSession) parent.session;
        TargetJvm jvm = session.attached();
        if (jvm == null) throw new ParameterException(spec.commandLine(), "attach to a JVM first: attach PID|NAME (list them with: ps)");
        if (duration != null && options.recording.duration != null) {
            throw new ParameterException(spec.commandLine(), "give the duration once: record 30s, or record --duration 30s");
        }
        if (duration != null) options.recording.duration = duration;
        ProfileSettings settings = options.validated(RecordingSettings.DEFAULT_DURATION);
        Console console = parent.console();
        Warmup warmup = Warmup.start(settings.format());
        Path scratch = ScratchFiles.create("jbound-shell-");
        LiveProfile.Result result;
        try {
            result = ProfileRunner.record(jvm, settings.recording(), settings.recorder(), scratch, console, warmup);
        } catch (TargetException | RecordingException | RuntimeException e) {
            ScratchFiles.delete(scratch);
            throw e;
        }
        session.recorded(result.report(), scratch);
        if (settings.keepJfr() != null) RecordingAnalysis.keep(scratch, settings.keepJfr());
        ProfileRunner.write(result.report(), settings.format(), settings.output(), console);
        settings.pages().write(result.report(), result.recording(), console);
        return result.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}

package dev.jbound.cli;

import java.nio.file.Path;

import dev.jbound.model.Report;
import dev.jbound.profile.LiveProfile;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;


/** Records a target, renders the report where the options say, and returns the exit code. */
final class ProfileRunner {
    private ProfileRunner() {
    }

    /** @param warmup started by the command as early as it could, so it overlaps the target lookup */
    static int run(TargetJvm target, ProfileSettings settings, Console console, Warmup warmup)
            throws TargetException, RecordingException {
        LiveProfile.Result result = record(target, settings.recording(), settings.recorder(), settings.keepJfr(), console, warmup);
        write(result.report(), settings.format(), settings.output(), console);
        settings.pages().write(result.report(), result.recording(), console);
        return result.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** Records one window (progress on a terminal, Ctrl-C ends it early) and analyses it. */
    static LiveProfile.Result record(TargetJvm target, RecordingSettings settings, RecorderOption recorder, Path keepJfr,
                                     Console console, Warmup warmup) throws TargetException, RecordingException {
        dev.jbound.Timing.mark("target-found");
        warmup.await();
        dev.jbound.Timing.mark("warm");
        ProgressLine progress = new ProgressLine(console, target.pid());
        LiveProfile.Result result;
        try (InterruptOnSigint ignored = InterruptOnSigint.install(!console.inShell())) {
            result = LiveProfile.run(target, settings, console.tty() ? progress : Recorder.Progress.NONE,
                    keepJfr, recorder.choice());
        } finally {
            progress.clear();
        }
        return result;
    }

    /** The report to stdout, or to --output ({@code file}) with a line on stderr saying so. */
    static void write(Report report, OutputFormat format, Path file, Console console) {
        ReportOutput.write(file, console, (c, out) -> format.renderer(Report.class, c).render(report, out));
    }
}

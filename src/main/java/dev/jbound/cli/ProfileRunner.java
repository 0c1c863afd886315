package dev.jbound.cli;

import dev.jbound.analyze.LiveProfile;
import dev.jbound.model.Report;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Records a target, renders the report where the options say, and returns the exit code. */
final class ProfileRunner {
    private ProfileRunner() {
    }

    /** @param warmup started by the command as early as it could, so it overlaps the target lookup */
    static int run(TargetJvm target, RecordingSettings settings, RecorderOption recorder, OutputOptions output,
                   KeepJfrOption keep, Console console, Warmup warmup)
            throws TargetException, RecordingException {
        dev.jbound.Timing.mark("target-found");
        warmup.await();
        dev.jbound.Timing.mark("warm");
        ProgressLine progress = new ProgressLine(console, target.pid());
        LiveProfile.Result result;
        try (InterruptOnSigint ignored = InterruptOnSigint.install()) {
            result = LiveProfile.run(target, settings, console.tty() ? progress : Recorder.Progress.NONE,
                    keep.jfr, recorder.choice());
        } finally {
            progress.clear();
        }
        write(result.report(), output, console);
        return result.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    /** The report to stdout, or to --output with a line on stderr saying so. */
    static void write(Report report, OutputOptions output, Console console) throws RecordingException {
        if (output.output == null) {
            output.format.renderer(console).render(report, console.out());
            console.out().flush();
            return;
        }
        // A file gets no colour, whatever the terminal.
        Console plain = new Console(console.out(), console.err(), false, false, true);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(output.output, StandardCharsets.UTF_8))) {
            output.format.renderer(plain).render(report, w);
        } catch (IOException e) {
            throw new RecordingException("cannot write " + output.output + ": " + e.getMessage(), e);
        }
        console.err().println("jbound: report written to " + output.output);
    }
}

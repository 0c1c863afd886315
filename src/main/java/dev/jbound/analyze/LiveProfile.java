package dev.jbound.analyze;

import dev.jbound.model.Report;
import dev.jbound.record.AsyncProfilerRecorder;
import dev.jbound.record.RecordedWindow;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** attach → record → load → analyze: the whole data path for a running JVM. */
public final class LiveProfile {

    /** The report, and whether recording was cut short by an interrupt (Ctrl-C). */
    public record Result(Report report, boolean interrupted) {
    }

    private LiveProfile() {
    }

    /**
     * @param keepJfr where to keep the raw recording, or null to delete it
     */
    public static Result run(TargetJvm target, RecordingSettings settings, AsyncProfilerRecorder.Progress progress,
                             Path keepJfr) throws TargetException, RecordingException {
        dev.jbound.Timing.mark("profile-called");
        AsyncProfilerRecorder recorder = new AsyncProfilerRecorder();
        dev.jbound.Timing.mark("unpacked");
        RecordedWindow window = recorder.record(target, settings, progress);
        Path jfr = locate(window.jfr(), target.pid());
        try {
            Report report = RecordingAnalysis.analyze(jfr, window.os(), settings.threadDump() ? recorder::threadDump : null,
                    new Report.Target(target.pid(), target.mainClass(), target.jvmVersion()), "async-profiler", window.notes());
            if (keepJfr != null) RecordingAnalysis.keep(jfr, keepJfr);
            return new Result(report, window.interrupted());
        } finally {
            try {
                Files.deleteIfExists(jfr);
            } catch (IOException ignored) {
                // a scratch file left in /tmp is harmless
            }
        }
    }

    /** A target in another mount namespace (a container) wrote the file inside its own root. */
    private static Path locate(Path jfr, long pid) throws RecordingException {
        if (Files.isRegularFile(jfr)) return jfr;
        Path inContainer = Path.of("/proc", Long.toString(pid), "root", jfr.toString());
        if (Files.isRegularFile(inContainer)) return inContainer;
        throw new RecordingException("the target wrote no recording to " + jfr);
    }
}

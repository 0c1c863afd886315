package dev.jbound.profile;

import dev.jbound.model.Report;
import dev.jbound.record.RecordedWindow;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecorderChoice;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.record.ScratchFiles;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** attach → record → load → analyze: the whole data path for a running JVM. */
public final class LiveProfile {

    /**
     * The report, whether recording was cut short by an interrupt (Ctrl-C), and the recording it
     * was read from, for the pages (--html, --flame) to draw without reading the file again.
     */
    public record Result(Report report, boolean interrupted, LoadedRecording recording) {
    }

    /** A window's report, the recording it rests on and the thread dump taken for it (or null). */
    record Analyzed(Report report, LoadedRecording recording, String threadDump) {
    }

    private LiveProfile() {
    }

    /**
     * @param keepJfr where to keep the raw recording, or null to delete it
     */
    public static Result run(TargetJvm target, RecordingSettings settings, Recorder.Progress progress,
                             Path keepJfr, RecorderChoice choice) throws TargetException, RecordingException {
        dev.jbound.Timing.mark("profile-called");
        RecorderSelection recorders = new RecorderSelection(choice);
        RecordedWindow window = recorders.record(target, settings, progress);
        Recorder recorder = recorders.recorder();
        Analyzed a = read(window, recorders, new Report.Target(target.pid(), target.mainClass(), target.jvmVersion()),
                settings.threadDump() ? recorder::threadDump : null, keepJfr);
        return new Result(a.report(), window.interrupted(), a.recording());
    }

    /**
     * A recorded window read and analysed with the recorder's notes; then its file is copied to
     * {@code keepJfr} (if not null) and deleted. Shared by attach's one window and top's intervals.
     */
    static Analyzed read(RecordedWindow window, RecorderSelection recorders, Report.Target target,
                           LongFunction<String> threadDump, Path keepJfr) throws RecordingException {
        List<String> notes = new ArrayList<>(recorders.notes());
        notes.addAll(window.notes());
        Path jfr = locate(window.jfr(), target.pid());
        try {
            LoadedRecording recording = RecordingAnalysis.load(jfr);
            RecordingAnalysis.Analysis analysis = RecordingAnalysis.analyze(recording, window.os(), threadDump, target,
                    recorders.recorder().name(), notes);
            if (keepJfr != null) RecordingAnalysis.keep(jfr, keepJfr);
            return new Analyzed(analysis.report(), recording, analysis.threadDump());
        } finally {
            ScratchFiles.delete(jfr);
        }
    }

    /** A target in another mount namespace (a container) wrote the file inside its own root. */
    static Path locate(Path jfr, long pid) throws RecordingException {
        if (Files.isRegularFile(jfr)) return jfr;
        Path inContainer = Path.of("/proc", Long.toString(pid), "root", jfr.toString());
        if (Files.isRegularFile(inContainer)) return inContainer;
        throw new RecordingException("the target wrote no recording to " + jfr);
    }
}

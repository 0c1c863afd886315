package dev.jbound.profile;

import dev.jbound.record.AsyncProfilerRecorder;
import dev.jbound.record.JfrRecorder;
import dev.jbound.record.RecordedWindow;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecorderChoice;
import dev.jbound.record.RecorderUnavailableException;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorder a user asked for, settled on the first window: {@code auto} tries async-profiler
 * and falls back to the JDK Flight Recorder when the target refuses its library, saying so once.
 * Later windows (top's ticks) reuse the recorder that worked.
 */
final class RecorderSelection {
    private final RecorderChoice choice;
    private final List<String> notes = new ArrayList<>();
    private Recorder recorder;

    RecorderSelection(RecorderChoice choice) {
        this.choice = choice;
    }

    RecordedWindow record(TargetJvm target, RecordingSettings settings, Recorder.Progress progress)
            throws TargetException, RecordingException {
        if (recorder != null) return recorder.record(target, settings, progress);
        if (choice == RecorderChoice.JFR) {
            recorder = new JfrRecorder();
            return recorder.record(target, settings, progress);
        }
        try {
            Recorder async = new AsyncProfilerRecorder();
            dev.jbound.Timing.mark("unpacked");
            RecordedWindow window = async.record(target, settings, progress);
            recorder = async;
            return window;
        } catch (RecorderUnavailableException e) {
            if (choice == RecorderChoice.ASYNC) throw e;
            notes.add(e.getMessage() + "; recorded with the JDK Flight Recorder instead");
            recorder = new JfrRecorder();
            return recorder.record(target, settings, progress);
        }
    }

    /** The recorder that recorded; only after {@link #record}. */
    Recorder recorder() {
        return recorder;
    }

    /** Why the recorder is not the one asked for, if it is not. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}

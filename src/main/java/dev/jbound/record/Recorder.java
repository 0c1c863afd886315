package dev.jbound.record;

import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.time.Duration;

/** Records one window of a running JVM into a JFR file, with the OS sensor alongside. */
public interface Recorder {

    interface Progress {
        void update(Duration elapsed, Duration total);

        Progress NONE = (elapsed, total) -> { };
    }

    /** As the report names it: "async-profiler" or "JDK Flight Recorder". */
    String name();

    /** @throws RecorderUnavailableException when this recorder cannot run in the target at all */
    RecordedWindow record(TargetJvm target, RecordingSettings settings, Progress progress)
            throws RecordingException, TargetException;

    /** One thread dump ({@code Thread.print -l}) for lock owners; null when the target cannot give one. */
    String threadDump(long pid);
}

package dev.jbound.record;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How a JVM that jbound launches records itself from its first instruction: what to add to its
 * {@code JAVA_TOOL_OPTIONS}, how to tell from a private directory which JVMs began recording, and
 * how to end the recording of one that still runs. async-profiler's agent is one such recorder;
 * JDK Flight Recorder ({@code -XX:StartFlightRecording}) would be another.
 */
public interface StartupRecorder {

    /** As reports name it, e.g. "async-profiler". */
    String name();

    /**
     * The JVM options (each unquoted) that make every JVM started with them record into {@code dir}.
     *
     * @throws RecordingException when the recorder cannot express {@code dir} or its own files in an option
     */
    List<String> javaToolOptions(Path dir, RecordingSettings settings) throws RecordingException;

    /** The pids of the JVMs that have begun recording into {@code dir}. */
    Set<Long> recordingJvms(Path dir);

    /** Where {@code pid}'s recording is: complete once the JVM exited normally or {@link #stop} returned. */
    Path recording(Path dir, long pid);

    /** Ends recording in a JVM that still runs and completes its recording; the JVM runs on. */
    void stop(long pid, Path dir) throws RecordingException;

    /** A thread dump of a running JVM, to name the owners of contended locks; null when there is none. */
    String threadDump(long pid);
}

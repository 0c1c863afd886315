package dev.jbound.analyze;

import dev.jbound.model.OsActivity;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.record.RecordingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One recording analysed with the OS activity beside it: the step shared by every way a recording
 * is made (a window attached to a running JVM, a JVM launched recording itself).
 */
public final class RecordingAnalysis {

    private RecordingAnalysis() {
    }

    /** {@link #load} then {@link #analyze(Recording, OsActivity, LongFunction, Report.Target, String, List)}. */
    public static Report analyze(Path jfr, OsActivity os, LongFunction<String> threadDump, Report.Target target,
                                 String recorder, List<String> notes) throws RecordingException {
        return analyze(load(jfr), os, threadDump, target, recorder, notes);
    }

    /**
     * @param os         the OS sensor's view of the same JVM, or null
     * @param threadDump takes a thread dump of the target (pid → text or null), asked only when
     *                   threads contended for locks, to name the owners; null for none
     */
    public static Report analyze(Recording recording, OsActivity os, LongFunction<String> threadDump, Report.Target target,
                                 String recorder, List<String> notes) {
        // Owners are worth a thread dump only where threads contended for locks.
        String dump = threadDump != null && !recording.lockEvents().isEmpty() ? threadDump.apply(target.pid()) : null;
        Report report = Analyzer.analyze(new Analyzer.Input(recording, os, dump, target, recorder, notes));
        dev.jbound.Timing.mark("analyzed");
        return report;
    }

    /** Reads a recording; an unreadable or incomplete one is a RecordingException. */
    public static Recording load(Path jfr) throws RecordingException {
        try {
            Recording recording = JfrLoader.load(jfr);
            dev.jbound.Timing.mark("loaded");
            return recording;
        } catch (IOException | RuntimeException e) {
            throw new RecordingException("cannot read the recording " + jfr + ": " + e.getMessage(), e);
        }
    }

    /** Copies a recording to where the user asked to keep it. */
    public static void keep(Path jfr, Path dest) throws RecordingException {
        try {
            Files.copy(jfr, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RecordingException("cannot write " + dest + ": " + e.getMessage(), e);
        }
    }
}

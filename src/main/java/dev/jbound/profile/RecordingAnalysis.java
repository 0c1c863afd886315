package dev.jbound.profile;

import dev.jbound.analyze.Analyzer;
import dev.jbound.analyze.StackStates;
import dev.jbound.analyze.StrategyAdvisor;
import dev.jbound.analyze.ThreadSnapshots;
import dev.jbound.load.JfrLoader;
import dev.jbound.load.jfr.JfrFile;
import dev.jbound.model.OsActivity;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import dev.jbound.record.RecordingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One recording analysed with the OS activity beside it: the step shared by every way a recording
 * is made (a window attached to a running JVM, a JVM launched recording itself).
 */
public final class RecordingAnalysis {
    private static final int OWNER_DUMPS = 3;
    private static final long OWNER_DUMP_PAUSE_MILLIS = 50;
    /** The share of active time waited for locks, none of it named by an event, above which a dump is worth taking to name them. */
    private static final double UNNAMED_LOCK_SHARE = 0.1;
    /**
     * What a recording that does not state its CPUs is assumed to have had: this machine's (an
     * async-profiler recording does not say; a live window's OS sensor does, and wins).
     */
    static final int THIS_MACHINE_CPUS = Runtime.getRuntime().availableProcessors();

    private RecordingAnalysis() {
    }

    /** A report and the thread dump taken for it (null when none was): top shows the dump's stacks. */
    public record Analysis(Report report, String threadDump) {
    }

    /**
     * @param os         the OS sensor's view of the same JVM, or null
     * @param threadDump takes a thread dump of the target (pid → text or null), asked only when
     *                   threads contended for locks, to name the owners, or when the advice names
     *                   virtual threads, to check what would pin them; null for none
     */
    public static Analysis analyze(LoadedRecording loaded, OsActivity os, LongFunction<String> threadDump, Report.Target target,
                                 String recorder, List<String> notes) {
        Recording recording = loaded.recording();
        // Owners are worth a thread dump only where threads contended for locks.
        String dump = threadDump != null && !recording.lockEvents().isEmpty() ? ownersDump(lockClasses(recording), threadDump, target.pid()) : null;
        Function<String, Report> analyzeWith = d -> Analyzer.analyze(new Analyzer.Input(recording, os, d, target, recorder, notes,
                loaded.states(), THIS_MACHINE_CPUS));
        Report report = analyzeWith.apply(dump);
        if (dump == null && threadDump != null && waitsUnnamed(report)) {
            // Threads waited for locks and no wait ended in the window, so no event names the lock
            // (a monitor held throughout): a dump shows it, its waiters and its holder.
            dump = ownersDump(Set.of(), threadDump, target.pid());
            if (dump != null) report = analyzeWith.apply(dump);
        }
        if (dump == null && threadDump != null && StrategyAdvisor.advisesVirtualThreads(report)) {
            // Before advice names virtual threads, a dump shows whether the waits would pin them
            // (Pinning): taken only then, as a dump stops the target for a moment.
            dump = threadDump.apply(target.pid());
            if (dump != null) report = analyzeWith.apply(dump);
        }
        dev.jbound.Timing.mark("analyzed");
        return new Analysis(report, dump);
    }

    /**
     * A dump that catches a contended lock with a waiter, and so its holder. One dump is a single
     * instant, which may fall between two holders; a few more, 50 ms apart, almost always catch one.
     */
    private static String ownersDump(Set<String> classes, LongFunction<String> threadDump, long pid) {
        String dump = null;
        for (int attempt = 0; attempt < OWNER_DUMPS; attempt++) {
            if (attempt > 0 && !pause(OWNER_DUMP_PAUSE_MILLIS)) break;
            String next = threadDump.apply(pid);
            if (next == null) break; // the target has gone: keep what an earlier dump saw
            dump = next;
            if (classes.isEmpty() ? ThreadSnapshots.catchesAnyWaiter(dump) : ThreadSnapshots.catchesAWaiter(dump, classes)) break;
        }
        return dump;
    }

    private static Set<String> lockClasses(Recording recording) {
        Set<String> classes = new HashSet<>();
        recording.lockEvents().forEach(e -> classes.add(e.lockClass()));
        return classes;
    }

    /** A tenth of the active time or more waited for locks, and no lock is named. */
    private static boolean waitsUnnamed(Report report) {
        return report.locks().isEmpty() && report.breakdown().shareOfActive(ThreadState.LOCK) >= UNNAMED_LOCK_SHARE;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads a recording; an unreadable or incomplete one is a RecordingException. */
    public static LoadedRecording load(Path jfr) throws RecordingException {
        try {
            StackStates states = new StackStates();
            Recording recording = JfrLoader.load(jfr, states);
            dev.jbound.Timing.mark("loaded");
            return new LoadedRecording(recording, states);
        } catch (IOException | RuntimeException e) {
            throw new RecordingException("cannot read the recording " + jfr + ": " + e.getMessage(), e);
        }
    }

    /** Whether a file is a JFR recording by its first bytes: to tell a user who gave one where a report was meant. */
    public static boolean isJfr(Path file) {
        return JfrFile.startsAsJfr(file);
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

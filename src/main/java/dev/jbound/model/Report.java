package dev.jbound.model;

import java.util.List;
import java.util.Map;

/**
 * Everything jbound concluded about one window: the model every renderer reads.
 * {@link #SCHEMA_VERSION} versions the JSON rendering of it.
 */
public record Report(
        Target target,
        Window window,
        Sampling sampling,
        CpuBudget cores,
        Breakdown breakdown,
        double busyThreads,
        Verdict verdict,
        Strategy strategy,
        Map<ThreadState, List<FrameCount>> topFrames,
        List<LockSite> locks,
        List<PoolRow> pools,
        List<ThreadRow> threads,
        JvmOverhead jvm,
        Io io,
        List<String> notes,
        Phases phases) {

    public static final int SCHEMA_VERSION = 1;

    public Report {
        topFrames = Map.copyOf(topFrames);
        locks = List.copyOf(locks);
        pools = List.copyOf(pools);
        threads = List.copyOf(threads);
        notes = List.copyOf(notes);
    }

    /** The profiled JVM; pid 0 for a recording read from a file. */
    public record Target(long pid, String mainClass, String jvmVersion) {
    }

    public record Window(long startEpochMillis, long durationNanos) {
    }

    /** How the data was gathered, so a reader can judge how much to trust it. */
    public record Sampling(String recorder, long cpuIntervalNanos, long wallIntervalNanos, int cpuSamples,
                           int wallSamples, int lockEvents, boolean osSensor) {
    }

    /**
     * Bytes the process read and wrote in the window (storage layer; -1 when unreadable), and what
     * its active threads' I/O time waited on, most first.
     */
    public record Io(long readBytes, long writeBytes, List<IoShare> targets) {
        public Io {
            targets = List.copyOf(targets);
        }

        public Io(long readBytes, long writeBytes) {
            this(readBytes, writeBytes, List.of());
        }
    }

    public int idleThreads() {
        return (int) threads.stream().filter(t -> t.kind() == ThreadKind.APP && t.idle()).count();
    }

    public int appThreads() {
        return (int) threads.stream().filter(t -> t.kind() == ThreadKind.APP).count();
    }
}

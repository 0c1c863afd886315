package dev.jbound.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read from one JFR recording, independent of which recorder produced it.
 * Times are nanoseconds since the epoch; sample intervals are what the recorder was asked for.
 *
 * @param producer       "async-profiler" or "JDK Flight Recorder"
 * @param measured       what the recording measured per thread besides samples (the JDK's thread
 *                       dumps and jdk.ThreadCPULoad); {@link Measured#NONE} for async-profiler's
 * @param cpus           the target's CPUs as the recording states them, 0 when it does not
 * @param gcPauseNanos   stop-the-world GC pauses in the window, -1 when the recording has no GC events
 * @param notes          what the reader saw that the report should mention (a cut-short file, pinned virtual threads)
 * @param jvm            the recorded JVM as the recording describes it
 * @param timeline       each thread's sampled states slice by slice (phases, lanes)
 */
public record Recording(
        long startNanos,
        long endNanos,
        long cpuIntervalNanos,
        long wallIntervalNanos,
        Map<Long, ThreadInfo> threads,
        List<CpuSample> cpuSamples,
        List<WallSample> wallSamples,
        List<LockEvent> lockEvents,
        boolean truncated,
        String producer,
        Measured measured,
        int cpus,
        long gcPauseNanos,
        List<String> notes,
        Jvm jvm,
        Timeline timeline) {

    /** What a recording says of its JVM: pid 0 and empty strings where it says nothing. */
    public record Jvm(long pid, String mainClass, String version) {
        public static final Jvm UNKNOWN = new Jvm(0, "", "");
    }

    /**
     * Per-thread facts a recording measured rather than sampled.
     *
     * @param cpuNanos   CPU time in the window
     * @param lifeNanos  how much of the window the thread existed, where known
     * @param stateHints stacks seen at instants (thread dumps, native-method samples) and how often,
     *                   for the time no timed event explains
     * @param systemCpuNanos the part of a thread's CPU time spent in the kernel, where the recording
     *                   splits it (jdk.ThreadCPULoad's system load)
     * @param processSystemNanos the whole JVM's CPU time in the kernel (jdk.CPULoad's jvmSystem), -1 when unknown
     * @param nativeMethodStacks stacks whose innermost frame is a Java native method (JNI): a thread
     *                   there is runnable to the JVM whether or not it is on a CPU
     * @param machineLoad the whole machine's average CPU load in the window, 0 to 1 (jdk.CPULoad's
     *                   machineTotal); negative when the recording does not say
     * @param cpuEstimated {@code cpuNanos} shares out the process's CPU load by the samples: no per-thread measure
     * @param ioWaits    each thread's timed I/O events by what they waited on (the JDK's socket events
     *                   name host and port, its file events the path), nanoseconds
     */
    public record Measured(Map<Long, Long> cpuNanos, Map<Long, Long> lifeNanos, Map<Long, Map<Stack, Integer>> stateHints,
                           Map<Long, Long> systemCpuNanos, long processSystemNanos, Set<Stack> nativeMethodStacks, double machineLoad,
                           boolean cpuEstimated, Map<Long, Map<IoTarget, Long>> ioWaits) {
        public static final Measured NONE = new Measured(Map.of(), Map.of(), Map.of());

        public Measured {
            cpuNanos = Map.copyOf(cpuNanos);
            lifeNanos = Map.copyOf(lifeNanos);
            stateHints = Map.copyOf(stateHints);
            systemCpuNanos = Map.copyOf(systemCpuNanos);
            nativeMethodStacks = Set.copyOf(nativeMethodStacks);
            ioWaits = Map.copyOf(ioWaits);
        }

        public Measured(Map<Long, Long> cpuNanos, Map<Long, Long> lifeNanos, Map<Long, Map<Stack, Integer>> stateHints) {
            this(cpuNanos, lifeNanos, stateHints, Map.of(), -1, Set.of(), -1, false, Map.of());
        }
    }

    public static final String ASYNC_PROFILER = "async-profiler";
    public static final String JDK_FLIGHT_RECORDER = "JDK Flight Recorder";

    public Recording {
        threads = Map.copyOf(threads);
        cpuSamples = List.copyOf(cpuSamples);
        wallSamples = List.copyOf(wallSamples);
        lockEvents = List.copyOf(lockEvents);
        notes = List.copyOf(notes);
    }

    /** An async-profiler recording: samples only. */
    public Recording(long startNanos, long endNanos, long cpuIntervalNanos, long wallIntervalNanos,
                     Map<Long, ThreadInfo> threads, List<CpuSample> cpuSamples, List<WallSample> wallSamples,
                     List<LockEvent> lockEvents, boolean truncated) {
        this(startNanos, endNanos, cpuIntervalNanos, wallIntervalNanos, threads, cpuSamples, wallSamples, lockEvents,
                truncated, ASYNC_PROFILER, Measured.NONE, 0, -1, List.of(), Jvm.UNKNOWN, Timeline.EMPTY);
    }

    /** Samples and events read, before identical ones were merged. */
    public int cpuSampleCount() {
        return cpuSamples.stream().mapToInt(CpuSample::count).sum();
    }

    public int wallSampleCount() {
        return wallSamples.stream().mapToInt(WallSample::count).sum();
    }

    public int lockEventCount() {
        return lockEvents.stream().mapToInt(LockEvent::count).sum();
    }

    public long durationNanos() {
        return Math.max(0, endNanos - startNanos);
    }

    public ThreadInfo thread(long osTid) {
        ThreadInfo t = threads.get(osTid);
        return t != null ? t : new ThreadInfo(osTid, "[tid=" + osTid + "]", 0);
    }

    public boolean isEmpty() {
        return cpuSamples.isEmpty() && wallSamples.isEmpty() && lockEvents.isEmpty() && measured.cpuNanos().isEmpty();
    }
}

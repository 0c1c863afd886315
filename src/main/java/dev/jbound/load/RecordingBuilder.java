package dev.jbound.load;

import dev.jbound.analyze.CodeOrigin;
import dev.jbound.analyze.StackStates;
import dev.jbound.analyze.ThreadDump;
import dev.jbound.analyze.ThreadKinds;
import dev.jbound.load.jfr.LongMap;
import dev.jbound.model.IoTarget;
import dev.jbound.model.LockEvent;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WallSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Collects what the chunk readers find into one {@link Recording}; the producers' mappings feed it. */
final class RecordingBuilder {

    /** The JDK samples one thread in native code per period; this is the bucket over which it rotates. */
    private static final long NATIVE_ROTATION_NANOS = 1_000_000_000L;

    /** Stands for CPU time the process used where the JDK's sampler saw no application thread. */
    static final ThreadInfo UNSAMPLED = new ThreadInfo(ThreadInfo.VIRTUAL_ID_BASE - 1, "(unsampled threads)", 0);

    /**
     * Process CPU that no sampled application thread explains is the application's only above a
     * quarter of a core on average; below that it is the JVM's housekeeping (JIT, the recorder itself).
     */
    private static final double UNSAMPLED_APPLICATION_CORES = 0.25;

    private record NativeSample(long time, long tid, Stack stack) {
    }

    long startNanos = Long.MAX_VALUE;
    long endNanos = Long.MIN_VALUE;
    long cpuIntervalNanos;
    long wallIntervalNanos;
    String producer = Recording.ASYNC_PROFILER;
    int cpus;
    long gcPauseNanos = -1;
    Recording.Jvm jvm = Recording.Jvm.UNKNOWN;
    private final LongMap<ThreadInfo> threads = new LongMap<>();
    private final SampleTally tally = new SampleTally();
    /**
     * Native-method samples wait a chunk before they are settled: a wait is written in the chunk
     * where it ends, so one that began in the previous chunk explains that chunk's samples too.
     */
    private List<NativeSample> natives = new ArrayList<>();
    private List<NativeSample> pendingNatives = new ArrayList<>();
    private long nativePeriodNanos;
    /** CPU load × seconds per thread, to multiply by the CPU count once it is known. */
    private final Map<Long, Double> cpuLoadSeconds = new HashMap<>();
    /** The kernel's part of it. */
    private final Map<Long, Double> systemLoadSeconds = new HashMap<>();
    /** Timed I/O events by thread and what they waited on. */
    private final Map<Long, Map<IoTarget, Long>> ioWaits = new HashMap<>();
    /** Stacks whose innermost frame is a Java native method (native-method samples, dumps). */
    private final Set<Stack> nativeStacks = new HashSet<>();
    /** Per-thread facts from thread dumps at both ends of the window; they win over load averages. */
    private final Map<Long, Long> dumpCpu = new HashMap<>();
    private final Map<Long, Long> dumpLife = new HashMap<>();
    private final Map<Long, Map<Stack, Integer>> dumpHints = new HashMap<>();
    /** Native-method samples no timed wait explains, with the time each stands for (period × threads in native). */
    private final SampleTally residualNatives = new SampleTally();
    /** Samples by time slice; the JDK's native-method samples stay out (they only fill time nothing else explains). */
    private final StateTimeline timeline;
    private final StackStates states;
    /** The JVM's CPU load × seconds (jdk.CPULoad), the last resort for how much CPU the samples stand for. */
    private double processLoadSeconds;
    /** Its kernel part, and the whole machine's load × seconds over the seconds they cover. */
    private double processSystemLoadSeconds;
    private double machineLoadSeconds;
    private double machineLoadOverSeconds;
    private final Map<Long, Integer> allocations = new HashMap<>();
    /** Timed waits of this chunk and of the one before, by thread: what explains the pending native samples. */
    private Map<Long, List<long[]>> timedSpans = new HashMap<>();
    private Map<Long, List<long[]>> previousSpans = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    RecordingBuilder(StackStates states) {
        this.states = states;
        this.timeline = new StateTimeline(states);
    }

    void chunk(long start, long end) {
        timeline.origin(start);
        startNanos = Math.min(startNanos, start);
        endNanos = Math.max(endNanos, end);
    }

    /** Registers a thread; a real name wins over a placeholder seen earlier. */
    long thread(ThreadInfo t) {
        ThreadInfo old = threads.get(t.osTid());
        if (old == null || old.name().startsWith("[tid=")) threads.put(t.osTid(), t);
        return t.osTid();
    }

    void cpu(long time, ThreadInfo t, Stack stack, long weight) {
        tally.cpu(time, thread(t), stack, weight);
        timeline.cpu(time, t.osTid(), stack, weight);
    }

    void wall(long time, ThreadInfo t, Stack stack, long weight, ThreadState known) {
        if (weight <= 0) return;
        tally.wall(time, thread(t), stack, weight, known, 1);
        timeline.wall(time, t.osTid(), stack, known, weight);
    }

    /**
     * One thread's samples of one kind (cpu, or unlabelled wall) at one stack, resolved once:
     * registered thread, classified state and running total, for a reader that meets the same
     * sample many times in a chunk (async-profiler's, millions in a big file).
     */
    /** What {@link #resolve} answered, by thread and kind (1 for cpu), then by stack. */
    private final LongMap<IdentityHashMap<Stack, Resolved>> resolved = new LongMap<>();

    static final class Resolved {
        final long tid;
        final boolean cpu;
        final ThreadState state;
        final SampleTally.Total total;
        /** Where the thread's last such sample went in the timeline. */
        final StateTimeline.LastCell cell = new StateTimeline.LastCell();

        private Resolved(long tid, boolean cpu, ThreadState state, SampleTally.Total total) {
            this.tid = tid;
            this.cpu = cpu;
            this.state = state;
            this.total = total;
        }
    }

    /**
     * @param time the first such sample's time, which a new total keeps
     * @return the same Resolved for the same thread, kind and stack, whichever chunk asks: a long
     *         recording's chunks meet the same pairs again under keys of their own
     */
    Resolved resolve(ThreadInfo t, Stack stack, boolean cpu, long time) {
        long tid = thread(t);
        IdentityHashMap<Stack, Resolved> byStack = resolved.get(tid, cpu ? 1 : 0);
        if (byStack == null) resolved.put(tid, cpu ? 1 : 0, byStack = new IdentityHashMap<>());
        Resolved r = byStack.get(stack); // stacks are interned: one object for equal stacks
        if (r == null) {
            ThreadState state = states.state(stack); // an unlabelled sample's state is its stack's
            byStack.put(stack, r = new Resolved(tid, cpu, state, tally.total(cpu, time, tid, stack)));
        }
        return r;
    }

    /** What {@link #cpu} or {@link #wall} (unlabelled) does, for a sample resolved before. */
    void sample(Resolved r, long time, long weight) {
        if (!r.cpu && weight <= 0) return;
        r.total.add(weight, 1);
        timeline.sample(time, r.tid, r.state, r.cpu, weight, r.cell);
    }

    /** A timed event (a socket read, a park): the thread's time from {@code time} on for {@code weight} is explained. */
    void timed(long time, ThreadInfo t, Stack stack, long weight, ThreadState known) {
        wall(time, t, stack, weight, known);
        if (weight > 0) timedSpans.computeIfAbsent(t.osTid(), k -> new ArrayList<>()).add(new long[]{time, time + weight});
    }

    /** A timed I/O event that named what it waited on. */
    void ioWait(ThreadInfo t, IoTarget target, long nanos) {
        if (nanos > 0) ioWaits.computeIfAbsent(thread(t), k -> new HashMap<>()).merge(target, nanos, Long::sum);
    }

    void lock(LockEvent e) {
        tally.lock(e);
    }

    void nativeSample(long time, ThreadInfo t, Stack stack, long periodNanos) {
        natives.add(new NativeSample(time, thread(t), stack));
        nativePeriodNanos = periodNanos;
        if (CodeOrigin.libraryNative(stack)) nativeStacks.add(stack);
    }

    void gcPause(long time, long nanos) {
        timeline.gcPause(time, nanos);
    }

    /** @param time when the load was measured: the end of the {@code overNanos} it averages */
    void cpuLoad(long time, ThreadInfo t, double load, double systemLoad, long overNanos) {
        cpuLoadSeconds.merge(thread(t), load * overNanos / 1e9, Double::sum);
        systemLoadSeconds.merge(t.osTid(), systemLoad * overNanos / 1e9, Double::sum);
        timeline.measuredCpu(time - overNanos, overNanos, t.osTid(), load * overNanos);
    }

    /**
     * Threads waiting for the same lock in the first and the last thread dump, {@code apart}
     * nanoseconds from {@code from}, with no CPU time, sample or timed wait between: the JDK's
     * recorder writes a monitor wait when it ends and samples running threads only, so a wait
     * through the whole window (a lock held throughout) leaves nothing else. Counted as waiting for
     * the lock from dump to dump. Before {@link #dumps}, which counts CPU time between the same two.
     */
    void waitingThroughout(Map<Long, ThreadDump.Thread> first, Map<Long, ThreadDump.Thread> last, long from, long apart) {
        last.forEach((tid, end) -> {
            ThreadDump.Thread start = first.get(tid);
            if (start == null || !start.name().equals(end.name())) return;
            if (end.waitingFor() == null || !end.waitingFor().equals(start.waitingFor())) return;
            // a blocked thread spends no CPU; one that ran between got the lock and waits again
            if (end.cpuNanos() < 0 || start.cpuNanos() < 0 || end.cpuNanos() - start.cpuNanos() > apart / 100) return;
            if (tally.sampled(tid)) return;
            timed(from, new ThreadInfo(tid, end.name(), 0), end.stack(), apart, ThreadState.LOCK);
        });
    }

    /**
     * Two thread dumps {@code apart} nanoseconds apart: each thread's CPU time in between, how long it
     * lived in that stretch, and its stacks at both ends.
     */
    void dumps(Map<Long, ThreadDump.Thread> first, Map<Long, ThreadDump.Thread> last, long apart) {
        last.forEach((tid, end) -> {
            if (end.cpuNanos() < 0) return; // a dump without CPU times (JDK 8) measures nothing
            ThreadDump.Thread start = first.get(tid);
            boolean same = start != null && start.name().equals(end.name());
            long id = thread(new ThreadInfo(tid, end.name(), 0));
            dumpCpu.put(id, Math.max(0, end.cpuNanos() - (same ? start.cpuNanos() : 0)));
            dumpLife.put(id, same ? apart : Math.min(apart, end.ageNanos()));
            Map<Stack, Integer> hints = dumpHints.computeIfAbsent(id, k -> new HashMap<>());
            if (same) hints.merge(start.stack(), 1, Integer::sum);
            hints.merge(end.stack(), 1, Integer::sum);
            if (same && start.inNativeMethod() && CodeOrigin.libraryNative(start.stack())) nativeStacks.add(start.stack());
            if (end.inNativeMethod() && CodeOrigin.libraryNative(end.stack())) nativeStacks.add(end.stack());
        });
    }

    /** An allocation sample: the thread was running Java code then, as good as a CPU sample for where CPU went. */
    void allocation(ThreadInfo t) {
        allocations.merge(thread(t), 1, Integer::sum);
    }

    /** @param machineLoad the whole machine's load, negative when the event lacks it */
    void processLoad(double load, double systemLoad, double machineLoad, long overNanos) {
        processLoadSeconds += load * overNanos / 1e9;
        processSystemLoadSeconds += systemLoad * overNanos / 1e9;
        if (machineLoad >= 0) {
            machineLoadSeconds += machineLoad * overNanos / 1e9;
            machineLoadOverSeconds += overNanos / 1e9;
        }
    }

    void note(String note) {
        notes.add(note);
    }

    /** The chunk is read: the previous chunk's native samples can be settled now. */
    void endChunk() {
        // each chunk's waits sorted once, as they are met again when the next chunk settles
        timedSpans.values().forEach(list -> list.sort(BY_START));
        settle(pendingNatives, previousSpans, timedSpans);
        pendingNatives = natives;
        natives = new ArrayList<>();
        previousSpans = timedSpans;
        timedSpans = new HashMap<>();
    }

    private static final Comparator<long[]> BY_START = (x, y) -> Long.compare(x[0], y[0]);

    /**
     * A native-method sample inside a timed wait of its thread adds nothing (the wait explains
     * that time); the others stand for the period times the number of threads the sampler found
     * in native code in that second, since it takes one such thread per period.
     *
     * @param before the waits of the samples' chunk, {@code after} those of the chunk after it
     */
    private void settle(List<NativeSample> samples, Map<Long, List<long[]>> before, Map<Long, List<long[]>> after) {
        if (samples.isEmpty()) return;
        Map<Long, Set<Long>> threadsPerBucket = new HashMap<>();
        for (NativeSample s : samples) {
            threadsPerBucket.computeIfAbsent(s.time / NATIVE_ROTATION_NANOS, k -> new HashSet<>()).add(s.tid);
        }
        long period = nativePeriodNanos > 0 ? nativePeriodNanos : JdkRecorderEvents.DEFAULT_SAMPLE_PERIOD_NANOS;
        for (NativeSample s : samples) {
            if (withinTimed(s, before.get(s.tid), after.get(s.tid))) continue;
            int inNative = threadsPerBucket.get(s.time / NATIVE_ROTATION_NANOS).size();
            residualNatives.wall(s.time, s.tid, s.stack, period * inNative, null, 1);
        }
    }

    Recording build(boolean truncated) {
        endChunk(); // the last chunk's samples, against its own waits
        if (dumpCpu.isEmpty()) {
            for (WallSample w : residualNatives.wallSamples()) tally.wall(w.timeNanos(), w.osTid(), w.stack(), w.weightNanos(), null, w.count());
        } else {
            // With each thread's life and CPU time known, native samples only say what a thread did in
            // the time nothing else explains.
            for (WallSample w : residualNatives.wallSamples()) {
                dumpHints.computeIfAbsent(w.osTid(), k -> new HashMap<>()).merge(w.stack(), w.count(), Integer::sum);
            }
        }
        Recording.Measured measured = measured();
        long start = startNanos == Long.MAX_VALUE ? 0 : startNanos;
        long end = endNanos == Long.MIN_VALUE ? start : endNanos;
        Map<Long, ThreadInfo> byId = new HashMap<>();
        threads.forEach((id, unused, t) -> byId.put(id, t));
        return new Recording(start, end, cpuIntervalNanos, wallIntervalNanos, byId, tally.cpuSamples(), tally.wallSamples(),
                tally.lockEvents(), truncated, producer, measured, cpus, gcPauseNanos, notes, jvm, timeline.build(start, end, cpus));
    }

    /** Per-thread CPU time from the best source the recording has: thread dumps, thread load, or process load. */
    private Recording.Measured measured() {
        double machineLoad = machineLoadOverSeconds > 0 ? machineLoadSeconds / machineLoadOverSeconds : -1;
        if (!dumpCpu.isEmpty()) {
            return new Recording.Measured(dumpCpu, dumpLife, dumpHints, systemCpu(dumpCpu), processSystemNanos(), nativeStacks,
                    machineLoad, false, ioWaits);
        }
        Map<Long, Long> threadCpu = new HashMap<>();
        if (cpus <= 0) return Recording.Measured.NONE;
        if (!cpuLoadSeconds.isEmpty()) {
            cpuLoadSeconds.forEach((tid, s) -> threadCpu.put(tid, Math.round(s * cpus * 1e9)));
        } else if (processLoadSeconds > 0) {
            // The samples say where the CPU went, the process load how much there was; while the GC
            // stopped the world, the CPU was the collector's.
            long processCpu = Math.round(processLoadSeconds * cpus * 1e9);
            long appCpu = Math.max(0, processCpu - Math.max(0, gcPauseNanos) * cpus);
            Map<Long, Integer> perThread = new HashMap<>();
            int appSamples = 0;
            tally.cpuCountByThread().forEach((tid, n) -> perThread.merge(tid, n, Integer::sum));
            allocations.forEach((tid, n) -> perThread.merge(tid, n, Integer::sum));
            perThread.keySet().removeIf(tid -> ThreadKinds.of(threads.get(tid)) != ThreadKind.APP);
            for (int n : perThread.values()) appSamples += n;
            for (var e : perThread.entrySet()) threadCpu.put(e.getKey(), Math.round((double) appCpu * e.getValue() / appSamples));
            long window = endNanos - startNanos;
            if (perThread.isEmpty() && appCpu > UNSAMPLED_APPLICATION_CORES * window) {
                // JDK 17's sampler cannot walk some compiled code (tight loops): the CPU is real, its threads unseen.
                threadCpu.put(thread(UNSAMPLED), appCpu);
                notes.add(String.format(Locale.US, "the JVM used %.1f s of CPU that the recording's sampler attributed to no"
                        + " application thread (the JDK's sampler misses some compiled code); record with jbound to see where", appCpu / 1e9));
            }
        }
        if (threadCpu.isEmpty()) return Recording.Measured.NONE;
        return new Recording.Measured(threadCpu, Map.of(), Map.of(), systemCpu(threadCpu), processSystemNanos(), nativeStacks,
                machineLoad, cpuLoadSeconds.isEmpty(), ioWaits);
    }

    /** The JVM's CPU time in the kernel (jdk.CPULoad's jvmSystem), -1 when the recording does not say. */
    private long processSystemNanos() {
        return processSystemLoadSeconds > 0 && cpus > 0 ? Math.round(processSystemLoadSeconds * cpus * 1e9) : -1;
    }

    /** Each thread's CPU time in the kernel, where its own load events split it (profile settings: every 10 s, and at the end). */
    private Map<Long, Long> systemCpu(Map<Long, Long> threadCpu) {
        Map<Long, Long> system = new HashMap<>();
        threadCpu.forEach((tid, cpu) -> {
            double load = cpuLoadSeconds.getOrDefault(tid, 0.0);
            if (load > 0) system.put(tid, Math.round(cpu * Math.min(1, systemLoadSeconds.getOrDefault(tid, 0.0) / load)));
        });
        return system;
    }

    /**
     * Whether the wait of the thread that started last before the sample (in either chunk's sorted
     * waits; the later chunk's on a tie) still lasted at the sample: a thread's waits do not
     * overlap, so it is the only candidate.
     */
    private static boolean withinTimed(NativeSample s, List<long[]> before, List<long[]> after) {
        long[] a = lastStartingBy(before, s.time);
        long[] b = lastStartingBy(after, s.time);
        long[] last = a == null ? b : b == null ? a : b[0] >= a[0] ? b : a;
        return last != null && s.time <= last[1];
    }

    private static long[] lastStartingBy(List<long[]> spans, long time) {
        if (spans == null) return null;
        int lo = 0, hi = spans.size() - 1, last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid)[0] <= time) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return last < 0 ? null : spans.get(last);
    }
}

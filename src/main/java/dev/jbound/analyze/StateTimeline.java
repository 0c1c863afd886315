package dev.jbound.analyze;

import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Timeline;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Gathers the timeline while a recording is read: each sample's time goes, by its state, into the
 * slice of its thread it falls in. Slices start at a second; when the cells would outgrow
 * {@link #MAX_CELLS} (a long recording of many threads) they double, so memory stays bounded.
 */
final class StateTimeline {
    static final long FIRST_SLICE_NANOS = 1_000_000_000L;
    /** About 10 MB at most: 100,000 thread-slices of six counters. */
    static final int MAX_CELLS = 100_000;
    private static final int STATES = ThreadState.values().length;

    private record Cell(long tid, long slice) {
    }

    /** The row the GC's pauses are kept in: no thread has this id. */
    private static final long PAUSES = Long.MIN_VALUE;

    private final FrameClassifier classifier = new FrameClassifier();
    private final Map<Stack, ThreadState> states = new IdentityHashMap<>();
    private Map<Cell, long[]> cells = new HashMap<>();
    /** jdk.ThreadCPULoad by thread and slice: load × nanoseconds, to multiply by the CPU count once known. */
    private Map<Cell, double[]> measured = new HashMap<>();
    private long sliceNanos = FIRST_SLICE_NANOS;
    /** Slices start at the first chunk's start, so "at 3 s" means three seconds into the window. */
    private long origin = Long.MIN_VALUE;

    /** The recording's start, from its first chunk; later (or earlier) chunks keep it. */
    void origin(long startNanos) {
        if (origin == Long.MIN_VALUE) origin = startNanos;
    }

    /** A CPU sample: its time is the state its stack shows (CPU, or io inside an I/O call). */
    void cpu(long time, long tid, Stack stack, long weight) {
        add(time, tid, state(stack), weight);
    }

    /**
     * A wall sample or timed event. The time a thread ran is the CPU samples' to tell, so a wall
     * sample that shows it running adds nothing here.
     */
    void wall(long time, long tid, Stack stack, ThreadState known, long weight) {
        ThreadState s = known != null ? known : state(stack);
        if (s != ThreadState.CPU) add(time, tid, s, weight);
    }

    /**
     * The JDK's measured CPU load of a thread (load × nanoseconds): where a thread has it, it is
     * the thread's CPU time in the slice, whatever the sampler caught (JDK 17's misses tight loops).
     */
    void measuredCpu(long time, long tid, double loadNanos) {
        if (loadNanos <= 0) return;
        if (origin == Long.MIN_VALUE) origin = time;
        measured.computeIfAbsent(new Cell(tid, Math.max(0, time - origin) / sliceNanos), c -> new double[1])[0] += loadNanos;
        if (measured.size() > MAX_CELLS) coarsen();
    }

    /** A stop-the-world pause (the JDK's recorder reports them; async-profiler shows the GC threads' CPU instead). */
    void gcPause(long time, long nanos) {
        if (nanos <= 0) return;
        if (origin == Long.MIN_VALUE) origin = time;
        add(time, PAUSES, ThreadState.GC, nanos);
    }

    private ThreadState state(Stack stack) {
        return states.computeIfAbsent(stack, st -> classifier.classify(st).state());
    }

    private void add(long time, long tid, ThreadState s, long weight) {
        if (weight <= 0) return;
        if (origin == Long.MIN_VALUE) origin = time;
        cells.computeIfAbsent(new Cell(tid, Math.max(0, time - origin) / sliceNanos), c -> new long[STATES])[s.ordinal()] += weight;
        if (cells.size() > MAX_CELLS) coarsen();
    }

    private void coarsen() {
        sliceNanos *= 2;
        Map<Cell, long[]> merged = new HashMap<>();
        cells.forEach((c, v) -> {
            long[] into = merged.computeIfAbsent(new Cell(c.tid(), c.slice() / 2), k -> new long[STATES]);
            for (int i = 0; i < STATES; i++) into[i] += v[i];
        });
        cells = merged;
        Map<Cell, double[]> mergedLoad = new HashMap<>();
        measured.forEach((c, v) -> mergedLoad.computeIfAbsent(new Cell(c.tid(), c.slice() / 2), k -> new double[1])[0] += v[0]);
        measured = mergedLoad;
    }

    /** @param cpus the recorded JVM's CPU count, which turns measured loads into CPU time (0: unknown) */
    Timeline build(long startNanos, long endNanos, int cpus) {
        if (cpus > 0 && !measured.isEmpty()) {
            // a thread with measured load has its CPU from it, not from the samples
            java.util.Set<Long> measuredThreads = new java.util.HashSet<>();
            measured.keySet().forEach(c -> measuredThreads.add(c.tid()));
            cells.forEach((c, v) -> {
                if (measuredThreads.contains(c.tid())) v[ThreadState.CPU.ordinal()] = 0;
            });
            measured.forEach((c, v) -> cells.computeIfAbsent(c, k -> new long[STATES])[ThreadState.CPU.ordinal()] += Math.round(v[0] * cpus));
        }
        if (cells.isEmpty() || endNanos <= startNanos) return Timeline.EMPTY;
        long base = Math.min(origin, startNanos);
        long first = (startNanos - base) / sliceNanos;
        int slices = (int) Math.max(1, (endNanos - base - 1) / sliceNanos - first + 1);
        Map<Long, long[][]> byThread = new HashMap<>();
        long[] pauses = new long[slices];
        cells.forEach((c, v) -> {
            long i = c.slice() - first;
            if (i < 0 || i >= slices) return;
            if (c.tid() == PAUSES) {
                pauses[(int) i] += v[ThreadState.GC.ordinal()];
                return;
            }
            long[][] lane = byThread.computeIfAbsent(c.tid(), t -> new long[slices][STATES]);
            for (int s = 0; s < STATES; s++) lane[(int) i][s] += v[s];
        });
        return new Timeline(base + first * sliceNanos, sliceNanos, slices, byThread, pauses);
    }
}

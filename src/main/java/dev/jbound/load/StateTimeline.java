package dev.jbound.load;

import dev.jbound.analyze.StackStates;
import dev.jbound.load.jfr.LongMap;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Timeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the timeline while a recording is read: each sample's time goes, by its state, into the
 * slices of its thread that it covers (a long wait is spread over them). Slices start at a second;
 * when the cells would outgrow {@link #MAX_CELLS} (a long recording of many threads) they double,
 * up to {@link #MAX_SLICE_NANOS}; past that, threads first seen later get no cells, so memory
 * stays bounded whatever the recording.
 */
final class StateTimeline {
    static final long FIRST_SLICE_NANOS = 1_000_000_000L;
    /** About 10 MB at most: 100,000 thread-slices of six counters. */
    static final int MAX_CELLS = 100_000;
    /** Slices stop doubling here (about a minute): many threads, not a long window, fill the cells then. */
    static final long MAX_SLICE_NANOS = 64 * FIRST_SLICE_NANOS;
    /** At most this many slices per window: beyond, they double (a day at 16 s). */
    static final int MAX_SLICES = 10_000;
    private static final int STATES = ThreadState.values().length;

    /** The row the GC's pauses are kept in: no thread has this id. */
    private static final long PAUSES = Long.MIN_VALUE;

    private final StackStates states;
    /** Counters by state, keyed by (thread, slice). */
    private LongMap<long[]> cells = new LongMap<>();
    /** jdk.ThreadCPULoad by thread and slice: load × nanoseconds, to multiply by the CPU count once known. */
    private LongMap<double[]> measured = new LongMap<>();
    private long sliceNanos = FIRST_SLICE_NANOS;
    /** Slices start at the first chunk's start, so "at 3 s" means three seconds into the window. */
    private long origin = Long.MIN_VALUE;
    /** No room for new cells: slices are as long as they get and the cells still fill the budget. */
    private boolean full;
    /** Counts the times the slices doubled: a {@link LastCell} from before points at cells no longer kept. */
    private int generation;

    /**
     * The cell one caller added to last and the stretch of time it covers (from the origin): a
     * reader adding the same thread's samples one after the other (async-profiler's millions) mostly
     * hits the same slice again, and then needs neither a lookup nor a division.
     */
    static final class LastCell {
        private long from;
        private long to;
        private long[] cell;
        private int generation = -1;
    }

    StateTimeline(StackStates states) {
        this.states = states;
    }

    /** The recording's start, from its first chunk; later (or earlier) chunks keep it. */
    void origin(long startNanos) {
        if (origin == Long.MIN_VALUE) origin = startNanos;
    }

    /** A CPU sample: its time is the state its stack shows (CPU, or io inside an I/O call). */
    void cpu(long time, long tid, Stack stack, long weight) {
        sample(time, tid, states.state(stack), true, weight);
    }

    /** A wall sample or timed event, covering {@code weight} from {@code time} on. */
    void wall(long time, long tid, Stack stack, ThreadState known, long weight) {
        sample(time, tid, states.state(stack, known), false, weight);
    }

    /**
     * A sample in {@code state} (classified already, as {@link RecordingBuilder.Resolved} carries it).
     * A CPU sample's time falls at its instant; a wall sample covers {@code weight} from {@code time}
     * on, and one that shows the thread running adds nothing: the time a thread ran is the CPU samples' to tell.
     */
    void sample(long time, long tid, ThreadState state, boolean cpu, long weight) {
        sample(time, tid, state, cpu, weight, null);
    }

    /** The same, for a caller that keeps {@code last} for the thread (null: none). */
    void sample(long time, long tid, ThreadState state, boolean cpu, long weight, LastCell last) {
        if (cpu) add(time, 0, tid, state, weight, last);
        else if (state != ThreadState.CPU) add(time, weight, tid, state, weight, last);
    }

    /** A stop-the-world pause (the JDK's recorder reports them; async-profiler shows the GC threads' CPU instead). */
    void gcPause(long time, long nanos) {
        add(time, nanos, PAUSES, ThreadState.GC, nanos, null);
    }

    /**
     * The JDK's measured CPU load of a thread over {@code [from, from + over)} (load × nanoseconds):
     * where a thread has it, it is the thread's CPU time, whatever the sampler caught (JDK 17's
     * misses tight loops).
     */
    void measuredCpu(long from, long over, long tid, double loadNanos) {
        if (loadNanos <= 0 || over <= 0) return;
        if (origin == Long.MIN_VALUE) origin = from;
        forEachSlice(from, over, (slice, fraction) -> {
            double[] cell = measured.get(tid, slice);
            if (cell == null) {
                if (full) return;
                cell = new double[1];
                measured.put(tid, slice, cell);
            }
            cell[0] += loadNanos * fraction;
        });
        if (measured.size() > MAX_CELLS) coarsen();
    }

    /** @param length how long the time runs from {@code time} (0: an instant, all in its slice) */
    private void add(long time, long length, long tid, ThreadState s, long weight, LastCell last) {
        if (weight <= 0) return;
        if (origin == Long.MIN_VALUE) origin = time;
        long from = Math.max(0, time - origin);
        long end = length <= 0 ? from : from + length - 1; // the last nanosecond it covers
        if (last != null && last.generation == generation && from >= last.from && end < last.to) {
            last.cell[s.ordinal()] += weight;
            return;
        }
        long first = from / sliceNanos;
        if (end / sliceNanos == first) {
            long[] cell = addToCell(tid, first, s, weight); // the usual case, without the spreading's lambda
            if (last != null && cell != null) {
                last.from = first * sliceNanos;
                last.to = last.from + sliceNanos;
                last.cell = cell;
                last.generation = generation;
            }
        } else {
            spread(from, length, tid, s, weight);
        }
        if (cells.size() > MAX_CELLS) coarsen();
    }

    /**
     * {@code weight} over the slices {@code [from, from + length)} overlaps, each its share: what
     * {@link #forEachSlice} does, written out for the samples (a wall sample of 50 ms spans slices),
     * as a capturing lambda per sample costs C1's code an allocation through a method handle.
     */
    private void spread(long from, long length, long tid, ThreadState s, long weight) {
        long first = from / sliceNanos;
        // a wait longer than the slices can hold (a corrupt duration) counts only where they reach
        long end = Math.min(from + length, (first + MAX_SLICES) * sliceNanos);
        for (long slice = first; slice * sliceNanos < end; slice++) {
            long overlap = Math.min(end, (slice + 1) * sliceNanos) - Math.max(from, slice * sliceNanos);
            if (overlap > 0) addToCell(tid, slice, s, Math.round(weight * ((double) overlap / length)));
        }
    }

    /** @return the cell, null when there is no room for it */
    private long[] addToCell(long tid, long slice, ThreadState s, long nanos) {
        long[] cell = cells.get(tid, slice);
        if (cell == null) {
            if (full) return null;
            cell = new long[STATES];
            cells.put(tid, slice, cell);
        }
        cell[s.ordinal()] += nanos;
        return cell;
    }

    private interface SliceShare {
        void accept(long slice, double fraction);
    }

    /** The slices {@code [time, time + length)} overlaps, each with its share of the length. */
    private void forEachSlice(long time, long length, SliceShare share) {
        long from = Math.max(0, time - origin);
        long first = from / sliceNanos;
        if (length <= 0 || (from + length - 1) / sliceNanos == first) {
            share.accept(first, 1.0);
            return;
        }
        // a wait longer than the slices can hold (a corrupt duration) counts only where they reach
        long end = Math.min(from + length, (first + MAX_SLICES) * sliceNanos);
        for (long slice = first; slice * sliceNanos < end; slice++) {
            long overlap = Math.min(end, (slice + 1) * sliceNanos) - Math.max(from, slice * sliceNanos);
            if (overlap > 0) share.accept(slice, (double) overlap / length);
        }
    }

    private void coarsen() {
        if (sliceNanos >= MAX_SLICE_NANOS) {
            full = true;
            return;
        }
        halve();
        // many threads, not a long window: halving the slices cannot make room
        if (cells.size() > MAX_CELLS * 9 / 10 || measured.size() > MAX_CELLS * 9 / 10) full = true;
    }

    /** Doubles the slices' length, merging each pair of cells. */
    private void halve() {
        sliceNanos *= 2;
        generation++;
        LongMap<long[]> merged = new LongMap<>();
        cells.forEach((tid, slice, v) -> {
            long[] into = merged.get(tid, slice / 2);
            if (into == null) merged.put(tid, slice / 2, into = new long[STATES]);
            for (int i = 0; i < STATES; i++) into[i] += v[i];
        });
        cells = merged;
        LongMap<double[]> mergedLoad = new LongMap<>();
        measured.forEach((tid, slice, v) -> {
            double[] into = mergedLoad.get(tid, slice / 2);
            if (into == null) mergedLoad.put(tid, slice / 2, into = new double[1]);
            into[0] += v[0];
        });
        measured = mergedLoad;
    }

    /** @param cpus the recorded JVM's CPU count, which turns measured loads into CPU time (0: unknown) */
    Timeline build(long startNanos, long endNanos, int cpus) {
        if (cpus > 0 && !measured.isEmpty()) {
            // a thread with measured load has its CPU from it, not from the samples
            Set<Long> measuredThreads = new HashSet<>();
            measured.forEach((tid, slice, v) -> measuredThreads.add(tid));
            cells.forEach((tid, slice, v) -> {
                if (measuredThreads.contains(tid)) v[ThreadState.CPU.ordinal()] = 0;
            });
            measured.forEach((tid, slice, v) -> {
                long[] cell = cells.get(tid, slice);
                if (cell == null) cells.put(tid, slice, cell = new long[STATES]);
                cell[ThreadState.CPU.ordinal()] += Math.round(v[0] * cpus);
            });
        }
        if (cells.isEmpty() || endNanos <= startNanos || origin == Long.MIN_VALUE) return Timeline.EMPTY;
        // a span of days (recordings joined from elsewhere) would make too many slices to sum
        while ((endNanos - Math.min(origin, startNanos)) / sliceNanos > MAX_SLICES) halve();
        long base = Math.min(origin, startNanos);
        long shift = (origin - base) / sliceNanos; // cells count from origin; slices from base
        long first = (startNanos - base) / sliceNanos;
        int slices = (int) Math.max(1, (endNanos - base - 1) / sliceNanos - first + 1);
        Map<Long, Map<Integer, long[]>> byThread = new HashMap<>();
        long[] pauses = new long[slices];
        cells.forEach((tid, slice, v) -> {
            long i = slice + shift - first;
            if (i < 0 || i >= slices) return;
            if (tid == PAUSES) {
                pauses[(int) i] += v[ThreadState.GC.ordinal()];
                return;
            }
            long[] into = byThread.computeIfAbsent(tid, t -> new HashMap<>()).computeIfAbsent((int) i, k -> new long[STATES]);
            for (int s = 0; s < STATES; s++) into[s] += v[s];
        });
        return new Timeline(base + first * sliceNanos, sliceNanos, slices, byThread, pauses);
    }
}

package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Phases;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Timeline;
import dev.jbound.model.WorkloadClass;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies each slice of the timeline as a window of its own (the application's threads, plus
 * the GC threads' CPU as gc, as for the whole window) and finds the phases: runs of one class.
 */
final class PhaseFinder {
    /** A class must hold this many slices in a row to be a phase; shorter runs are noise at a second's grain. */
    static final int MIN_PHASE_SLICES = 2;
    /** A lane shows a slice as active when the thread was active at least 1/this of it. */
    static final int LANE_ACTIVE_FRACTION = 10;
    /** Lanes drawn for at most this many threads, the busiest first (the rows' order). */
    static final int MAX_LANES = 64;
    /** Slices need samples that saw at least half of the active time the window's verdict counts ... */
    static final double MIN_COVERAGE = 0.5;
    /** ... when the threads were busy at all: over a twentieth of a core. */
    static final double MIN_BUSY_SHARE = 0.05;
    /** Samples behind a slice, for the classifier's confidence; a slice is a short window. */
    private static final int SLICE_SAMPLES = 50;

    private PhaseFinder() {
    }

    /**
     * @param rows    the report's thread rows, busiest application threads first
     * @param kinds   each thread's kind, by OS thread id
     */
    static Phases find(Timeline t, long startNanos, long endNanos, double cores, List<ThreadRow> rows, Map<Long, ThreadKind> kinds) {
        if (t.slices() == 0) return Phases.NONE;
        int n = t.slices();
        long[][] app = new long[n][ThreadState.values().length];
        long[] working = new long[n]; // application threads that ran in the slice
        long[] gcCpu = new long[n];
        for (Map.Entry<Long, Map<Integer, long[]>> e : t.byThread().entrySet()) {
            ThreadKind kind = kinds.getOrDefault(e.getKey(), ThreadKind.APP);
            for (Map.Entry<Integer, long[]> cell : e.getValue().entrySet()) {
                int i = cell.getKey();
                long[] v = cell.getValue();
                if (kind == ThreadKind.APP) {
                    for (int s = 0; s < v.length; s++) app[i][s] += v[s];
                    if (v[ThreadState.CPU.ordinal()] > 0) working[i]++;
                } else if (kind == ThreadKind.GC) {
                    gcCpu[i] += v[ThreadState.CPU.ordinal()];
                }
            }
        }
        List<Phases.Slice> slices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = Math.max(startNanos, t.originNanos() + i * t.sliceNanos());
            long to = Math.min(endNanos, t.originNanos() + (i + 1) * t.sliceNanos());
            if (to <= from) continue;
            EnumMap<ThreadState, Long> nanos = new EnumMap<>(ThreadState.class);
            for (ThreadState s : ThreadState.values()) nanos.put(s, app[i][s.ordinal()]);
            // the GC threads' CPU is gc time, as for the whole window; a pause stops every thread
            // but costs only those that had work to do
            long pause = i < t.gcPauseNanos().length ? t.gcPauseNanos()[i] : 0;
            nanos.merge(ThreadState.GC, gcCpu[i] + pause * working[i], Long::sum);
            Breakdown b = Breakdown.of(nanos);
            WorkloadClass c = WorkloadClassifier.classify(b, to - from, cores, -1, SLICE_SAMPLES).workloadClass();
            slices.add(new Phases.Slice(from - startNanos, to - from, b, c));
        }
        int before = slices.size();
        foldShortLast(slices, t.sliceNanos(), cores);
        return new Phases(t.sliceNanos(), slices, phases(slices), lanes(t, rows, slices.size() < before));
    }

    /** A last slice under half a slice long (the window's end cut it) says too little on its own. */
    private static void foldShortLast(List<Phases.Slice> slices, long sliceNanos, double cores) {
        int n = slices.size();
        if (n < 2 || slices.get(n - 1).lengthNanos() >= sliceNanos / 2) return;
        Phases.Slice last = slices.remove(n - 1), before = slices.remove(n - 2);
        Breakdown b = before.breakdown().plus(last.breakdown());
        long length = before.lengthNanos() + last.lengthNanos();
        slices.add(new Phases.Slice(before.offsetNanos(), length, b,
                WorkloadClassifier.classify(b, length, cores, -1, SLICE_SAMPLES).workloadClass()));
    }

    static List<Phases.Phase> phases(List<Phases.Slice> slices) {
        List<Phases.Phase> runs = new ArrayList<>();
        int i = 0;
        while (i < slices.size()) {
            int j = i;
            while (j < slices.size() && slices.get(j).workloadClass() == slices.get(i).workloadClass()) j++;
            Phases.Slice first = slices.get(i), last = slices.get(j - 1);
            long length = last.offsetNanos() + last.lengthNanos() - first.offsetNanos();
            boolean brief = j - i < MIN_PHASE_SLICES;
            if (brief && !runs.isEmpty()) {
                extendLast(runs, length);
            } else if (!runs.isEmpty() && runs.get(runs.size() - 1).workloadClass() == first.workloadClass()) {
                extendLast(runs, length);
            } else {
                runs.add(new Phases.Phase(first.offsetNanos(), length, first.workloadClass()));
            }
            i = j;
        }
        // a brief first run belongs to what follows it
        long slice = slices.stream().mapToLong(Phases.Slice::lengthNanos).max().orElse(1);
        if (runs.size() > 1 && runs.get(0).lengthNanos() < MIN_PHASE_SLICES * slice) {
            Phases.Phase a = runs.remove(0), b = runs.remove(0);
            runs.add(0, new Phases.Phase(a.offsetNanos(), a.lengthNanos() + b.lengthNanos(), b.workloadClass()));
        }
        return runs;
    }

    private static void extendLast(List<Phases.Phase> runs, long by) {
        Phases.Phase p = runs.remove(runs.size() - 1);
        runs.add(new Phases.Phase(p.offsetNanos(), p.lengthNanos() + by, p.workloadClass()));
    }

    /** @param foldLast the last slice was folded into the one before: so are the lanes' */
    private static List<Phases.Lane> lanes(Timeline t, List<ThreadRow> rows, boolean foldLast) {
        List<Phases.Lane> lanes = new ArrayList<>();
        for (ThreadRow r : rows) {
            if (r.kind() != ThreadKind.APP || r.idle() || lanes.size() >= MAX_LANES) continue;
            Map<Integer, long[]> lane = t.byThread().get(r.osTid());
            if (lane == null) continue;
            List<ThreadState> states = new ArrayList<>();
            int n = foldLast ? t.slices() - 1 : t.slices();
            for (int i = 0; i < n; i++) {
                long[] cell = lane.get(i);
                long[] next = foldLast && i == n - 1 ? lane.get(i + 1) : null;
                if (next != null) {
                    long[] sum = cell == null ? new long[next.length] : cell.clone();
                    for (int s = 0; s < sum.length; s++) sum[s] += next[s];
                    cell = sum;
                }
                states.add(cell == null ? null : main(cell));
            }
            lanes.add(new Phases.Lane(r.osTid(), r.name(), states));
        }
        return lanes;
    }

    /**
     * The state a lane shows for a slice: the thread's largest active state when it was active for
     * a tenth of the time seen or more (a pool thread that serves a request in a quarter of each
     * second is io-bound, not idle), else waiting; null when the thread was not seen.
     */
    static ThreadState main(long[] cell) {
        long total = 0, active = 0;
        ThreadState best = null;
        for (ThreadState s : ThreadState.values()) {
            long n = cell[s.ordinal()];
            total += n;
            if (!s.isActive() || n == 0) continue;
            active += n;
            if (best == null || n > cell[best.ordinal()]) best = s;
        }
        if (total == 0) return null;
        return best != null && active * LANE_ACTIVE_FRACTION >= total ? best : ThreadState.WAIT;
    }
}

package dev.jbound.model;

import java.util.EnumMap;
import java.util.Map;

/** Thread time per state, in nanoseconds. Immutable; {@link #plus} builds sums. */
public final class Breakdown {

    public static final Breakdown EMPTY = new Breakdown(new EnumMap<>(ThreadState.class));

    private final EnumMap<ThreadState, Long> nanos;

    private Breakdown(EnumMap<ThreadState, Long> nanos) {
        this.nanos = nanos;
    }

    public static Breakdown of(Map<ThreadState, Long> nanos) {
        EnumMap<ThreadState, Long> copy = new EnumMap<>(ThreadState.class);
        nanos.forEach((s, v) -> {
            if (v != null && v > 0) copy.put(s, v);
        });
        return new Breakdown(copy);
    }

    public long nanos(ThreadState state) {
        return nanos.getOrDefault(state, 0L);
    }

    public long totalNanos() {
        return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Time in the states that are load: everything but waiting for work. */
    public long activeNanos() {
        return totalNanos() - nanos(ThreadState.WAIT);
    }

    /** Share of active time (0..1); 0 for {@code wait} and when nothing was active. */
    public double shareOfActive(ThreadState state) {
        long active = activeNanos();
        return active == 0 || !state.isActive() ? 0 : (double) nanos(state) / active;
    }

    /** Share of all thread time, waits included (0..1). */
    public double shareOfTotal(ThreadState state) {
        long total = totalNanos();
        return total == 0 ? 0 : (double) nanos(state) / total;
    }

    public Breakdown plus(Breakdown other) {
        EnumMap<ThreadState, Long> sum = new EnumMap<>(nanos);
        other.nanos.forEach((s, v) -> sum.merge(s, v, Long::sum));
        return new Breakdown(sum);
    }

    public Breakdown plus(ThreadState state, long add) {
        EnumMap<ThreadState, Long> sum = new EnumMap<>(nanos);
        if (add > 0) sum.merge(state, add, Long::sum);
        return new Breakdown(sum);
    }

    public Breakdown without(ThreadState state) {
        EnumMap<ThreadState, Long> copy = new EnumMap<>(nanos);
        copy.remove(state);
        return new Breakdown(copy);
    }

    /** The active state with the largest share, or null when nothing was active. */
    public ThreadState dominantActive() {
        ThreadState best = null;
        for (ThreadState s : ThreadState.values()) {
            if (s.isActive() && nanos(s) > 0 && (best == null || nanos(s) > nanos(best))) best = s;
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Breakdown b && b.nanos.equals(nanos);
    }

    @Override
    public int hashCode() {
        return nanos.hashCode();
    }

    @Override
    public String toString() {
        return nanos.toString();
    }
}

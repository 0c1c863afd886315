package dev.jbound.model;

import java.util.Map;

/**
 * Each thread's sampled time per state in consecutive slices of the window (about a second each;
 * longer for recordings too big to keep at that grain), for phases and the per-thread lanes.
 * Sparse: a thread has a cell only for the slices it was seen in.
 *
 * @param originNanos  start of slice 0 (on or before the window's start)
 * @param sliceNanos   length of a slice
 * @param slices       how many slices cover the window
 * @param byThread     per thread, per slice index: {@code [ThreadState.ordinal()]} nanoseconds
 * @param gcPauseNanos per slice, how long the GC stopped the world (JDK recordings; zeros otherwise)
 */
public record Timeline(long originNanos, long sliceNanos, int slices, Map<Long, Map<Integer, long[]>> byThread,
                       long[] gcPauseNanos) {
    public static final Timeline EMPTY = new Timeline(0, 1_000_000_000L, 0, Map.of(), new long[0]);

    public Timeline {
        byThread = Map.copyOf(byThread);
    }
}

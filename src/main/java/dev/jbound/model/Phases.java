package dev.jbound.model;

import java.util.List;

/**
 * The window slice by slice (about a second each): each slice's breakdown and class, the phases
 * they form (runs of one class; a run shorter than two slices belongs to the one before), and a
 * lane per active application thread with its main state in each slice.
 */
public record Phases(long sliceNanos, List<Slice> slices, List<Phase> phases, List<Lane> lanes) {
    public static final Phases NONE = new Phases(1_000_000_000L, List.of(), List.of(), List.of());

    public Phases {
        slices = List.copyOf(slices);
        phases = List.copyOf(phases);
        lanes = List.copyOf(lanes);
    }

    /** @param offsetNanos from the window's start */
    public record Slice(long offsetNanos, long lengthNanos, Breakdown breakdown, WorkloadClass workloadClass) {
    }

    public record Phase(long offsetNanos, long lengthNanos, WorkloadClass workloadClass) {
    }

    /** @param states per slice, the state the thread spent most time in, or null where it was not seen */
    public record Lane(long osTid, String name, List<ThreadState> states) {
        public Lane {
            states = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(states));
        }
    }

    /** Whether the class changed within the window. */
    public boolean changed() {
        return phases.size() > 1;
    }
}

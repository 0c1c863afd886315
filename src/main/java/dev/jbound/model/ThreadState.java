package dev.jbound.model;

import java.util.List;

/** The one state a sample of an application thread falls into (DESIGN.md, "The thread-state model"). */
public enum ThreadState {
    CPU("cpu"),
    RUNQUEUE("runqueue"),
    IO("io"),
    LOCK("lock"),
    WAIT("wait"),
    GC("gc");

    /** The states that are load, in the order reports show them: all but WAIT. */
    public static final List<ThreadState> ACTIVE = List.of(CPU, RUNQUEUE, IO, LOCK, GC);
    /** Every state in the order reports show them: the active ones, then wait. */
    public static final List<ThreadState> SHOWN = List.of(CPU, RUNQUEUE, IO, LOCK, GC, WAIT);

    private final String label;

    ThreadState(String label) {
        this.label = label;
    }

    /** The name used in reports, JSON and assertions. */
    public String label() {
        return label;
    }

    /** Waiting for work is idle capacity, not load: it is left out of "active" time. */
    public boolean isActive() {
        return this != WAIT;
    }

    public static ThreadState fromLabel(String label) {
        for (ThreadState s : values()) {
            if (s.label.equals(label)) return s;
        }
        throw new IllegalArgumentException("unknown state '" + label + "' (one of cpu, runqueue, io, lock, wait, gc)");
    }
}

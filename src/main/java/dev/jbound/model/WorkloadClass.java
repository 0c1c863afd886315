package dev.jbound.model;

/** The verdict classes of DESIGN.md; {@link #label()} is the stable name in JSON and `check`. */
public enum WorkloadClass {
    CPU_BOUND("cpu-bound"),
    CPU_SATURATED("cpu-saturated"),
    IO_BOUND("io-bound"),
    LOCK_BOUND("lock-bound"),
    GC_BOUND("gc-bound"),
    IDLE("idle"),
    MIXED("mixed");

    private final String label;

    WorkloadClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The class a state implies when it dominates. */
    public static WorkloadClass dominatedBy(ThreadState state) {
        return switch (state) {
            case CPU -> CPU_BOUND;
            case RUNQUEUE -> CPU_SATURATED;
            case IO -> IO_BOUND;
            case LOCK -> LOCK_BOUND;
            case GC -> GC_BOUND;
            case WAIT -> IDLE;
        };
    }

    /** The class named {@code label} ("io-bound"); unknown names say which there are. */
    public static WorkloadClass fromLabel(String label) {
        for (WorkloadClass c : values()) {
            if (c.label.equals(label)) return c;
        }
        throw new IllegalArgumentException("unknown class '" + label + "' (one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(WorkloadClass::label).toList()) + ")");
    }
}

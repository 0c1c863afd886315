package dev.jbound.model;

/**
 * One thread over the window. {@code idle}: it did no work worth counting (it only waited).
 * {@code topFrame} is what the thread did most (the site of its largest state); {@code samples}
 * counts the cpu and wall samples (and the JDK's hints) behind the row; {@code coverage} is the share
 * of its active time that was measured or densely sampled; {@code ioTarget} what most of its I/O
 * waited on ("10.0.0.5:5432", a file), "" when it did none.
 */
public record ThreadRow(long osTid, String name, String pool, ThreadKind kind, Breakdown breakdown,
                        long cpuNanos, ThreadState mainState, String topFrame, boolean idle, int samples, double coverage,
                        String ioTarget) {

    public ThreadRow {
        ioTarget = ioTarget == null ? "" : ioTarget;
    }

    public ThreadRow(long osTid, String name, String pool, ThreadKind kind, Breakdown breakdown,
                     long cpuNanos, ThreadState mainState, String topFrame, boolean idle, int samples) {
        this(osTid, name, pool, kind, breakdown, cpuNanos, mainState, topFrame, idle, samples, 1, "");
    }
}

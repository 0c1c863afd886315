package dev.jbound.model;

/**
 * One thread over the window. {@code idle}: it did no work worth counting (it only waited).
 * {@code topFrame} is what the thread did most (the site of its largest state); {@code samples}
 * counts the cpu and wall samples behind the row.
 */
public record ThreadRow(long osTid, String name, String pool, ThreadKind kind, Breakdown breakdown,
                        long cpuNanos, ThreadState mainState, String topFrame, boolean idle, int samples) {
}

package dev.jbound.model;

/** CPU the JVM spent on itself during the window, in nanoseconds (from the OS sensor or cpu samples). */
public record JvmOverhead(long gcCpuNanos, long jitCpuNanos, long otherCpuNanos, long appCpuNanos) {
    /** All the CPU the process used in the window. */
    public long totalCpuNanos() {
        return gcCpuNanos + jitCpuNanos + otherCpuNanos + appCpuNanos;
    }

    public double gcShareOfCpu() {
        long total = totalCpuNanos();
        return total == 0 ? 0 : (double) gcCpuNanos / total;
    }
}

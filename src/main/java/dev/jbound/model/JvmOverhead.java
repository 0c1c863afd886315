package dev.jbound.model;

/** CPU the JVM spent on itself during the window, in nanoseconds (from the OS sensor or cpu samples). */
public record JvmOverhead(long gcCpuNanos, long jitCpuNanos, long otherCpuNanos, long appCpuNanos) {
    public double gcShareOfCpu() {
        long total = gcCpuNanos + jitCpuNanos + otherCpuNanos + appCpuNanos;
        return total == 0 ? 0 : (double) gcCpuNanos / total;
    }
}

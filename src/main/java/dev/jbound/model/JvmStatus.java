package dev.jbound.model;

/**
 * One line of {@code jbound ps}: a JVM and what /proc says about it now.
 *
 * @param jvmVersion   the JDK's JAVA_VERSION, or empty when its executable cannot be read (another user's)
 * @param uptimeMillis since the process started; -1 when unknown
 * @param threads      all of its threads, the JVM's own (GC, JIT, ...) included
 * @param cpuPercent   CPU used over the sample, in percent of one CPU (200 = two CPUs busy), as top shows it
 */
public record JvmStatus(FoundJvm jvm, String jvmVersion, long uptimeMillis, int threads, double cpuPercent) {
}

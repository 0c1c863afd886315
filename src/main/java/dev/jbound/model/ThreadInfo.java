package dev.jbound.model;

/**
 * A thread seen in a recording. {@code javaId} is 0 for threads the JVM runs natively
 * (GC workers, JIT compilers, the VM thread), which have no java.lang.Thread.
 */
public record ThreadInfo(long osTid, String name, long javaId) {
    public boolean isJavaThread() {
        return javaId != 0;
    }
}

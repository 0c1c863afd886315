package dev.jbound.model;

/**
 * A thread seen in a recording. {@code javaId} is 0 for threads the JVM runs natively
 * (GC workers, JIT compilers, the VM thread), which have no java.lang.Thread.
 */
public record ThreadInfo(long osTid, String name, long javaId) {

    /** Virtual threads have no OS thread; recordings give them ids from here up, above any Linux tid (at most 2^22). */
    public static final long VIRTUAL_ID_BASE = 1L << 32;

    public static boolean isVirtual(long id) {
        return id >= VIRTUAL_ID_BASE;
    }

    public boolean isJavaThread() {
        return javaId != 0;
    }
}

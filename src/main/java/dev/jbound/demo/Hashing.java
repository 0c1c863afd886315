package dev.jbound.demo;

import java.lang.management.ThreadMXBean;
import java.util.concurrent.ThreadLocalRandom;

/** Pure CPU work for the demos: an FNV-1a style mixing loop whose result cannot be dropped by the JIT. */
final class Hashing {
    /** Results are folded in here; a volatile write is something the JIT must keep. */
    private static volatile long sink;

    private Hashing() {
    }

    static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }

    /** One pass over {@code data}: a dependent multiply chain, ~1-2 ns per byte. */
    static long mix(byte[] data, long h) {
        for (byte b : data) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return h;
    }

    /** Mixes for about {@code nanos} of wall time (used to hold a lock for a fixed time). */
    static long mixFor(byte[] data, long h, long nanos) {
        long end = System.nanoTime() + nanos;
        do {
            h = mix(data, h);
        } while (System.nanoTime() < end);
        return h;
    }

    private static final int PASSES_PER_CLOCK_READ = 16;

    /**
     * Mixes until this thread has had {@code cpuNanos} of CPU: the same work however loaded the
     * machine is, where {@link #mixFor} would do less of it while the thread queues for a CPU.
     */
    static long mixForCpu(ThreadMXBean threads, byte[] data, long h, long cpuNanos) {
        long start = threads.getCurrentThreadCpuTime();
        if (start < 0) return mixFor(data, h, cpuNanos); // thread CPU time disabled: wall time it is
        long end = start + cpuNanos;
        do {
            // the clock is a system call: read it every few passes, or it shows among the hot frames
            for (int i = 0; i < PASSES_PER_CLOCK_READ; i++) h = mix(data, h);
        } while (threads.getCurrentThreadCpuTime() < end);
        return h;
    }

    /** Makes {@code h} observable; call once per unit of work, not per byte (the field is shared). */
    static void consume(long h) {
        sink = sink ^ h;
    }

    /** Forever: mix a 16 KiB buffer, reporting {@code ready} after the first pass. */
    static void spinForever(Runnable ready) {
        byte[] data = randomBytes(16 * 1024);
        long h = mix(data, 0);
        consume(h);
        ready.run();
        while (true) {
            h = mix(data, h);
            consume(h);
        }
    }
}

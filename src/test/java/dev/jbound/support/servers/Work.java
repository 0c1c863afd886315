package dev.jbound.support.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU work of a given length, measured in the thread's own CPU time, so that a loaded machine stretches it in wall time only. */
public final class Work {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private Work() {
    }

    public static long hashFor(long cpuMicros, long seed) {
        if (cpuMicros <= 0) return seed;
        long until = MX.getCurrentThreadCpuTime() + cpuMicros * 1000;
        long h = seed;
        do {
            for (int i = 0; i < 20_000; i++) h = h * 6364136223846793005L + 1442695040888963407L ^ (h >>> 29);
        } while (MX.getCurrentThreadCpuTime() < until);
        return h;
    }
}

package dev.jbound.record;

/**
 * /proc/PID/task/TID/schedstat: "on-cpu-ns run-queue-wait-ns timeslices". Present when the kernel
 * is built with CONFIG_SCHED_INFO (the default on mainstream distributions); when it is absent
 * the sensor falls back to utime+stime from stat.
 *
 * @param onCpuNanos    time spent on a CPU, ns
 * @param runDelayNanos time spent runnable, waiting on a run queue, ns
 */
record Schedstat(long onCpuNanos, long runDelayNanos) {

    static Schedstat parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 2) throw new IllegalArgumentException("not a schedstat line: " + text.trim());
        return new Schedstat(Long.parseLong(f[0]), Long.parseLong(f[1]));
    }
}

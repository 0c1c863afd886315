package dev.jbound.target;

/**
 * The fields {@code jbound ps} uses from /proc/PID/stat. (The OS sensor's per-thread parser,
 * record.TaskStat, stops at stime for speed; a process line needs fields further on.)
 *
 * @param comm       the executable name as the kernel has it (at most 15 characters)
 * @param cpuTicks   utime + stime in clock ticks (USER_HZ)
 * @param threads    num_threads
 * @param startTicks when the process started, in clock ticks after boot
 */
record ProcessStat(String comm, long cpuTicks, int threads, long startTicks) {

    /** USER_HZ: 100 on every mainstream Linux architecture, fixed by the user ABI whatever CONFIG_HZ is. */
    static final long MILLIS_PER_TICK = 10;

    // Fields after the comm's closing ')': index 0 is field 3 (state); utime 14, stime 15, num_threads 20, starttime 22.
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;
    private static final int THREADS = 20 - 3;
    private static final int START = 22 - 3;

    /** Parses "PID (comm) S ppid ..."; the comm may hold spaces and parentheses, so it ends at the LAST ')'. */
    static ProcessStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > line.length()) {
            throw new IllegalArgumentException("not a stat line: " + abbreviate(line));
        }
        String[] f = line.substring(close + 2).split(" ", START + 2);
        if (f.length <= START) throw new IllegalArgumentException("short stat line: " + abbreviate(line));
        return new ProcessStat(line.substring(open + 1, close),
                Long.parseLong(f[UTIME]) + Long.parseLong(f[STIME]),
                Integer.parseInt(f[THREADS]),
                Long.parseLong(f[START]));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}

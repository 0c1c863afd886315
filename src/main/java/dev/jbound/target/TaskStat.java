package dev.jbound.record;

/**
 * The fields jbound uses from one line of /proc/PID/stat or /proc/PID/task/TID/stat.
 *
 * @param comm       the thread or process name, as the kernel has it (at most 15 characters)
 * @param state      the scheduler state letter: R running/runnable, S sleeping, D disk sleep, ...
 * @param utimeTicks user CPU time in clock ticks (USER_HZ)
 * @param stimeTicks system CPU time in clock ticks (USER_HZ)
 */
record TaskStat(String comm, char state, long utimeTicks, long stimeTicks) {

    /**
     * USER_HZ is 100 on every mainstream Linux architecture (x86, arm64, ppc, s390); the kernel
     * fixes it for the user ABI whatever CONFIG_HZ is. Java cannot call sysconf(_SC_CLK_TCK).
     */
    static final long NANOS_PER_TICK = 10_000_000L;

    // Fields after the comm's closing ')': index 0 is field 3 (state), utime is field 14, stime 15.
    private static final int UTIME_INDEX = 14 - 3;
    private static final int STIME_INDEX = 15 - 3;

    long cpuNanos() {
        return (utimeTicks + stimeTicks) * NANOS_PER_TICK;
    }

    /**
     * Parses "TID (comm) S ppid ...". The comm may hold spaces and parentheses, so it runs from
     * the first '(' to the LAST ')': the kernel never escapes it.
     */
    static TaskStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) throw new IllegalArgumentException("not a stat line: " + abbreviate(line));
        String comm = line.substring(open + 1, close);
        // Walk the fields by hand instead of split(): a poll parses one line per thread.
        int[] starts = new int[STIME_INDEX + 1];
        int pos = close + 2;
        for (int field = 0; field <= STIME_INDEX; field++) {
            if (pos >= line.length()) throw new IllegalArgumentException("short stat line: " + abbreviate(line));
            starts[field] = pos;
            int space = line.indexOf(' ', pos);
            pos = space < 0 ? line.length() + 1 : space + 1;
        }
        return new TaskStat(comm, line.charAt(starts[0]), number(line, starts[UTIME_INDEX]), number(line, starts[STIME_INDEX]));
    }

    private static long number(String line, int from) {
        long n = 0;
        int i = from;
        for (; i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9'; i++) n = n * 10 + line.charAt(i) - '0';
        if (i == from) throw new IllegalArgumentException("not a number at " + from + ": " + abbreviate(line));
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}

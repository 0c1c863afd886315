package dev.jbound.target;

/**
 * The fields jbound uses from one line of /proc/PID/stat or /proc/PID/task/TID/stat: the one
 * parser of them, for `ps` (a process's CPU, threads and start) and the OS sensor (each thread's
 * state and CPU, at every poll).
 *
 * @param comm       the thread or process name, as the kernel has it (at most 15 characters)
 * @param state      the scheduler state letter: R running/runnable, S sleeping, D disk sleep, ...
 * @param utimeTicks user CPU time in clock ticks (USER_HZ)
 * @param stimeTicks system CPU time in clock ticks (USER_HZ)
 * @param threads    num_threads, or -1 when not read ({@link #parse} stops at stime)
 * @param startTicks when the task started, in clock ticks after boot, or -1 when not read
 */
public record TaskStat(String comm, char state, long utimeTicks, long stimeTicks, int threads, long startTicks) {

    /**
     * USER_HZ, the unit of every tick count here: 100 on every mainstream Linux architecture (x86,
     * arm64, ppc, s390); the kernel fixes it for the user ABI whatever CONFIG_HZ is, and Java cannot
     * call sysconf(_SC_CLK_TCK).
     */
    public static final long USER_HZ = 100;
    public static final long NANOS_PER_TICK = 1_000_000_000L / USER_HZ;
    public static final long MILLIS_PER_TICK = 1000 / USER_HZ;

    // Fields after the comm's closing ')': index 0 is field 3 (state); utime 14, stime 15, num_threads 20, starttime 22.
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;
    private static final int THREADS = 20 - 3;
    private static final int START = 22 - 3;

    public long cpuTicks() {
        return utimeTicks + stimeTicks;
    }

    public long cpuNanos() {
        return cpuTicks() * NANOS_PER_TICK;
    }

    /** A thread's line, read up to stime: a poll parses one per thread, so it stops there. */
    public static TaskStat parse(String line) {
        return parse(line, STIME);
    }

    /** A process's line, read up to starttime. */
    public static TaskStat parseProcess(String line) {
        return parse(line, START);
    }

    /**
     * Parses "TID (comm) S ppid ...". The comm may hold spaces and parentheses, so it runs from
     * the first '(' to the LAST ')': the kernel never escapes it. The fields are walked by hand
     * instead of split().
     */
    private static TaskStat parse(String line, int last) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) throw new IllegalArgumentException("not a stat line: " + abbreviate(line));
        String comm = line.substring(open + 1, close);
        int[] starts = new int[last + 1];
        int pos = close + 2;
        for (int field = 0; field <= last; field++) {
            if (pos >= line.length()) throw new IllegalArgumentException("short stat line: " + abbreviate(line));
            starts[field] = pos;
            int space = line.indexOf(' ', pos);
            pos = space < 0 ? line.length() + 1 : space + 1;
        }
        return new TaskStat(comm, line.charAt(starts[0]), number(line, starts[UTIME]), number(line, starts[STIME]),
                last >= THREADS ? (int) number(line, starts[THREADS]) : -1, last >= START ? number(line, starts[START]) : -1);
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

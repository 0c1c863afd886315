package dev.jbound.model;

import java.util.List;

/**
 * What the OS saw of one thread (task) during a window.
 *
 * @param tid            Linux task id
 * @param name           raw comm (at most 15 characters, truncated by the kernel)
 * @param cpuNanos       on-CPU time in the window, ns (schedstat; utime+stime at 10 ms resolution as fallback)
 * @param runDelayNanos  time spent runnable but waiting on a run queue, ns; -1 when schedstat is missing
 * @param states         how many polls saw the thread in each scheduler state
 * @param firstSeenNanos first time the thread was seen, ns after the window start (0 if alive at start)
 * @param lastSeenNanos  last time the thread was seen, ns after the window start
 * @param bornDuringWindow thread was not there at the start snapshot
 * @param diedDuringWindow thread was gone at the end snapshot
 * @param blocked        the system calls polls saw the thread blocked in (state S or D), most polls first;
 *                       empty where /proc/PID/task/TID/syscall was unreadable
 * @param systemCpuNanos the part of {@code cpuNanos} spent in the kernel (stime, 10 ms resolution), -1 when unknown
 * @param readCalls      read-like system calls in the window (its io's syscr), -1 when unknown
 * @param writeCalls     write-like system calls in the window (syscw): a blocking client's requests, -1 when unknown
 * @param storageWriteBytes bytes the thread sent to storage in the window (its io's write_bytes: a sync's or a
 *                       direct write's submission), -1 when unknown
 */
public record OsThreadActivity(long tid, String name, long cpuNanos, long runDelayNanos, StateCounts states,
                               long firstSeenNanos, long lastSeenNanos,
                               boolean bornDuringWindow, boolean diedDuringWindow, List<BlockedCall> blocked,
                               long systemCpuNanos, long readCalls, long writeCalls, long storageWriteBytes) {

    public OsThreadActivity {
        blocked = List.copyOf(blocked);
    }

    public OsThreadActivity(long tid, String name, long cpuNanos, long runDelayNanos, StateCounts states,
                            long firstSeenNanos, long lastSeenNanos, boolean bornDuringWindow, boolean diedDuringWindow,
                            List<BlockedCall> blocked) {
        this(tid, name, cpuNanos, runDelayNanos, states, firstSeenNanos, lastSeenNanos, bornDuringWindow, diedDuringWindow,
                blocked, -1, -1, -1, -1);
    }

    public OsThreadActivity(long tid, String name, long cpuNanos, long runDelayNanos, StateCounts states,
                            long firstSeenNanos, long lastSeenNanos, boolean bornDuringWindow, boolean diedDuringWindow) {
        this(tid, name, cpuNanos, runDelayNanos, states, firstSeenNanos, lastSeenNanos, bornDuringWindow, diedDuringWindow, List.of());
    }

    /** Poll counts by the state letter in /proc/PID/task/TID/stat. */
    public record StateCounts(int runningPolls, int sleepingPolls, int diskSleepPolls, int otherPolls) {

        public static final StateCounts NONE = new StateCounts(0, 0, 0, 0);

        public int polls() {
            return runningPolls + sleepingPolls + diskSleepPolls + otherPolls;
        }

        /** R: running or runnable, S: interruptible sleep, D: uninterruptible (usually disk) sleep. */
        public StateCounts plus(char state) {
            return switch (state) {
                case 'R' -> new StateCounts(runningPolls + 1, sleepingPolls, diskSleepPolls, otherPolls);
                case 'S' -> new StateCounts(runningPolls, sleepingPolls + 1, diskSleepPolls, otherPolls);
                case 'D' -> new StateCounts(runningPolls, sleepingPolls, diskSleepPolls + 1, otherPolls);
                default -> new StateCounts(runningPolls, sleepingPolls, diskSleepPolls, otherPolls + 1);
            };
        }
    }

    public int polls() {
        return states.polls();
    }

    public boolean hasRunDelay() {
        return runDelayNanos >= 0;
    }
}

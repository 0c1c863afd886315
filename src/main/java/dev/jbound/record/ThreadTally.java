package dev.jbound.record;

import dev.jbound.target.TaskStat;
import dev.jbound.model.BlockedCall;
import dev.jbound.model.OsThreadActivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the sensor has gathered about one task so far in the window; owned by one thread at a time. */
final class ThreadTally {

    final long tid;
    final boolean born;
    final long firstSeenNanos;
    private final long startTicks;
    private final long startSystemTicks;
    private final Schedstat startSchedstat;
    private String name;
    private long lastTicks;
    private long lastSystemTicks;
    private long lastSeenNanos;
    private Schedstat endSchedstat;
    /** The last poll's schedstat, when polls read it: the end reading of a thread that ended before the window did. */
    private Schedstat lastSchedstat;
    private boolean presentAtEnd;
    private OsThreadActivity.StateCounts states = OsThreadActivity.StateCounts.NONE;
    /** Read and write calls at the start (zero for a task born in the window) and the end; null where unread. */
    private ProcIo startIo;
    private ProcIo endIo;
    private int blockedPolls;
    private int fileIoPolls;
    /** Polls per blocking call seen: {polls, of which in disk sleep, of which beside another thread's file I/O}. */
    private final Map<WaitProbe.Seen, int[]> blocked = new HashMap<>();

    /** A task seen at the start snapshot, or first seen by a poll ({@code born}): then all its CPU is in the window. */
    ThreadTally(long tid, TaskStat stat, Schedstat schedstat, boolean born, long seenNanos) {
        this.tid = tid;
        this.born = born;
        this.firstSeenNanos = seenNanos;
        this.name = stat.comm();
        this.startTicks = born ? 0 : stat.utimeTicks() + stat.stimeTicks();
        this.startSystemTicks = born ? 0 : stat.stimeTicks();
        this.lastSystemTicks = stat.stimeTicks();
        this.startSchedstat = born ? new Schedstat(0, 0) : schedstat;
        this.lastTicks = stat.utimeTicks() + stat.stimeTicks();
        this.lastSeenNanos = seenNanos;
    }

    /** @param schedstat null when polls read stat only */
    void polled(TaskStat stat, Schedstat schedstat, long seenNanos) {
        name = stat.comm(); // a thread may rename itself (Thread.setName) after the start snapshot
        if (schedstat != null) lastSchedstat = schedstat;
        lastTicks = stat.utimeTicks() + stat.stimeTicks();
        lastSystemTicks = stat.stimeTicks();
        lastSeenNanos = seenNanos;
        states = states.plus(stat.state());
    }

    /**
     * A poll found the task asleep in {@code seen}; {@code fileIo}: that is file I/O (a flush, a
     * file's read or write, a disk sleep); {@code besideFileIo}: another task was in file I/O then.
     */
    void blockedIn(WaitProbe.Seen seen, boolean diskSleep, boolean fileIo, boolean besideFileIo) {
        blockedPolls++;
        if (fileIo) fileIoPolls++;
        int[] n = blocked.computeIfAbsent(seen, k -> new int[3]);
        n[0]++;
        if (diskSleep) n[1]++;
        if (besideFileIo) n[2]++;
    }

    /** Its read/write call counters at the start snapshot; a task born later starts from zero. */
    void ioAtStart(ProcIo io) {
        startIo = io;
    }

    void ioAtEnd(ProcIo io) {
        endIo = io;
    }

    /** Most of the polls that found the task asleep found it in file I/O (at least two did). */
    boolean mostlyInFileIo() {
        return fileIoPolls >= 2 && fileIoPolls * 2 > blockedPolls;
    }

    void ended(TaskStat stat, Schedstat schedstat, long seenNanos) {
        name = stat.comm();
        lastTicks = stat.utimeTicks() + stat.stimeTicks();
        lastSystemTicks = stat.stimeTicks();
        lastSeenNanos = seenNanos;
        endSchedstat = schedstat;
        presentAtEnd = true;
    }

    OsThreadActivity toActivity(WaitProbe probe) {
        long cpu;
        long runDelay;
        Schedstat end = endSchedstat != null ? endSchedstat : lastSchedstat;
        if (startSchedstat != null && end != null) {
            cpu = end.onCpuNanos() - startSchedstat.onCpuNanos();
            runDelay = end.runDelayNanos() - startSchedstat.runDelayNanos();
        } else {
            // schedstat missing, or the thread died before the end snapshot: ticks from its last poll.
            cpu = (lastTicks - startTicks) * TaskStat.NANOS_PER_TICK;
            runDelay = -1;
        }
        List<BlockedCall> calls = new ArrayList<>(blocked.size());
        blocked.forEach((seen, n) -> calls.add(probe.resolve(seen, n[0], n[1], n[2])));
        calls.sort(Comparator.comparingInt(BlockedCall::polls).reversed().thenComparing(BlockedCall::syscall));
        ProcIo from = born ? new ProcIo(0, 0, 0, 0, 0, 0) : startIo;
        boolean counted = from != null && endIo != null;
        return new OsThreadActivity(tid, name, Math.max(0, cpu), runDelay, states,
                firstSeenNanos, lastSeenNanos, born, !presentAtEnd, calls,
                Math.max(0, lastSystemTicks - startSystemTicks) * TaskStat.NANOS_PER_TICK,
                counted ? ProcIo.delta(from.readCalls(), endIo.readCalls()) : -1,
                counted ? ProcIo.delta(from.writeCalls(), endIo.writeCalls()) : -1,
                counted ? ProcIo.delta(from.writeBytes(), endIo.writeBytes()) : -1);
    }
}

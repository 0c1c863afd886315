package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadState;

import java.util.EnumMap;

/**
 * Collects one thread's samples during analysis and turns them into its time breakdown.
 *
 * <p>Per-thread CPU time and run-queue delay from the OS are the ground truth for {@code cpu} and
 * {@code runqueue}; the rest of the thread's time is split over io, lock, wait and gc in the
 * proportions its wall-clock samples show. Without the OS sensor (a recording from elsewhere),
 * CPU samples give {@code cpu} and wall samples that show running code beyond it {@code runqueue}. CPU samples spent spinning for a monitor, in a
 * safepoint, or in the kernel inside an I/O call (an fsync flushing a VM's disk burns system
 * time) move that share of CPU time to {@code lock}, {@code gc} or {@code io}: it is the cost
 * of the wait, and more threads overlap it the way they overlap the wait itself. Where the OS
 * sensor saw the system calls the thread was blocked in, they tell a server waiting for its client
 * from a client waiting for its server, and what native code that was off a CPU waited for.
 */
final class ThreadAccount {

    final ThreadInfo info;
    final ThreadKind kind;
    final SiteTally sites = new SiteTally();
    private final EnumMap<ThreadState, Long> wallNanos = new EnumMap<>(ThreadState.class);
    private long wallTotal;
    private int samples;
    private long cpuSampleNanos;
    private long cpuSpinLockNanos;
    private long cpuSafepointNanos;
    private long cpuInIoNanos;
    private long osCpuNanos = -1;
    private long osRunDelayNanos = -1;
    private long lifeNanos = -1;
    /** The wall time comes from timed wait events (the JDK's recorder), not from samples. */
    private boolean exactWaits;
    private long stoppedByGcNanos;
    /** States seen at instants (thread dumps), for the time that neither CPU nor wait events explain. */
    private final EnumMap<ThreadState, Integer> hints = new EnumMap<>(ThreadState.class);
    /** What the OS saw the thread blocked in; NONE without the OS sensor or where calls were unreadable. */
    private OsWaitRules.OffCpu osWaits = OsWaitRules.OffCpu.NONE;
    /** The OS measured the run-queue delay (schedstat): time off a CPU beyond it was not queueing. */
    private boolean runDelayMeasured;
    /** I/O time {@link #breakdown} took from the OS's polls, which already told clients' waits from servers'. */
    private long ioFromOs;

    ThreadAccount(ThreadInfo info) {
        this.info = info;
        this.kind = ThreadKinds.of(info);
    }

    void addWall(ThreadState state, String site, long nanos) {
        addWall(state, site, nanos, 1);
    }

    /** {@code count} merged samples in all {@code nanos}. */
    void addWall(ThreadState state, String site, long nanos, int count) {
        samples += count;
        wallNanos.merge(state, nanos, Long::sum);
        wallTotal += nanos;
        if (state != ThreadState.CPU) sites.add(state, site, nanos);
    }

    void addCpu(ThreadState state, String site, long nanos) {
        addCpu(state, site, nanos, 1);
    }

    void addCpu(ThreadState state, String site, long nanos, int count) {
        samples += count;
        cpuSampleNanos += nanos;
        if (state == ThreadState.LOCK) cpuSpinLockNanos += nanos;
        else if (state == ThreadState.GC) cpuSafepointNanos += nanos;
        else if (state == ThreadState.IO) cpuInIoNanos += nanos;
        else sites.add(ThreadState.CPU, site, nanos);
    }

    void setOs(long cpuNanos, long runDelayNanos) {
        this.osCpuNanos = cpuNanos;
        this.osRunDelayNanos = runDelayNanos;
        this.runDelayMeasured = true;
    }

    /** The system calls the OS sensor saw the thread blocked in, sorted by {@link OsWaitRules}. */
    void setOsWaits(OsWaitRules.OffCpu waits) {
        this.osWaits = waits;
    }

    /**
     * CPU time the recording measured (the JDK's thread dumps or thread load); no run delay.
     */
    void setMeasured(long cpuNanos) {
        setOs(cpuNanos, 0);
        runDelayMeasured = false;
    }

    void setLife(long lifeNanos) {
        this.lifeNanos = lifeNanos;
    }

    /** Stop-the-world GC pauses while this thread worked: a recording without safepoint samples (the JDK's) knows them only so. */
    void stoppedByGc(long pauseNanos, long sampleIntervalNanos) {
        stoppedByGcNanos = pauseNanos;
        if (sampleIntervalNanos > 0) samples += (int) Math.min(Integer.MAX_VALUE, pauseNanos / sampleIntervalNanos);
    }

    /** The waits are timed events with exact durations, and the measured CPU time is worth the samples it replaces. */
    void exactWaits(long sampleIntervalNanos) {
        exactWaits = true;
        if (sampleIntervalNanos > 0 && hasOs()) samples += (int) Math.min(Integer.MAX_VALUE, osCpuNanos / sampleIntervalNanos);
    }

    void addHint(ThreadState state) {
        addHint(state, 1);
    }

    void addHint(ThreadState state, int count) {
        samples += count;
        hints.merge(state, count, Integer::sum);
    }

    /** Wall and cpu samples seen for this thread. */
    int samples() {
        return samples;
    }

    boolean hasOs() {
        return osCpuNanos >= 0;
    }

    /** CPU time in the window: the OS's figure when there is one, else what the cpu samples add up to. */
    long cpuNanos(long windowNanos) {
        return Math.min(windowNanos, hasOs() ? osCpuNanos : cpuSampleNanos);
    }

    /** The part of {@code nanos} that the cpu samples attribute to {@code sampledNanos}. */
    private long shareOfCpu(long nanos, long sampledNanos) {
        return cpuSampleNanos == 0 ? 0 : Math.round((double) nanos * sampledNanos / cpuSampleNanos);
    }

    /**
     * Adds {@code nanos} of CPU-related time: the share that cpu samples caught spinning for a
     * monitor, at a safepoint or inside an I/O call goes to lock, gc or io, the rest to {@code rest}.
     */
    private void attribute(EnumMap<ThreadState, Long> out, ThreadState rest, long nanos) {
        long spin = shareOfCpu(nanos, cpuSpinLockNanos);
        long safepoint = shareOfCpu(nanos, cpuSafepointNanos);
        long inIo = shareOfCpu(nanos, cpuInIoNanos);
        out.merge(rest, nanos - spin - safepoint - inIo, Long::sum);
        out.merge(ThreadState.LOCK, spin, Long::sum);
        out.merge(ThreadState.GC, safepoint, Long::sum);
        out.merge(ThreadState.IO, inIo, Long::sum);
    }

    Breakdown breakdown(long windowNanos) {
        long cpu = cpuNanos(windowNanos);
        long runq = hasOs() ? Math.max(0, osRunDelayNanos) : 0;
        long life = Math.min(windowNanos, Math.max(lifeNanos, Math.max(wallTotal, cpu + runq)));
        if (stoppedByGcNanos > 0 && lifeNanos < 0) life = Math.min(windowNanos, life + stoppedByGcNanos);
        runq = Math.min(runq, life - cpu);
        long offWall = 0;
        for (ThreadState s : ThreadState.values()) {
            if (s != ThreadState.CPU && s != ThreadState.RUNQUEUE) offWall += wallNanos.getOrDefault(s, 0L);
        }
        if (exactWaits && cpu + runq + offWall > life) {
            // A timed wait lasts until the thread runs again, so it holds the run-queue delay after the
            // wake-up too: the events are exact, the OS's delay counts only where they leave room.
            runq = Math.max(0, life - cpu - offWall);
        }
        EnumMap<ThreadState, Long> out = new EnumMap<>(ThreadState.class);
        attribute(out, ThreadState.CPU, cpu);
        // Queueing for a CPU serves whatever the thread wanted the CPU for: a lock waiter spinning
        // in a queue is waiting for the lock.
        attribute(out, ThreadState.RUNQUEUE, runq);
        long ioOnCpu = out.getOrDefault(ThreadState.IO, 0L);
        ioFromOs = 0;
        long off = life - cpu - runq;
        if (!hasOs() && wallTotal > 0) {
            // Without the OS's run delay, time the stacks show running code but the CPU samples did
            // not see on a CPU was spent runnable, waiting for one.
            long blocked = Math.min(off, Math.round((double) life * offWall / wallTotal));
            out.merge(ThreadState.RUNQUEUE, off - blocked, Long::sum);
            off = blocked;
        }
        if (stoppedByGcNanos > 0 && off > offWall) {
            long paused = Math.min(stoppedByGcNanos, off - offWall);
            out.merge(ThreadState.GC, paused, Long::sum);
            off -= paused;
        }
        if (off > offWall && !hints.isEmpty()) {
            // Timed events explain part of the time exactly; what they leave (waits shorter than the
            // recorder's thresholds) goes to the states the thread dumps caught the thread in.
            for (ThreadState s : ThreadState.values()) {
                long w = wallNanos.getOrDefault(s, 0L);
                if (s != ThreadState.CPU && s != ThreadState.RUNQUEUE && w > 0) out.merge(s, w, Long::sum);
            }
            splitByHints(out, off - offWall);
        } else if (off > 0 && offWall > 0) {
            for (ThreadState s : ThreadState.values()) {
                long w = wallNanos.getOrDefault(s, 0L);
                if (s != ThreadState.CPU && s != ThreadState.RUNQUEUE && w > 0) {
                    out.merge(s, Math.round((double) off * w / offWall), Long::sum);
                }
            }
        } else if (off > 0 && osWaits.polls() > 0) {
            // Seen running code (native code, to the JVM) but neither on a CPU nor queued for one:
            // the OS saw what it was blocked in.
            splitByOs(out, off);
        } else if (off > 0) {
            // Seen running code but neither on a CPU nor queued for one: nothing explains the gap.
            out.merge(ThreadState.WAIT, off, Long::sum);
        }
        awaitedIsNotIo(out, ioOnCpu);
        return Breakdown.of(out);
    }

    /**
     * The stacks call a blocking socket read or a selector I/O whoever waits in it; the OS knows
     * whether its descriptors are connections this process opened (I/O) or listeners and accepted
     * connections (waiting for a client), and that share of the thread's I/O wait moves to wait.
     */
    private void awaitedIsNotIo(EnumMap<ThreadState, Long> out, long ioOnCpu) {
        double awaited = osWaits.awaitShareOfDescriptors();
        long blockedIo = out.getOrDefault(ThreadState.IO, 0L) - ioOnCpu - ioFromOs;
        if (awaited <= 0 || blockedIo <= 0) return;
        long moved = Math.round(blockedIo * awaited);
        out.merge(ThreadState.IO, -moved, Long::sum);
        out.merge(ThreadState.WAIT, moved, Long::sum);
    }

    /**
     * Off-CPU time that the stacks show as running code, split as the OS's polls saw the thread:
     * in I/O, or waiting. A futex wait in native code while another thread of the process was in
     * file I/O counts as that I/O: a storage engine's writers wait for the one that flushes. Only
     * for the application's threads: the JVM's own (its VM thread, collectors, compilers) wait on
     * futexes for work of their own, whatever the application's disk is doing.
     */
    private void splitByOs(EnumMap<ThreadState, Long> out, long nanos) {
        int polls = osWaits.polls();
        int besideIo = kind == ThreadKind.APP ? osWaits.futexBesideFileIoPolls() : 0;
        long io = nanos * (osWaits.ioPolls() + besideIo) / polls;
        out.merge(ThreadState.IO, io, Long::sum);
        ioFromOs += io;
        out.merge(ThreadState.WAIT, nanos - io, Long::sum);
    }

    /**
     * A dump or a native-method sample that caught the thread running code while its CPU time says
     * it mostly did not. Where nothing measured its run delay, it queued for a CPU. Where the OS
     * did, it was blocked in native code (a JNI call runs, to the JVM): in what the OS's polls saw
     * it blocked in, or, seen only runnable, in I/O: on a virtual machine a thread waiting for a
     * disk flush shows R without using a CPU or queueing for one (DESIGN.md).
     */
    private void splitByHints(EnumMap<ThreadState, Long> out, long nanos) {
        int total = hints.values().stream().mapToInt(Integer::intValue).sum();
        long given = 0;
        ThreadState last = null;
        for (var h : hints.entrySet()) {
            long part = nanos * h.getValue() / total;
            given += part;
            if (h.getKey() == ThreadState.CPU && runDelayMeasured) {
                blockedInNative(out, part);
                continue;
            }
            ThreadState s = h.getKey() == ThreadState.CPU ? ThreadState.RUNQUEUE : h.getKey();
            out.merge(s, part, Long::sum);
            last = s;
        }
        if (last != null) out.merge(last, nanos - given, Long::sum);
        else blockedInNative(out, nanos - given);
    }

    private void blockedInNative(EnumMap<ThreadState, Long> out, long nanos) {
        if (osWaits.polls() > 0) splitByOs(out, nanos);
        else if (kind != ThreadKind.APP) {
            // A JVM thread without Java frames reads "runnable" in every dump: its own native loop
            // parked it, and nothing says it waited for a device.
            out.merge(ThreadState.WAIT, nanos, Long::sum);
        } else {
            out.merge(ThreadState.IO, nanos, Long::sum);
            ioFromOs += nanos;
        }
    }
}

package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadState;

import java.util.EnumMap;
import java.util.List;

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
    private List<BlockedCall> blocked = List.of();
    /** The OS measured the run-queue delay (schedstat): time off a CPU beyond it was not queueing. */
    private boolean runDelayMeasured;
    /** I/O time {@link #breakdown} took from the OS's polls, which already told clients' waits from servers'. */
    private long ioFromOs;
    /** Write calls in the window (a blocking client's requests), -1 when not counted. */
    private long writeCalls = -1;
    /** The OS saw the thread itself send bytes to storage (a sync's submission): its kernel time flushes. */
    private boolean storageWriter;
    /** Time waiting to borrow a connection from a pool, and which pool. */
    private long borrowNanos;
    private String borrowPool;
    /** The connection pool its I/O went through, or null. */
    private String pooledVia;
    /** The part of the CPU time spent in the kernel, -1 when unknown. */
    private long systemNanos = -1;
    /** The recording's CPU samples cannot see kernel code (the JDK's recorder), so none caught an I/O call's own CPU. */
    private boolean kernelUnsampled;
    /** Wall samples and hints that found the thread runnable in a Java native method (JNI). */
    private long nativeRunnableNanos;
    private int nativeCpuHints;
    /**
     * Without a measured run delay, whether the machine had a core to spare (the recording's
     * machine load): a thread runnable but off a CPU then was not queueing. Null when unknown.
     */
    private Boolean coresFree;

    ThreadAccount(ThreadInfo info) {
        this.info = info;
        this.kind = ThreadKinds.of(info);
    }

    void addWall(ThreadState state, String site, long nanos) {
        addWall(state, site, nanos, 1);
    }

    /** {@code count} merged samples in all {@code nanos}. */
    void addWall(ThreadState state, String site, long nanos, int count) {
        addWall(state, site, nanos, count, false);
    }

    /** @param inNativeMethod the stack's innermost frame is a Java native method */
    void addWall(ThreadState state, String site, long nanos, int count, boolean inNativeMethod) {
        if (state == ThreadState.CPU && inNativeMethod) nativeRunnableNanos += nanos;
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

    /** CPU time spent in the kernel (the OS's stime), and whether the CPU samples could see kernel code at all. */
    void setSystem(long systemNanos, boolean samplesSeeKernel) {
        this.systemNanos = systemNanos;
        this.kernelUnsampled = !samplesSeeKernel;
    }

    /** The system calls the OS sensor saw the thread blocked in, sorted by {@link OsWaitRules}. */
    void setOsWaits(OsWaitRules.OffCpu waits) {
        this.osWaits = waits;
    }

    /** The system calls the OS sensor saw the thread blocked in, with their descriptors. */
    void setBlocked(List<BlockedCall> blocked) {
        this.blocked = List.copyOf(blocked);
        setOsWaits(OsWaitRules.OffCpu.of(blocked));
    }

    /** The calls the OS saw the thread blocked in; empty without the OS sensor. */
    List<BlockedCall> blocked() {
        return blocked;
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
    void stoppedByGc(long pauseNanos) {
        stoppedByGcNanos = pauseNanos;
    }

    /** The waits are timed events with exact durations (the JDK's recorder), not samples. */
    void exactWaits() {
        exactWaits = true;
    }

    void addHint(ThreadState state) {
        addHint(state, 1);
    }

    void addHint(ThreadState state, int count) {
        addHint(state, count, false);
    }

    void addHint(ThreadState state, int count, boolean inNativeMethod) {
        samples += count;
        hints.merge(state, count, Integer::sum);
        if (state == ThreadState.CPU && inNativeMethod) nativeCpuHints += count;
    }

    void setWriteCalls(long calls) {
        writeCalls = calls;
    }

    void setStorageWrites(long bytes) {
        storageWriter = bytes > 0;
    }

    long writeCalls() {
        return writeCalls;
    }

    /** A wait to borrow a connection from {@code pool} (null: unknown library). */
    void addBorrow(long nanos, String pool) {
        borrowNanos += nanos;
        if (pool != null) borrowPool = pool;
    }

    long borrowNanos() {
        return borrowNanos;
    }

    /** Its I/O went through connections borrowed from {@code pool} (PoolBorrow.pooledIo). */
    void setPooledVia(String pool) {
        pooledVia = pool;
    }

    String pooledVia() {
        return pooledVia;
    }

    String borrowPool() {
        return borrowPool;
    }

    /** Whether the machine had a core to spare in the window (its load as the recording measured it). */
    void setCoresFree(boolean free) {
        this.coresFree = free;
    }

    /** I/O the last {@link #breakdown} took from the OS's polls of native code (flushes, a flusher's followers). */
    long ioFromOs() {
        return ioFromOs;
    }

    /** What the cpu samples add up to. */
    long cpuSampleNanos() {
        return cpuSampleNanos;
    }

    /** The CPU time the OS or the recording measured, 0 without one. */
    long measuredCpuNanos() {
        return Math.max(0, osCpuNanos);
    }

    /** The OS's CPU time for the thread, -1 without one. */
    long osCpuNanos() {
        return runDelayMeasured ? osCpuNanos : -1;
    }

    /** Samples, hints and the OS's polls of the thread while it was blocked. */
    int evidenceSamples() {
        return samples + osWaits.polls();
    }

    /** Wall and cpu samples, and hints, seen for this thread. */
    int samples() {
        return samples;
    }

    /**
     * The share of the thread's active time that was measured (CPU time, run delay, the JDK's timed
     * waits, GC pauses) or that enough samples and OS polls split: {@link Confidence#FULL_DENSITY}
     * a second of the time they must explain.
     */
    double coverage(Breakdown b) {
        long active = b.activeNanos();
        if (active <= 0) return 1;
        long measured = 0;
        if (hasOs()) measured += osCpuNanos;
        if (runDelayMeasured) measured += Math.max(0, osRunDelayNanos);
        if (exactWaits) {
            for (ThreadState s : new ThreadState[]{ThreadState.IO, ThreadState.LOCK, ThreadState.GC}) measured += wallNanos.getOrDefault(s, 0L);
        }
        measured = Math.min(active, measured + stoppedByGcNanos);
        long inferred = active - measured;
        if (inferred == 0) return 1;
        double needed = inferred / 1e9 * Confidence.FULL_DENSITY;
        double sampled = Math.min(1, (samples + osWaits.polls()) / needed);
        return (measured + inferred * sampled) / active;
    }

    /** Wall time the samples or events show off a CPU: blocked, waiting, stopped. */
    private long offWall() {
        long off = 0;
        for (var w : wallNanos.entrySet()) {
            if (w.getKey() != ThreadState.CPU && w.getKey() != ThreadState.RUNQUEUE) off += w.getValue();
        }
        return off;
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
        long offWall = offWall();
        if (exactWaits && cpu + runq + offWall > life) {
            // A timed wait lasts until the thread runs again, so it holds the run-queue delay after the
            // wake-up too: the events are exact, the OS's delay counts only where they leave room.
            runq = Math.max(0, life - cpu - offWall);
        }
        EnumMap<ThreadState, Long> out = new EnumMap<>(ThreadState.class);
        attribute(out, ThreadState.CPU, cpu);
        long kernelIo = kernelTimeInIo(out.getOrDefault(ThreadState.CPU, 0L));
        out.merge(ThreadState.CPU, -kernelIo, Long::sum);
        out.merge(ThreadState.IO, kernelIo, Long::sum);
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
        } else if (off > 0 && nativeRunnableNanos > 0 && !runDelayMeasured) {
            nativeOffCpu(out, off);
        } else if (off > 0) {
            // Seen running code but neither on a CPU nor queued for one: nothing explains the gap.
            out.merge(ThreadState.WAIT, off, Long::sum);
        }
        awaitedIsNotIo(out, ioOnCpu);
        return Breakdown.of(out);
    }

    /**
     * The kernel's own work inside the thread's I/O calls (a VM's disk flush burns system time in
     * fdatasync, a socket's protocol work runs in send and recv), for a recording whose CPU samples
     * cannot show kernel code: async-profiler's samples put such time under the call, which moves it
     * to io ({@link #attribute}); without them, the OS's system time does, in the proportion of the
     * thread's blocked polls that found it in I/O rather than waiting for work or in a futex.
     */
    private long kernelTimeInIo(long cpuLeft) {
        if (!kernelUnsampled || systemNanos <= 0) return 0;
        return Math.round(Math.min(cpuLeft, systemNanos) * ioShareOfWaits());
    }

    /**
     * The share of the thread's waits that were I/O: of the OS's polls where there are any; else of
     * what the recording explains (timed I/O events, and native code off a CPU, which the JDK
     * counts as runnable and this account as I/O where the cores were free).
     */
    double ioShareOfWaits() {
        if (osWaits.polls() > 0) {
            int besideIo = kind == ThreadKind.APP ? osWaits.futexBesideFileIoPolls() : 0;
            return (double) (osWaits.ioPolls() + besideIo) / osWaits.polls();
        }
        // No poll caught it blocked (a flush on a VM's disk runs as R, and a loaded machine gets few
        // polls), but it sent bytes to storage itself: its kernel time is that flush's.
        if (storageWriter && kind == ThreadKind.APP) return 1;
        if (kind != ThreadKind.APP) return 0;
        // native code off a CPU was blocked only where a core was to spare (else it queued)
        boolean nativeBlocked = Boolean.TRUE.equals(coresFree);
        long nativeWall = nativeBlocked ? nativeRunnableNanos : 0;
        long offWall = offWall() + nativeWall;
        if (offWall > 0) return (double) (wallNanos.getOrDefault(ThreadState.IO, 0L) + nativeWall) / offWall;
        int total = hints.values().stream().mapToInt(Integer::intValue).sum();
        int io = hints.getOrDefault(ThreadState.IO, 0) + (nativeBlocked ? nativeCpuHints : 0);
        return total == 0 ? 0 : (double) io / total;
    }

    /**
     * Time in native code that neither the CPU time nor any event explains, where nothing measured
     * the run delay (a recording read without the OS): queueing for a CPU only if the machine had
     * none to spare; otherwise blocked in the native code, as the OS would have shown.
     */
    private void nativeOffCpu(EnumMap<ThreadState, Long> out, long nanos) {
        if (Boolean.TRUE.equals(coresFree)) blockedInNative(out, nanos);
        else out.merge(ThreadState.RUNQUEUE, nanos, Long::sum);
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
     * it mostly did not. Where the OS measured its run delay, it was blocked in native code (a JNI
     * call runs, to the JVM): in what the OS's polls saw it blocked in, or, seen only runnable, in
     * I/O: on a virtual machine a thread waiting for a disk flush shows R without using a CPU or
     * queueing for one (DESIGN.md). Where nothing measured it, it queued for a CPU, unless the
     * machine had a core to spare: then native code was blocked (as above), and Java code caught
     * running only caught a moment of the CPU time already counted, so the time left is the waits
     * too short for the recorder's events (20 ms in the JDK's default settings), which the other
     * hints split, or, with none, which are like the waits it recorded (a lock's shorter hand-offs
     * are lock waits too), or, with none recorded, waiting.
     */
    private void splitByHints(EnumMap<ThreadState, Long> out, long nanos) {
        EnumMap<ThreadState, Integer> weights = new EnumMap<>(hints);
        boolean spareCores = !runDelayMeasured && Boolean.TRUE.equals(coresFree);
        if (spareCores) {
            if (nativeCpuHints > 0) weights.put(ThreadState.CPU, nativeCpuHints);
            else weights.remove(ThreadState.CPU);
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            likeRecordedWaits(out, nanos);
            return;
        }
        long given = 0;
        ThreadState last = null;
        for (var h : weights.entrySet()) {
            long part = nanos * h.getValue() / total;
            given += part;
            if (h.getKey() != ThreadState.CPU) {
                out.merge(h.getKey(), part, Long::sum);
                last = h.getKey();
            } else if (runDelayMeasured || spareCores) {
                blockedInNative(out, part);
            } else {
                out.merge(ThreadState.RUNQUEUE, part, Long::sum);
                last = ThreadState.RUNQUEUE;
            }
        }
        if (last != null) out.merge(last, nanos - given, Long::sum);
        else blockedInNative(out, nanos - given);
    }

    private void likeRecordedWaits(EnumMap<ThreadState, Long> out, long nanos) {
        long recorded = offWall();
        ThreadState last = ThreadState.WAIT;
        long given = 0;
        for (var w : wallNanos.entrySet()) {
            if (recorded == 0 || w.getKey() == ThreadState.CPU || w.getKey() == ThreadState.RUNQUEUE) continue;
            long part = Math.round((double) nanos * w.getValue() / recorded);
            out.merge(w.getKey(), part, Long::sum);
            given += part;
            last = w.getKey();
        }
        out.merge(last, nanos - given, Long::sum);
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

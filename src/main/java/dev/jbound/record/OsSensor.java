package dev.jbound.record;

import dev.jbound.model.CpuBudget;
import dev.jbound.model.OsActivity;
import dev.jbound.model.OsThreadActivity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Watches a process through /proc for a window: per-thread CPU time and run-queue delay
 * (schedstat at start and end), thread states (stat polled on a daemon thread), I/O bytes and
 * the CPU budget. Linux only; elsewhere {@link #stop()} returns an unavailable activity.
 *
 * <p>{@link #startAtLaunch} watches a JVM that jbound launched and that records itself from its
 * start: its counters count from zero, so they cover the same span as its recording, and its
 * polls read schedstat too, because such a JVM usually ends before any end snapshot can be taken.
 */
public final class OsSensor {

    /**
     * One warm poll costs about 14 us of CPU per thread on a 2-core VM, its stat line and, for a
     * sleeping thread, its blocking call (OsSensorCostTest prints it: ~28 ms for 2,000 threads),
     * and the pacing keeps polling at {@link #MAX_CPU_SHARE}: a JVM of 35 threads is polled every
     * 100 ms once warm, one of 2,000 about every 5.6 s.
     */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    /** Half of 1% of one core: the poll interval stretches so polling never costs more. */
    static final double MAX_CPU_SHARE = 0.005;
    /** CPU the first polls in this JVM may take beyond that share, while the poller's code is still cold. */
    static final long WARM_UP_CPU_NANOS = 100_000_000L;
    /** What is left of it: shared by every sensor of the process (top and the shell start one per interval, warm after the first). */
    private static final java.util.concurrent.atomic.AtomicLong WARM_UP_LEFT = new java.util.concurrent.atomic.AtomicLong(WARM_UP_CPU_NANOS);

    private final long pid;
    /** Watched from its launch: counters from zero, schedstat on every poll, its exit is the window's end. */
    private final boolean launched;
    private final long startNanos;
    private final long pollIntervalNanos;
    private final TaskTable tasks;
    private final ProcessCounters process;
    private final CgroupCpuLimit cgroup;
    private final CgroupText.Throttle startThrottle;
    private final MachineCpu startMachine;
    private final List<String> notes = new ArrayList<>();
    private final Thread poller;
    private final int machineCpus;
    private final int affinityCpus; // read at the start: an exited target has no status left
    // Not Thread.interrupt(): an interrupt mid-poll would close the poller's open FileChannels.
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private boolean exited; // written by the poller, read after join()
    private int polls;
    private OsActivity result;

    private OsSensor(long pid, Duration pollInterval, ProcessCounters process, ProcFileReader reader, boolean launched) {
        this.pid = pid;
        this.launched = launched;
        this.pollIntervalNanos = pollInterval.toNanos();
        this.process = process;
        this.cgroup = CpuBudgetProbe.cgroupLimit(pid);
        this.machineCpus = CpuBudgetProbe.machineCpus();
        this.affinityCpus = CpuBudgetProbe.affinityCpus(pid);
        this.startThrottle = cgroup.throttle();
        this.startMachine = MachineCpu.read();
        this.tasks = new TaskTable(pid, reader, launched);
        this.startNanos = System.nanoTime();
        this.exited = !tasks.snapshotStart();
        if (process.ioProblem != null) notes.add(process.ioProblem);
        if (!cgroup.note().isEmpty()) notes.add(cgroup.note());
        this.poller = new Thread(this::pollLoop, "jbound-os-sensor-" + pid);
        poller.setDaemon(true);
    }

    public static OsSensor start(long pid) {
        return start(pid, DEFAULT_POLL_INTERVAL);
    }

    /** Takes the start snapshot and starts polling; never throws for an unreadable target. */
    public static OsSensor start(long pid, Duration pollInterval) {
        return start(pid, pollInterval, false);
    }

    /**
     * Watches a JVM that was launched recording itself: every thread's CPU time, run-queue delay
     * and the process's I/O count from zero, as its recording does from its first instruction.
     * Polls every {@link #DEFAULT_POLL_INTERVAL}: when the JVM exits, its figures are those of the last poll.
     */
    public static OsSensor startAtLaunch(long pid) {
        return start(pid, DEFAULT_POLL_INTERVAL, true);
    }

    private static OsSensor start(long pid, Duration pollInterval, boolean launched) {
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll interval must be positive");
        return UnavailableOsSensor.reason(pid)
                .map(reason -> new OsSensor(pid, reason))
                .orElseGet(() -> startReading(pid, pollInterval, launched));
    }

    private static OsSensor startReading(long pid, Duration pollInterval, boolean launched) {
        ProcFileReader reader = new ProcFileReader();
        try {
            OsSensor sensor = new OsSensor(pid, pollInterval, ProcessCounters.start(pid, reader, launched), reader, launched);
            sensor.poller.start();
            return sensor;
        } catch (IOException | RuntimeException e) {
            return new OsSensor(pid, "cannot read /proc/" + pid + ": " + e.getMessage());
        }
    }

    /** An unavailable sensor: stop() returns OsActivity.unavailable with the reason. */
    private OsSensor(long pid, String reason) {
        this.pid = pid;
        this.launched = false;
        this.pollIntervalNanos = 0;
        this.startNanos = System.nanoTime();
        this.tasks = null;
        this.process = null;
        this.cgroup = CgroupCpuLimit.NONE;
        this.startThrottle = CgroupText.Throttle.UNKNOWN;
        this.startMachine = MachineCpu.UNKNOWN;
        this.poller = null;
        this.machineCpus = CpuBudgetProbe.machineCpus();
        this.affinityCpus = -1;
        notes.add(reason);
    }

    /** Polls completed in the window; read it after stop(). */
    public synchronized int polls() {
        return polls;
    }

    /** Ends the window: takes the end snapshot (unless the process is gone) and returns the deltas. */
    public synchronized OsActivity stop() {
        if (result == null) result = endWindow();
        return result;
    }

    private OsActivity endWindow() {
        if (poller == null) return OsActivity.unavailable(pid, budget(CgroupText.Throttle.UNKNOWN), String.join("; ", notes));
        stopSignal.countDown();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long now = System.nanoTime() - startNanos;
        if (!exited) exited = !process.poll(now) || !tasks.snapshotEnd(now);
        tasks.close();
        long window = now;
        if (exited) {
            window = process.lastSeenNanos;
            // A launched JVM's exit is the end of its recording, not news.
            if (!launched) {
                notes.add(String.format(Locale.US, "its OS counters are from the last poll before it exited, %.1f s into the window",
                        window / 1e9));
            }
        }
        if (tasks.schedstatMissing()) notes.add("schedstat missing for some threads: their CPU time has 10 ms resolution");
        if (tasks.waitsProblem() != null) notes.add(tasks.waitsProblem());
        List<OsThreadActivity> threads = tasks.activities(now);
        double machineBusy = exited ? -1 : MachineCpu.read().busyCoresSince(startMachine, now);
        return new OsActivity(pid, true, window, threads, process.lastCpuNanos - process.startCpuNanos,
                ioDelta(ProcIo::readBytes), ioDelta(ProcIo::writeBytes), ioDelta(ProcIo::readChars), ioDelta(ProcIo::writeChars),
                budget(cgroup.throttle()), String.join("; ", notes), exited ? List.of() : tasks.endpoints(threads, now), machineBusy);
    }

    private long ioDelta(ToLongFunction<ProcIo> field) {
        if (process.startIo == null || process.lastIo == null) return -1;
        return ProcIo.delta(field.applyAsLong(process.startIo), field.applyAsLong(process.lastIo));
    }

    private CpuBudget budget(CgroupText.Throttle end) {
        return CpuBudget.of(machineCpus, affinityCpus, cgroup.quotaCpus(),
                ProcIo.delta(startThrottle.periods(), end.periods()), ProcIo.delta(startThrottle.nanos(), end.nanos()));
    }

    /** The part of {@code cost} the JVM's warm-up allowance still covers. */
    private static long warmUp(long cost) {
        while (true) {
            long left = WARM_UP_LEFT.get();
            long taken = Math.min(left, cost);
            if (taken == 0 || WARM_UP_LEFT.compareAndSet(left, left - taken)) return taken;
        }
    }

    private void pollLoop() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuClock = mx.isCurrentThreadCpuTimeSupported();
        long interval = pollIntervalNanos;
        long spent = 0;
        while (true) {
            try {
                if (stopSignal.await(interval, TimeUnit.NANOSECONDS)) return; // stop() takes the end snapshot
            } catch (InterruptedException e) {
                return;
            }
            long cpuBefore = cpuClock ? mx.getCurrentThreadCpuTime() : System.nanoTime();
            long now = System.nanoTime() - startNanos;
            if (!process.poll(now) || !tasks.poll(now)) {
                exited = true;
                // its threads' stat files stay open otherwise until stop(): a build that forks
                // many JVMs under `run --subprocesses` would hold them all
                tasks.close();
                return;
            }
            polls++;
            long cost = (cpuClock ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - cpuBefore;
            // Polling may cost MAX_CPU_SHARE of a core over the window, after the JVM's warm-up
            // allowance: its first polls run interpreted and load classes (a 35-thread JVM's first
            // poll cost 45 ms, its twentieth 1.5 ms), and pacing by them would leave seconds between polls.
            spent += cost - warmUp(cost);
            long paced = (long) (spent / MAX_CPU_SHARE) - (now + cost);
            interval = Math.max(pollIntervalNanos, paced);
        }
    }
}

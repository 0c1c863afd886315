package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;

import java.util.Locale;

import static dev.jbound.model.ThreadState.CPU;
import static dev.jbound.model.ThreadState.GC;
import static dev.jbound.model.ThreadState.IO;
import static dev.jbound.model.ThreadState.LOCK;
import static dev.jbound.model.ThreadState.RUNQUEUE;

/**
 * Turns a breakdown into a verdict (DESIGN.md, "Verdicts and strategy"). Pure: the same breakdown
 * always gives the same verdict. Shares are of active time: waiting for work is idle capacity.
 */
public final class WorkloadClassifier {

    /** Less than 5% of one thread busy on average: nothing in this JVM is doing meaningful work. */
    static final double IDLE_BELOW_BUSY_THREADS = 0.05;
    /**
     * A state holding 60% of active time decides the class on its own; a 55/45 split of CPU and
     * I/O is a mixed workload whose two halves want different pools.
     */
    static final double DOMINANT_SHARE = 0.60;
    /** GC working 40% of active time: allocation, not the application's own work, sets the pace. */
    static final double GC_BOUND_SHARE = 0.40;
    /** Threads queued for a CPU 30% of their active time: more runnable threads than cores. */
    static final double SATURATED_SHARE = 0.30;
    /** Lock waits at 40% of active time stop more threads from helping even when not the largest state. */
    static final double LOCK_BOUND_SHARE = 0.40;
    /** A second state worth naming. */
    static final double SECONDARY_SHARE = 0.20;
    /** A process using 90% of its usable cores is CPU-bound whatever its threads wait on besides. */
    static final double ALL_CORES_BUSY = 0.90;
    /**
     * A process oversubscribes its CPUs when on average a quarter more of its threads are runnable
     * than it has cores; N threads on N cores queue only because of someone else.
     */
    static final double OVERSUBSCRIBED = 1.25;
    /** ... and uses 85% of its cores itself; below that, the CPUs it waited for went to others. */
    static final double OWN_CORES_FULL = 0.85;
    /** A runner-up state this large makes a workload mixed even on busy cores: it wants its own pool. */
    static final double SUBSTANTIAL_SHARE = 0.40;
    /** Where only a sample count is known (pools, phases), below this many confidence is scaled down. */
    static final int CONFIDENT_SAMPLES = 200;
    /** An idle verdict with the CPU measured: nothing busy, short of a thread working only between samples. */
    static final double IDLE_CONFIDENCE = 0.9;

    private WorkloadClassifier() {
    }

    /**
     * @param breakdown    active threads' time, GC threads' CPU included as {@code gc}
     * @param windowNanos  the recording window
     * @param cores        CPUs the target may use
     * @param processCpuNanos all CPU the process used in the window (negative: unknown)
     * @param samples      samples behind the breakdown, for confidence
     */
    public static Verdict classify(Breakdown measured, long windowNanos, double cores, long processCpuNanos, int samples) {
        return classify(measured, windowNanos, cores, processCpuNanos, VerdictEvidence.ofSamples(samples));
    }

    /** @param basis what the breakdown rests on, for the confidence ({@link Confidence}) */
    static Verdict classify(Breakdown measured, long windowNanos, double cores, long processCpuNanos, VerdictEvidence basis) {
        boolean othersQueue = othersQueueUs(measured, windowNanos, cores, processCpuNanos);
        Breakdown breakdown = othersQueue ? measured.without(RUNQUEUE) : measured;
        double busyThreads = windowNanos <= 0 ? 0 : (double) breakdown.activeNanos() / windowNanos;
        if (breakdown.activeNanos() == 0 || busyThreads < IDLE_BELOW_BUSY_THREADS) {
            return Confidence.verdict(WorkloadClass.IDLE, IDLE_CONFIDENCE,
                    String.format(Locale.US, "%.2f threads busy on average: no thread did meaningful work", busyThreads), null, basis);
        }
        double gc = breakdown.shareOfActive(GC);
        double runq = breakdown.shareOfActive(RUNQUEUE);
        double lock = breakdown.shareOfActive(LOCK);
        ThreadState top = breakdown.dominantActive();
        double topShare = breakdown.shareOfActive(top);
        double coreUse = processCpuNanos < 0 || cores <= 0 ? 0 : processCpuNanos / (windowNanos * cores);

        WorkloadClass primary;
        double decisive;
        String evidence;
        if (gc >= GC_BOUND_SHARE) {
            primary = WorkloadClass.GC_BOUND;
            decisive = gc;
            evidence = pct(gc) + " of active time is garbage collection";
        } else if (runq >= SATURATED_SHARE) {
            primary = WorkloadClass.CPU_SATURATED;
            decisive = runq;
            evidence = pct(runq) + " of active time runnable threads wait for a CPU";
        } else if (topShare >= DOMINANT_SHARE) {
            primary = WorkloadClass.dominatedBy(top);
            decisive = topShare;
            evidence = pct(topShare) + " of active time is " + top.label();
        } else if (lock >= LOCK_BOUND_SHARE) {
            primary = WorkloadClass.LOCK_BOUND;
            decisive = lock;
            evidence = pct(lock) + " of active time waits for locks";
        } else if (top == CPU && coreUse >= ALL_CORES_BUSY && runnerUpShare(breakdown, top) < SUBSTANTIAL_SHARE) {
            primary = WorkloadClass.CPU_BOUND;
            decisive = Math.max(topShare, coreUse);
            evidence = String.format(Locale.US, "the process uses %s of %.1f cores", pct(coreUse), cores);
        } else {
            primary = WorkloadClass.MIXED;
            // as sure as the largest state is clearly short of dominating: 60% → 0.5, 40% → 1
            decisive = Math.min(1, Math.max(0, 0.5 + (DOMINANT_SHARE - topShare) * 2.5));
            evidence = "no state dominates: " + summary(breakdown);
        }
        // The shares above leave the others' run-queue delay out; said whenever it shows in the
        // breakdown's bars, or they read 98% cpu where the verdict says 100%.
        double leftOut = measured.shareOfActive(RUNQUEUE);
        if (othersQueue && Math.round(leftOut * 100) >= 1) {
            evidence += ", leaving out the " + pct(leftOut) + " queued behind other processes";
        }
        WorkloadClass secondary = secondary(breakdown, primary);
        return Confidence.verdict(primary, decisive, evidence, secondary, basis);
    }

    /**
     * Run-queue delay is this workload's own doing only when it keeps clearly more threads
     * runnable than it has cores and itself fills those cores. Otherwise other processes on the
     * machine took the CPUs: that says nothing about this workload's concurrency, so it is left
     * out of the verdict (the breakdown still shows it, and the report notes it).
     *
     * @param processCpuNanos CPU the whole process used, or negative to use the breakdown's cpu
     */
    public static boolean othersQueueUs(Breakdown b, long windowNanos, double cores, long processCpuNanos) {
        if (windowNanos <= 0 || cores <= 0 || b.nanos(RUNQUEUE) == 0) return false;
        double demand = (double) (b.nanos(CPU) + b.nanos(RUNQUEUE)) / windowNanos;
        double used = (double) (processCpuNanos >= 0 ? processCpuNanos : b.nanos(CPU)) / windowNanos;
        return demand < cores * OVERSUBSCRIBED || used < cores * OWN_CORES_FULL;
    }

    private static double runnerUpShare(Breakdown b, ThreadState top) {
        double best = 0;
        for (ThreadState s : ThreadState.ACTIVE) {
            if (s != top) best = Math.max(best, b.shareOfActive(s));
        }
        return best;
    }

    private static WorkloadClass secondary(Breakdown b, WorkloadClass primary) {
        ThreadState best = null;
        for (ThreadState s : ThreadState.ACTIVE) {
            if (WorkloadClass.dominatedBy(s) == primary || b.shareOfActive(s) < SECONDARY_SHARE) continue;
            if (best == null || b.nanos(s) > b.nanos(best)) best = s;
        }
        return best == null ? null : WorkloadClass.dominatedBy(best);
    }

    static String summary(Breakdown b) {
        StringBuilder sb = new StringBuilder();
        for (ThreadState s : ThreadState.ACTIVE) {
            if (b.shareOfActive(s) >= 0.05) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(s.label()).append(' ').append(pct(b.shareOfActive(s)));
            }
        }
        return sb.toString();
    }

    static String pct(double share) {
        return Math.round(share * 100) + "%";
    }
}

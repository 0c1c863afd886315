package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.PoolRow;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A process whose pools disagree is mixed, whatever its summed shares say: one pool filling the
 * cores with CPU work and another waiting on I/O want opposite advice (grow one, not the other), and
 * summed, the waiting threads, being more, make the whole read io-bound (DESIGN.md, "Advice").
 */
final class PoolDisagreement {

    /** A computing pool worth naming does this much of the application's CPU work. */
    static final double CPU_POOL_SHARE = 0.4;
    /** A waiting pool worth naming holds this much of the application's I/O. */
    static final double IO_POOL_SHARE = 0.4;

    private PoolDisagreement() {
    }

    /** The mixed verdict, where pools disagree and the process's own verdict does not already say mixed. */
    static Optional<Verdict> of(Verdict process, Breakdown app, List<PoolRow> pools) {
        return of(process, split(app, pools, false));
    }

    /** The same, from the pools' split as {@link #split} found it. */
    static Optional<Verdict> of(Verdict process, Optional<Split> split) {
        if (process.workloadClass() == WorkloadClass.MIXED || process.workloadClass() == WorkloadClass.IDLE || split.isEmpty()) {
            return Optional.empty();
        }
        Split s = split.get();
        String evidence = String.format(Locale.US, "pools disagree: %s is %s (%s of the CPU work), %s is io-bound (%s of the I/O)",
                s.computing().name(), s.computing().verdict().workloadClass().label(), WorkloadClassifier.pct(s.cpuShare()),
                s.waiting().name(), WorkloadClassifier.pct(s.ioShare()));
        double confidence = Math.min(s.computing().verdict().confidence(), s.waiting().verdict().confidence());
        return Optional.of(new Verdict(WorkloadClass.MIXED, confidence, evidence, process.workloadClass(), process.basis()));
    }

    /**
     * A pool that does the CPU work and another that does the waiting: the stages are pools already.
     *
     * @param cpuShare the computing pool's share of the application's CPU work (cpu and run queue)
     * @param ioShare  the waiting pool's share of its I/O
     */
    record Split(PoolRow computing, PoolRow waiting, double cpuShare, double ioShare) {
    }

    /**
     * The computing pool and the waiting one, each holding enough of its kind of work to be a stage; none when there are not both.
     *
     * @param virtualThreads the process runs virtual threads: its ForkJoinPool carriers compute for
     *                       them, the same work, not a pool of their own
     */
    static Optional<Split> split(Breakdown app, List<PoolRow> pools, boolean virtualThreads) {
        PoolRow computing = null;
        PoolRow waiting = null;
        double computingShare = 0;
        double waitingShare = 0;
        long cpu = Math.max(1, app.nanos(ThreadState.CPU) + app.nanos(ThreadState.RUNQUEUE));
        long io = Math.max(1, app.nanos(ThreadState.IO));

        for (PoolRow p : pools) {
            if (virtualThreads && p.name().startsWith("ForkJoinPool-")) continue;
            WorkloadClass c = p.verdict().workloadClass();
            double cpuShare = (double) (p.breakdown().nanos(ThreadState.CPU) + p.breakdown().nanos(ThreadState.RUNQUEUE)) / cpu;
            double ioShare = (double) p.breakdown().nanos(ThreadState.IO) / io;
            if ((c == WorkloadClass.CPU_BOUND || c == WorkloadClass.CPU_SATURATED) && cpuShare >= CPU_POOL_SHARE && computing == null) {
                computing = p;
                computingShare = cpuShare;
            }
            if (c == WorkloadClass.IO_BOUND && ioShare >= IO_POOL_SHARE && waiting == null) {
                waiting = p;
                waitingShare = ioShare;
            }
        }
        if (computing == null || waiting == null || computing == waiting) return Optional.empty();
        // a stage to size waits at least a fifth as long as the computing pool works: a main thread's
        // start-up reads (0.2 s beside two workers' 3.9 s) are not one; 24 request threads waiting
        // beside 2 that fill the cores are, however few of the active seconds the 2 hold
        if (waiting.breakdown().nanos(ThreadState.IO) < WorkloadClassifier.SECONDARY_SHARE * computing.breakdown().activeNanos()) {
            return Optional.empty();
        }
        return Optional.of(new Split(computing, waiting, computingShare, waitingShare));
    }
}

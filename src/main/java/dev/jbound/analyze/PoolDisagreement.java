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
        return of(process, app, pools, false);
    }

    /**
     * @param virtualThreads the process runs virtual threads: its ForkJoinPool carriers compute for
     *                       them, the same work, not a pool of their own
     */
    static Optional<Verdict> of(Verdict process, Breakdown app, List<PoolRow> pools, boolean virtualThreads) {
        if (process.workloadClass() == WorkloadClass.MIXED || process.workloadClass() == WorkloadClass.IDLE) return Optional.empty();
        Optional<Split> split = split(app, pools, virtualThreads);
        if (split.isEmpty()) return Optional.empty();
        PoolRow computing = split.get().computing();
        PoolRow waiting = split.get().waiting();
        long cpu = Math.max(1, app.nanos(ThreadState.CPU) + app.nanos(ThreadState.RUNQUEUE));
        long io = Math.max(1, app.nanos(ThreadState.IO));
        String evidence = String.format(Locale.US, "pools disagree: %s is %s (%s of the CPU work), %s is io-bound (%s of the I/O)",
                computing.name(), computing.verdict().workloadClass().label(),
                WorkloadClassifier.pct((double) (computing.breakdown().nanos(ThreadState.CPU) + computing.breakdown().nanos(ThreadState.RUNQUEUE)) / cpu),
                waiting.name(), WorkloadClassifier.pct((double) waiting.breakdown().nanos(ThreadState.IO) / io));
        double confidence = Math.min(computing.verdict().confidence(), waiting.verdict().confidence());
        return Optional.of(new Verdict(WorkloadClass.MIXED, confidence, evidence, process.workloadClass(), process.basis()));
    }

    /** A pool that does the CPU work and another that does the waiting: the stages are pools already. */
    record Split(PoolRow computing, PoolRow waiting) {
    }

    /** The computing pool and the waiting one, each holding enough of its kind of work to be a stage; none when there are not both. */
    static Optional<Split> split(Breakdown app, List<PoolRow> pools, boolean virtualThreads) {
        PoolRow computing = null;
        PoolRow waiting = null;
        long cpu = Math.max(1, app.nanos(ThreadState.CPU) + app.nanos(ThreadState.RUNQUEUE));
        long io = Math.max(1, app.nanos(ThreadState.IO));

        for (PoolRow p : pools) {
            if (virtualThreads && p.name().startsWith("ForkJoinPool-")) continue;
            WorkloadClass c = p.verdict().workloadClass();
            double cpuShare = (double) (p.breakdown().nanos(ThreadState.CPU) + p.breakdown().nanos(ThreadState.RUNQUEUE)) / cpu;
            double ioShare = (double) p.breakdown().nanos(ThreadState.IO) / io;
            if ((c == WorkloadClass.CPU_BOUND || c == WorkloadClass.CPU_SATURATED) && cpuShare >= CPU_POOL_SHARE && computing == null) computing = p;
            if (c == WorkloadClass.IO_BOUND && ioShare >= IO_POOL_SHARE && waiting == null) waiting = p;
        }
        if (computing == null || waiting == null || computing == waiting) return Optional.empty();
        // a stage to size waits at least a fifth as long as the computing pool works: a main thread's
        // start-up reads (0.2 s beside two workers' 3.9 s) are not one; 24 request threads waiting
        // beside 2 that fill the cores are, however few of the active seconds the 2 hold
        if (waiting.breakdown().nanos(ThreadState.IO) < WorkloadClassifier.SECONDARY_SHARE * computing.breakdown().activeNanos()) {
            return Optional.empty();
        }
        return Optional.of(new Split(computing, waiting));
    }
}

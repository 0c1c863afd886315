package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.CpuBudget;
import dev.jbound.model.FrameCount;
import dev.jbound.model.PoolRow;
import dev.jbound.model.LockSite;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.jbound.analyze.WorkloadClassifier.pct;

/** Turns a verdict and its numbers into what to do, with a pool size where one applies. */
public final class StrategyAdvisor {

    /** Target CPU utilisation in the pool-size formula: leave a fifth of the CPUs to GC, JIT and the OS. */
    static final double TARGET_UTILISATION = 0.8;
    /** Above this many threads a platform-thread pool costs more in memory and scheduling than it buys. */
    static final int VIRTUAL_THREADS_ABOVE = 200;
    /**
     * Threads that compute next to nothing make W/C meaningless: beyond this the formula only says
     * "as many as there are requests in flight", which is what virtual threads give.
     */
    static final int MAX_ADVISED_POOL = 10_000;
    /** A frame named beside the hottest has at least this share of its time. */
    static final double HOT_SHARE_OF_FIRST = 0.05;

    /**
     * The facts strategy needs besides the verdict; {@code load} is what sizing a pool rests on,
     * {@code pinning} whether its threads would pin as virtual threads (null: no thread dump to check).
     */
    public record Facts(Breakdown breakdown, double cores, boolean throttled, double busyThreads, int activeThreads,
                        List<FrameCount> hotCpu, List<FrameCount> ioSites, List<LockSite> locks, int jdkFeature,
                        boolean onVirtualThreads, PoolSizing.Load load, Pinning pinning) {

        public Facts(Breakdown breakdown, double cores, boolean throttled, double busyThreads, int activeThreads,
                     List<FrameCount> hotCpu, List<FrameCount> ioSites, List<LockSite> locks, int jdkFeature,
                     boolean onVirtualThreads, PoolSizing.Load load) {
            this(breakdown, cores, throttled, busyThreads, activeThreads, hotCpu, ioSites, locks, jdkFeature, onVirtualThreads, load, null);
        }

        /** Without a measured load beyond the breakdown: no other pools, nothing counted, no endpoints. */
        public Facts(Breakdown breakdown, double cores, boolean throttled, double busyThreads, int activeThreads,
                     List<FrameCount> hotCpu, List<FrameCount> ioSites, List<LockSite> locks, int jdkFeature,
                     boolean onVirtualThreads) {
            this(breakdown, cores, throttled, busyThreads, activeThreads, hotCpu, ioSites, locks, jdkFeature, onVirtualThreads,
                    new PoolSizing.Load(breakdown, activeThreads, cores, cores, 0, 0, Double.NaN, 0, null, List.of(), -1));
        }
    }

    private StrategyAdvisor() {
    }

    /** Whether the report's advice, the process's or a pool's, sizes a pool past where virtual threads are named. */
    public static boolean advisesVirtualThreads(dev.jbound.model.Report r) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(r.strategy()), r.pools().stream().map(p -> p.strategy()))
                .anyMatch(s -> s != null && s.poolSize() != null && s.poolSize() > VIRTUAL_THREADS_ABOVE);
    }

    public static Strategy advise(Verdict verdict, Facts f) {
        return switch (verdict.workloadClass()) {
            case CPU_BOUND -> cpuBound(f);
            case CPU_SATURATED -> saturated(f);
            case IO_BOUND -> ioBound(f);
            case LOCK_BOUND -> lockBound(f);
            case GC_BOUND -> gcBound(f);
            case IDLE -> new Strategy("nothing to tune in this JVM: its threads wait for work",
                    List.of("the bottleneck is outside this JVM: the callers, the queue feeding it, or the scheduler"), null, null);
            case MIXED -> mixed(f);
        };
    }

    /**
     * A pool's advice: as the process's, except that a pool whose own threads both compute and wait
     * (mixed) is one pool to size, not two stages to split.
     */
    public static Strategy advisePool(Verdict verdict, Facts f) {
        if (verdict.workloadClass() == dev.jbound.model.WorkloadClass.MIXED && waitsToo(f)) return sized(f, null);
        return advise(verdict, f);
    }

    private static Strategy cpuBound(Facts f) {
        if (waitsToo(f) && f.activeThreads > 1) {
            return sized(f, "shrink the pool to %d: the knee, not the core count, as its threads also wait");
        }
        int n = Math.max(1, (int) Math.round(f.cores));
        List<String> advice = new ArrayList<>();
        if (f.busyThreads < 1.5 && f.cores >= 2) {
            advice.add(String.format(Locale.US, "only %.1f of %s cores are busy: parallelise the hot loop"
                    + " (ForkJoinPool, parallel streams) to use the rest", f.busyThreads, CpuBudget.format(f.cores)));
        } else {
            advice.add("more threads will not help: size CPU pools to the cores");
        }
        advice.add("ForkJoinPool / parallel streams for data-parallel work");
        hot(advice, "optimise the hottest methods", f.hotCpu);
        if (f.throttled) advice.add("the container's CPU quota throttled this JVM: the quota, not the code, is the ceiling");
        String headline = f.busyThreads < 1.5 && f.cores >= 2 ? "parallelise: pool = cores = " + n : "pool = cores = " + n;
        return new Strategy(headline, advice, n, "N = cores = " + CpuBudget.format(f.cores));
    }

    private static Strategy saturated(Facts f) {
        if (waitsToo(f)) return sized(f, "shrink the pool to %d: the knee, not the core count, as its threads also wait");
        int n = Math.max(1, (int) Math.round(f.cores));
        List<String> advice = new ArrayList<>();
        advice.add(String.format(Locale.US, "%.1f threads want a CPU but only %s cores exist: shrink CPU pools to %d",
                f.busyThreads, CpuBudget.format(f.cores), n));
        advice.add("separate CPU work from I/O work into their own pools so I/O threads do not queue behind compute");
        hot(advice, "the CPU goes to", f.hotCpu);
        if (f.throttled) advice.add("the container's CPU quota throttled this JVM: raise the quota or lower the thread count");
        return new Strategy("shrink the pool to " + n, advice, n, "N = cores = " + CpuBudget.format(f.cores));
    }

    /** W/C as a person reads it: threads that compute next to nothing give ratios in the billions. */
    private static String ratio(double waitOverCompute) {
        return waitOverCompute > MAX_ADVISED_POOL ? "over " + MAX_ADVISED_POOL
                : String.format(Locale.US, "%.1f", waitOverCompute);
    }

    private static Strategy ioBound(Facts f) {
        long cpu = Math.max(1, f.breakdown.nanos(ThreadState.CPU));
        double waitOverCompute = (double) f.breakdown.nanos(ThreadState.IO) / cpu;
        if (f.onVirtualThreads) {
            List<String> advice = new ArrayList<>();
            advice.add(String.format(Locale.US, "threads wait %s× as long for I/O as they compute, and virtual threads"
                    + " already let every request wait without holding a platform thread", ratio(waitOverCompute)));
            hot(advice, "waits on", f.ioSites);
            return new Strategy("already on virtual threads: concurrency is not the limit, the waits are; make them shorter or fewer",
                    advice, null, null);
        }
        return sized(f, null);
    }

    /**
     * The pool's threads wait on I/O too, enough to size for: a tenth of their work (CPU and I/O;
     * queueing for a CPU left out, as a saturated pool queues most of its time).
     */
    private static boolean waitsToo(Facts f) {
        long work = f.breakdown.nanos(ThreadState.CPU) + f.breakdown.nanos(ThreadState.IO);
        return work > 0 && f.breakdown.nanos(ThreadState.IO) >= 0.10 * work;
    }

    /**
     * Advice from the pool's model (PoolSizing): grow, shrink or keep, the knee and what caps it,
     * and the throughput to expect.
     *
     * @param shrinkHeadline the headline for a shrink, with %d for the size; null for the general one
     */
    private static Strategy sized(Facts f, String shrinkHeadline) {
        PoolSizing.Sizing z = PoolSizing.of(f.load);
        int n = z.advised();
        List<String> advice = new ArrayList<>();
        long cpu = Math.max(1, f.breakdown.nanos(ThreadState.CPU));
        double waitOverCompute = (double) f.breakdown.nanos(ThreadState.IO) / cpu;
        advice.add(String.format(Locale.US, "threads wait %s× as long for I/O as they compute; %d %s active now; %s",
                ratio(waitOverCompute), f.activeThreads, f.activeThreads == 1 ? "thread is" : "threads are",
                z.knee() >= MAX_ADVISED_POOL ? "they compute too little for the cores to fill at any count"
                        : "the cores fill at about " + z.knee() + " threads"));
        if (z.limit() != null) advice.add(z.limit());
        advice.addAll(z.notes());
        var p = z.prediction();
        if (p != null) {
            advice.add(String.format(Locale.US, "expect %s%s at %d threads: %s", ratioWords(p.throughputRatio()),
                    Double.isNaN(p.throughputPerSecond()) ? "" : String.format(Locale.US, " (about %.0f requests a second)", p.throughputPerSecond()),
                    n, p.assumption()));
        }
        boolean pins = f.pinning != null && f.pinning.pins(f.jdkFeature);
        if (n > VIRTUAL_THREADS_ABOVE) {
            advice.add(String.format(Locale.US, "%d platform threads reserve %d MiB of stack (-Xss, 1 MiB by default): at this fan-out"
                    + " prefer virtual threads or async I/O", n, n));
            // the evidence that virtual threads would (not) pin, checked before they are advised
            advice.add(f.pinning != null ? f.pinning.advice(f.jdkFeature)
                    : "jbound had no thread dump to check whether virtual threads would pin their carriers here: look for"
                    + " synchronized blocks (JDK 21-23) and native calls around the blocking calls");
        }
        hot(advice, "waits on", f.ioSites);
        boolean virtual = f.jdkFeature >= 21 || f.jdkFeature <= 0;
        String headline = switch (z.direction()) {
            case GROW -> n <= VIRTUAL_THREADS_ABOVE ? "grow the pool to " + n
                    : pins ? "grow the pool to " + n + " (as virtual threads they would pin their carriers: see below)"
                    : virtual ? "use virtual threads (JDK 21+) or grow the pool to " + n
                    : "grow the pool to " + n + " (or move to JDK 21+ for virtual threads)";
            case SHRINK -> shrinkHeadline != null ? String.format(Locale.US, shrinkHeadline, n) : "shrink the pool to " + n;
            case KEEP -> "keep the pool at " + n;
        };
        return new Strategy(headline, advice, n, z.formula(), p);
    }

    /** "up to about 2.6× the throughput", "about the same throughput", "about 0.8× the throughput". */
    private static String ratioWords(double r) {
        if (Math.abs(r - 1) < 0.05) return "about the same throughput";
        return String.format(Locale.US, "%s %.1f× the throughput", r > 1 ? "up to about" : "about", r);
    }

    private static Strategy lockBound(Facts f) {
        // waiting to borrow a connection is a pool's limit, which sizing names and works around
        if (f.load.borrowNanos() * 2 >= f.breakdown.nanos(ThreadState.LOCK) && f.breakdown.nanos(ThreadState.IO) > 0) {
            return sized(f, "shrink the pool to %d: its threads queue for the connection pool's few connections");
        }
        List<String> advice = new ArrayList<>();
        double lock = f.breakdown.shareOfActive(ThreadState.LOCK);
        for (LockSite l : f.locks.subList(0, Math.min(3, f.locks.size()))) {
            String owner = l.owner() == null ? "" : "; held by " + l.owner() + " in " + l.ownerFrame();
            advice.add(String.format(Locale.US, "%s at %s: %d waits, %d waiters%s", l.lockClass(), l.site(), l.events(),
                    l.waiters().size(), owner));
        }
        advice.add("shorten the critical sections (move work out of the lock), stripe the lock,"
                + " or use concurrent collections, LongAdder, read/write or stamped locks");
        advice.add(String.format(Locale.US, "Amdahl: threads spend %s of their active time waiting to enter; adding threads"
                + " adds waiters, so the speed-up from more threads is at most about %.1f×",
                pct(lock), 1 / Math.max(0.05, lock)));
        String first = f.locks.isEmpty() ? "a lock" : "`" + shortName(f.locks.get(0).lockClass()) + "`";
        return new Strategy(pct(lock) + " of active time waits on " + first, advice, null, null);
    }

    private static Strategy gcBound(Facts f) {
        List<String> advice = new ArrayList<>();
        advice.add("the heap is too small for the live set, or the code allocates too fast: raise -Xmx or cut allocation");
        hot(advice, "the application's CPU goes to (look for allocation there)", f.hotCpu);
        advice.add("record allocations to find the hot spots: async-profiler's alloc event or JFR's ObjectAllocationSample");
        return new Strategy("reduce allocation or give the heap room", advice, null, null);
    }

    private static Strategy mixed(Facts f) {
        List<String> advice = new ArrayList<>();
        advice.add("split CPU and I/O stages into separate pools (bulkheads): size the CPU pool to the cores"
                + " and the I/O pool from its wait/compute ratio (see the per-pool verdicts)");
        hot(advice, "CPU goes to", f.hotCpu);
        hot(advice, "I/O waits on", f.ioSites);
        return new Strategy("split CPU and I/O work into separate pools", advice, null, null);
    }

    /**
     * Mixed, where the stages are pools already (a computing pool and a waiting one): telling it to
     * split its CPU and I/O work was advice it already follows. Each pool is sized by its own verdict.
     */
    static Strategy alreadySplit(PoolDisagreement.Split split, Facts f) {
        List<String> advice = new ArrayList<>();
        for (PoolRow p : List.of(split.computing(), split.waiting())) {
            Strategy s = p.strategy();
            advice.add(String.format(Locale.US, "%s (%d %s, %s): %s", p.name(), p.activeThreads(), p.activeThreads() == 1 ? "thread" : "threads",
                    p.verdict().workloadClass().label(), s == null ? "see its verdict" : s.headline()));
        }
        hot(advice, "CPU goes to", f.hotCpu);
        hot(advice, "I/O waits on", f.ioSites);
        return new Strategy("the CPU and I/O work are separate pools already: size each to its own verdict", advice, null, null);
    }

    /**
     * Up to three frames, the first and those with at least {@link #HOT_SHARE_OF_FIRST} of its time:
     * a frame with a sample or two beside the one that holds nearly all ("optimise ..., BurstWorkload.burst"
     * at 1% of the CPU) is nothing to act on.
     */
    private static void hot(List<String> advice, String lead, List<FrameCount> frames) {
        if (frames.isEmpty()) return;
        StringBuilder sb = new StringBuilder(lead).append(": ").append(frames.get(0).frame());
        for (int i = 1; i < Math.min(3, frames.size()); i++) {
            if (frames.get(i).nanos() < HOT_SHARE_OF_FIRST * frames.get(0).nanos()) break;
            sb.append(", ").append(frames.get(i).frame());
        }
        advice.add(sb.toString());
    }

    private static String shortName(String cls) {
        int dot = cls.lastIndexOf('.');
        return dot >= 0 ? cls.substring(dot + 1) : cls;
    }
}

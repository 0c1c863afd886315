package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.CpuBudget;
import dev.jbound.model.Endpoint;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import dev.jbound.model.Prediction;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How big a pool of threads that compute and wait should be, from a model of it rather than one
 * formula (DESIGN.md, "Advice that holds when applied").
 *
 * <p>Per thread, a unit of work costs C on a CPU and W waiting on I/O; the rest of its active time
 * (run-queue delay, lock and pool waits, GC pauses) is queueing that only more or fewer threads
 * change. Unqueued, one thread keeps C / (C + W) of a core busy, so N threads demand N × C / (C + W)
 * cores: the knee N* = free cores × (1 + W/C) is where they fill the cores the rest of the process
 * leaves free. A peer on this machine (a local database) computes on the same cores while the
 * threads wait on it, so its CPU per thread in flight joins their demand: N* = free cores /
 * (C / (C + W) + peer cores per thread). Throughput (Little's law: threads in flight = throughput × time per unit) grows with
 * N up to the knee and is flat beyond it, where more threads only queue. A pool is sized to the knee
 * with headroom for the variance of real work, grown when it is short of it and shrunk to it when
 * it is past it (not to the core count: its threads also wait). The limits that cap the knee are
 * named: a connection pool smaller than the threads, a peer on this machine that fills the cores
 * itself; a limit it cannot see (a remote server's capacity) is said as the prediction's assumption.
 */
final class PoolSizing {

    /**
     * The advised size over the knee: at the knee itself scheduling and uneven work leave cores idle
     * (the fixed-latency bench: 90% of the best at the knee, 97-100% at 1.3-2× it).
     */
    static final double HEADROOM = 1.5;
    /**
     * The same, measured while the threads queue for CPUs most of their time: a thread preempted
     * between sending a request and reading the answer waits for both at once, so the blocked time
     * reads short of the downstream's latency (8 of 20 ms a request in the fixed-latency bench at 64
     * threads on 2 cores) and the knee with it; overshooting the knee costs latency, undershooting
     * it throughput.
     */
    static final double HEADROOM_QUEUEING = 2.0;
    /** Queueing this share of their active time, the threads' waits overlap it (above). */
    static final double QUEUEING_SHARE = 0.5;
    /** The rest of the process may leave less than this free: a pool always gets a quarter of a core to work with. */
    static final double MIN_FREE_CORES = 0.25;
    /** Threads waiting to borrow a connection this share of their active time: the connection pool is the limit. */
    static final double BORROW_LIMIT_SHARE = 0.10;
    /** The machine this full (the peer's and the process's CPU over the machine's cores): a local peer filling the rest is the limit. */
    static final double MACHINE_FULL = 0.85;
    /** A peer on this machine using at least this much CPU (and this share of its cores) counts as a limit only then. */
    static final double PEER_MIN_CORES = 0.5;
    static final double PEER_SHARE = 0.4;
    /** A peer on this machine using at least this much CPU (in cores) shares the cores with the pool in the knee. */
    static final double PEER_COUNTS = 0.05;
    /** Growing past this many times the threads in flight now rests on the downstream keeping its latency: said so. */
    static final double STEP_WARNING = 4;

    /**
     * What sizing rests on, for a pool or the whole process.
     *
     * @param breakdown         its active threads' time
     * @param activeThreads     how many worked
     * @param cores             the CPUs the process may use (affinity, quota)
     * @param machineCores      the machine's CPUs
     * @param othersCores       CPU the rest of the process used meanwhile (other pools, GC, JIT), in cores
     * @param windowNanos       the window
     * @param requestsPerSecond its counted throughput (write calls to its connections a second), NaN when not counted
     * @param borrowNanos       its time waiting to borrow a connection from a pool
     * @param borrowPool        which connection pool ("commons-pool2"), or null
     * @param io                what its I/O waited on, most first
     * @param machineBusyCores  the whole machine's cores busy on average (every process's), -1 when unknown
     * @param pooledVia         the connection pool its I/O went through ("HikariCP"), or null
     */
    record Load(Breakdown breakdown, int activeThreads, double cores, double machineCores, double othersCores, long windowNanos,
                double requestsPerSecond, long borrowNanos, String borrowPool, List<IoShare> io, double machineBusyCores,
                String pooledVia) {

        Load(Breakdown breakdown, int activeThreads, double cores, double machineCores, double othersCores, long windowNanos,
             double requestsPerSecond, long borrowNanos, String borrowPool, List<IoShare> io, double machineBusyCores) {
            this(breakdown, activeThreads, cores, machineCores, othersCores, windowNanos, requestsPerSecond, borrowNanos, borrowPool,
                    io, machineBusyCores, null);
        }
    }

    enum Direction { GROW, SHRINK, KEEP }

    /**
     * @param knee      N*, where the pool's CPU demand fills the free cores (Integer.MAX_VALUE: it hardly computes)
     * @param advised   the size to run at
     * @param formula   how the knee and the size were computed, with the measured numbers
     * @param limit     what caps the size below the knee's, in words, or null
     * @param notes     further advice: the assumption a large step rests on, memory per thread
     */
    record Sizing(int knee, int advised, Direction direction, String formula, String limit, List<String> notes, Prediction prediction) {
    }

    private PoolSizing() {
    }

    static Sizing of(Load l) {
        Breakdown b = l.breakdown();
        long active = Math.max(1, b.activeNanos());
        double c = (double) b.nanos(ThreadState.CPU) / active;
        double w = (double) b.nanos(ThreadState.IO) / active;
        double q = Math.max(0, 1 - c - w);
        int n = Math.max(1, l.activeThreads());
        double free = Math.max(MIN_FREE_CORES, l.cores() - Math.max(0, l.othersCores()));
        IoShare main = l.io().isEmpty() ? null : l.io().get(0);
        Endpoint peer = main == null ? null : main.endpoint();
        double perThread = c + w <= 0 ? 1 : c / (c + w);
        // A peer on this machine computes on the same cores while the threads wait on it: each thread
        // in flight demands its own share of a core and the peer's share per thread (all the peer's
        // CPU counted as this pool's: if it also serves others, those cores are not free either).
        double peerPerThread = peer != null && peer.pid() > 0 && peer.cpuCores() >= PEER_COUNTS ? peer.cpuCores() / n : 0;
        double demand = perThread + peerPerThread;
        double kneeExact = demand <= 0 ? Double.POSITIVE_INFINITY : free / demand;
        int knee = kneeExact >= StrategyAdvisor.MAX_ADVISED_POOL ? StrategyAdvisor.MAX_ADVISED_POOL : (int) Math.max(1, Math.round(kneeExact));
        Timing t = new Timing(c, w, n, l.requestsPerSecond());

        double headroom = (double) b.nanos(ThreadState.RUNQUEUE) / active >= QUEUEING_SHARE ? HEADROOM_QUEUEING : HEADROOM;
        int advised = (int) Math.min(StrategyAdvisor.MAX_ADVISED_POOL, Math.max(1, Math.ceil(kneeExact * headroom)));
        double cap = Double.POSITIVE_INFINITY; // the most threads that still add throughput, where a limit says so
        String limit = null;
        boolean peerLimit = false;
        List<String> notes = new ArrayList<>();

        double borrowShare = (double) l.borrowNanos() / active;
        if (borrowShare >= BORROW_LIMIT_SHARE && w > 0) {
            // A connection is held only while waiting on the downstream: to keep P of them busy takes
            // P × (C + W) / W threads; more only queue to borrow.
            // the OS's count; without it, Little's law: the connections busy at once are the threads in I/O at once
            int connections = peer != null && peer.connections() > 0 ? peer.connections() : (int) Math.round(n * w);
            String pool = l.borrowPool() == null ? "the connection pool" : "the " + l.borrowPool() + " connection pool";
            String to = main == null ? "its downstream" : main.target().name();
            if (connections > 0) {
                cap = connections * (c + w) / w;
                advised = Math.min(advised, (int) Math.ceil(cap));
                int wanted = (int) Math.ceil(Math.min(kneeExact, StrategyAdvisor.MAX_ADVISED_POOL) * w / (c + w));
                limit = String.format(Locale.US, "%s holds %d %s to %s and its threads wait %s of their active time"
                        + " to borrow one: beyond %d threads more only queue; to go further, raise the pool towards %d connections"
                        + " (the knee's), if %s can take them", pool, connections, connections == 1 ? "connection" : "connections", to, WorkloadClassifier.pct(borrowShare),
                        (int) Math.ceil(cap), wanted, to);
            } else {
                limit = String.format(Locale.US, "%s is the limit: its threads wait %s of their active time to borrow a connection;"
                        + " raise its size before the threads'", pool, WorkloadClassifier.pct(borrowShare));
                advised = Math.min(advised, n);
                cap = n;
            }
        }
        double processCores = l.windowNanos() <= 0 ? 0 : (double) (b.nanos(ThreadState.CPU)) / l.windowNanos() + Math.max(0, l.othersCores());
        // the machine full (all its processes' CPU, else the peer's and this process's), and the peer a big part of it
        double busy = l.machineBusyCores() >= 0 ? l.machineBusyCores() : (peer == null ? 0 : Math.max(0, peer.cpuCores())) + processCores;
        if (limit == null && peer != null && peer.pid() > 0 && peer.cpuCores() >= Math.max(PEER_MIN_CORES, PEER_SHARE * l.machineCores())
                && busy >= MACHINE_FULL * l.machineCores()) {
            // Little's law: with both sides on this machine's CPUs, the requests in flight that keep it
            // full are about as many as the cores busy on them.
            double inFlight = (double) b.nanos(ThreadState.CPU) / Math.max(1, l.windowNanos()) + peer.cpuCores();
            cap = Math.max(1, inFlight * HEADROOM);
            advised = Math.min(n, (int) Math.ceil(cap));
            peerLimit = true;
            limit = String.format(Locale.US, "%s is served by %s on this machine, whose processes use %.1f of its %s cores:"
                    + " it is the limit, and more threads here add latency only", main.target().name(), peer.local(),
                    peer.cpuCores(), CpuBudget.format(l.machineCores()));
        }

        if (limit == null && l.pooledVia() != null && w > 0 && peer != null && peer.connections() > 0) {
            // Not queueing to borrow yet, but every wait went through the pool's connections: P of
            // them keep P × (C + W) / W threads busy. The pool may open more up to its maximum; jbound
            // sees only those open now.
            int connections = peer.connections();
            double serves = connections * (c + w) / w;
            String reach = String.format(Locale.US, "the threads reach %s through %s's pool, which holds %d %s to it now",
                    main.target().name(), l.pooledVia(), connections, connections == 1 ? "connection" : "connections");
            if (connections > n && advised > serves) {
                // a pool holding more connections than the threads is sized apart from them: a cap
                cap = serves;
                advised = Math.max(n, (int) Math.ceil(cap));
                int wanted = (int) Math.ceil(Math.min(kneeExact, StrategyAdvisor.MAX_ADVISED_POOL) * w / (c + w));
                limit = String.format(Locale.US, "%s: beyond %d threads more would queue to borrow one; to go further, raise its"
                        + " maximum towards %d connections (the knee's), if %s can take them", reach, (int) Math.ceil(cap), wanted,
                        main.target().name());
            } else if (connections <= n && advised > n) {
                // one with as many (a connection per thread) grows with them
                notes.add(String.format(Locale.US, "%s: raise its maximum with the threads, to at least %d (the requests in flight"
                        + " at %d threads)", reach, (int) Math.ceil(advised * w / (c + w)), advised));
            }
        }
        boolean storageStep = false;
        if (limit == null && main != null && isStorage(main.target().kind()) && advised > STEP_WARNING * n) {
            // A device serves only so many requests at once and its latency grows as its queue
            // fills; the threads' waits show one point of that curve, not where it bends. Measured
            // (fsync of 4 KiB, one file a thread, a virtio disk): 2 → 8 threads ×1.85, → 64 ×2.8,
            // → 628 ×2.9, where the cores' knee promised ×209. So one step at a time.
            storageStep = true;
            cap = STEP_WARNING * n;
            advised = (int) cap;
            limit = String.format(Locale.US, "the threads wait on storage (%s): a device serves only so many requests at once"
                    + " and slows as its queue fills, which their waits do not show; grow in steps (to %d now), compare each"
                    + " with `jbound diff`, and stop where the throughput stops growing", main.target().name(), advised);
        }
        Direction dir = advised > n ? Direction.GROW : advised < n ? Direction.SHRINK : Direction.KEEP;
        double ratio = throughputRatio(advised, n, kneeExact, cap, c, w, q);
        if (peerLimit) {
            // the peer sets the pace: as long as enough requests are in flight to keep it busy, the
            // same throughput, with shorter waits
            ratio = Math.min(1, advised / (cap / HEADROOM));
        }
        String assumption = storageStep
                ? String.format(Locale.US, "if %s keeps %s with %d× the requests in flight; a device seldom does, so this is a ceiling",
                        main.target().name(), t.waitText(), (int) STEP_WARNING)
                : assumption(main, t, kneeExact, free, peerPerThread > 0 ? peer : null, limit != null);
        if (dir == Direction.GROW && main != null && main.target().kind() == IoTarget.Kind.ENDPOINT && limit == null
                && advised > STEP_WARNING * n) {
            notes.add(String.format(Locale.US, "whether %s keeps %s with %d requests in flight instead of %d, jbound cannot see"
                    + " from here: grow in steps (×2) and compare each with `jbound diff`", main.target().name(),
                    t.waitText(), (int) Math.round(advised * w / (c + w)), (int) Math.round(n * w / Math.max(1e-9, c + w))));
        }
        double perSecond = Double.isNaN(l.requestsPerSecond()) ? Double.NaN : l.requestsPerSecond() * ratio;
        String kneeText = knee >= StrategyAdvisor.MAX_ADVISED_POOL ? "over " + StrategyAdvisor.MAX_ADVISED_POOL : Integer.toString(knee);
        String kneeFormula = peerPerThread > 0
                ? String.format(Locale.US, "N* = free cores / (C/(C+W) + the peer's cores per thread) = %s / (%.2f + %.2f) ≈ %s,"
                        + " as %s on this machine computes on the same cores while the threads wait", CpuBudget.format(free),
                        perThread, peerPerThread, kneeText, peer.local())
                : String.format(Locale.US, "N* = free cores × (1 + W/C) = %s × (1 + %s) ≈ %s", CpuBudget.format(free), ratioText(c, w), kneeText);
        String formula = String.format(Locale.US, "%s; advised %s", kneeFormula,
                limit == null ? "N* × " + headroom + " = " + advised + (headroom == HEADROOM ? " (headroom for uneven work)"
                        : " (headroom: measured while threads queue, the waits read short)") : advised + " (capped: see the limit)");
        // threads that compute next to nothing have no knee within reach: nothing to predict from it
        Prediction prediction = knee >= StrategyAdvisor.MAX_ADVISED_POOL && limit == null ? null
                : new Prediction(advised, ratio, perSecond, assumption);
        return new Sizing(knee, advised, dir, formula, limit, notes, prediction);
    }

    /**
     * Throughput at {@code size} over today's: today n threads each take C + W + Q a unit; at the new
     * size each takes C + W (nothing left to queue for) until the knee or a limit, beyond which
     * throughput stays where they put it.
     */
    static double throughputRatio(int size, int n, double knee, double cap, double c, double w, double q) {
        if (c + w <= 0) return 1;
        double effective = Math.min(size, Math.min(knee, cap));
        double now = n / (c + w + q);
        double then = effective / (c + w);
        return then / now;
    }

    /** Waits on a file, or on another thread's flush of one: what a storage device serves. */
    private static boolean isStorage(IoTarget.Kind kind) {
        return kind == IoTarget.Kind.FILE || kind == IoTarget.Kind.ANOTHER_THREADS_IO;
    }

    private static String assumption(IoShare main, Timing t, double knee, double free, Endpoint sharing, boolean limited) {
        String cores = String.format(Locale.US, "the %s free cores%s saturate near %s threads", CpuBudget.format(free),
                sharing == null ? "" : ", shared with " + sharing.local() + ",",
                Double.isInfinite(knee) ? "no count of" : Long.toString(Math.round(knee)));
        if (limited) return "the limit stays where it is";
        if (main == null) return cores;
        return cores + ", if " + main.target().name() + " keeps " + t.waitText();
    }

    /** "W/C" as a person reads it. */
    private static String ratioText(double c, double w) {
        if (c <= 0) return "W/C over " + StrategyAdvisor.MAX_ADVISED_POOL;
        return String.format(Locale.US, "%.1f", w / c);
    }

    /** C and W per unit of work in milliseconds, where the throughput was counted. */
    private record Timing(double c, double w, int n, double perSecond) {
        /** "its 20 ms a request", or "its waits" without a count. */
        String waitText() {
            if (Double.isNaN(perSecond) || perSecond <= 0) return "its waits as they are";
            double cycleMs = n / perSecond * 1000; // Little's law: in flight = throughput × time per unit
            double waitMs = cycleMs * w;
            // a disk's waits are fractions of a millisecond: "its 0 ms a request" said nothing
            return String.format(Locale.US, waitMs >= 10 ? "its %.0f ms a request" : waitMs >= 1 ? "its %.1f ms a request"
                    : "its %.2f ms a request", waitMs);
        }
    }
}

package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.CpuBudget;
import dev.jbound.model.CpuSample;
import dev.jbound.model.Endpoint;
import dev.jbound.model.Frame;
import dev.jbound.model.FrameCount;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import dev.jbound.model.JvmOverhead;
import dev.jbound.model.LockEvent;
import dev.jbound.model.LockSite;
import dev.jbound.model.OsActivity;
import dev.jbound.model.OsThreadActivity;
import dev.jbound.model.Phases;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.Stack;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WallSample;
import dev.jbound.model.WorkloadClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The analysis pipeline: recording (+ OS sensor, thread dump) → per-thread time → verdict → report. */
public final class Analyzer {

    /** A thread active less than 2% of the window (20 ms a second) only waited: housekeeping, not work. */
    static final double IDLE_THREAD_ACTIVE_SHARE = 0.02;
    /**
     * Run-queue delay counts towards being active for a thread that ran code of its own (this share
     * of the window on a CPU), or when it is this long even without: a parked thread queues for a
     * CPU each time the profiler's signal wakes it, milliseconds apiece on a loaded machine, and runs
     * microseconds; a thread starved of CPU for its own work queues far longer.
     */
    static final double WORKED_CPU_SHARE = 0.005;
    static final double STARVED_THREAD_RUNQUEUE_SHARE = 0.25;
    static final int TOP_FRAMES = 3;
    /** Run-queue delay worth a note when others cause it. */
    static final double NOTABLE_RUNQUEUE_SHARE = 0.10;
    static final int TOP_LOCKS = 5;
    /**
     * Half a core left idle on average across the machine: a runnable thread would have had one
     * within a scheduler slice, so time it spent off a CPU was not spent queueing.
     */
    static final double SPARE_CORES = 0.5;
    /** Below 200 ms of CPU, 10 samples at 20 ms: too few to compare the profiler's count with the OS's time. */
    static final long COMPARABLE_CPU_NANOS = 200_000_000L;

    /**
     * What analysis reads. {@code os} and {@code threadDump} may be null (a recording read from a
     * file); {@code states} is the classification the recording's reader built its timeline with;
     * {@code assumedCpus} the target's CPUs where neither the OS sensor nor the recording states
     * them (the caller's guess: this machine's, for a recording read here).
     */
    public record Input(Recording recording, OsActivity os, String threadDump, Report.Target target,
                        String recorder, List<String> notes, StackStates states, int assumedCpus) {

        /** A recording whose stacks were not classified yet (made in memory, not read). */
        public Input(Recording recording, OsActivity os, String threadDump, Report.Target target, String recorder,
                     List<String> notes, int assumedCpus) {
            this(recording, os, threadDump, target, recorder, notes, new StackStates(), assumedCpus);
        }
    }

    private final StackStates states;
    /** Threads' kernel time was shared out from the process's: the report says so. */
    private boolean kernelTimeEstimated;

    private Analyzer(StackStates states) {
        this.states = states;
    }

    public static Report analyze(Input in) {
        return new Analyzer(in.states()).run(in);
    }

    private Report run(Input in) {
        Recording rec = in.recording();
        long window = rec.durationNanos();
        OsActivity os = in.os() != null && in.os().available() ? in.os() : null;
        Map<Long, ThreadAccount> accounts = accounts(rec, os);

        long gcCpu = 0, jitCpu = 0, otherCpu = 0, appCpu = 0;
        int samples = 0;
        double covered = 0;
        long sampledCpu = 0, osCpu = 0;
        Breakdown process = Breakdown.EMPTY;
        SiteTally sites = new SiteTally();
        Map<String, List<ThreadRow>> pools = new LinkedHashMap<>();
        IoAttribution.Tally processIo = new IoAttribution.Tally();
        Map<String, Map<IoTarget, Double>> seenAtSite = seenAtSite(accounts);
        Map<String, IoAttribution.Tally> poolIo = new LinkedHashMap<>();
        Map<String, PoolTally> poolLoad = new LinkedHashMap<>();
        PoolTally processLoad = new PoolTally();
        List<ThreadRow> rows = new ArrayList<>();
        for (ThreadAccount a : accounts.values()) {
            Breakdown b = a.breakdown(window);
            long cpu = a.cpuNanos(window);
            switch (a.kind) {
                case GC -> gcCpu += cpu;
                case JIT -> jitCpu += cpu;
                case JVM, PROFILER -> otherCpu += cpu;
                case APP -> appCpu += cpu;
            }
            boolean idle = isIdle(b, window);
            ThreadState main = idle || b.activeNanos() == 0 ? ThreadState.WAIT : b.dominantActive();
            List<FrameCount> top = a.sites.top(main, 1);
            double coverage = a.coverage(b);
            Map<IoTarget, Long> io = IoAttribution.ofThread(b.nanos(ThreadState.IO), a.blocked(), a.kind == ThreadKind.APP,
                    rec.measured().ioWaits().getOrDefault(a.info.osTid(), Map.of()), a.sites.top(ThreadState.IO, TOP_FRAMES),
                    a.ioFromOs() > 0, seenAtSite);
            ThreadRow row = new ThreadRow(a.info.osTid(), a.info.name(), ThreadPools.poolOf(a.info.name()), a.kind, b,
                    cpu, main, top.isEmpty() ? "" : top.get(0).frame(), idle, a.evidenceSamples(), coverage, mostOf(io));
            rows.add(row);
            if (a.kind != ThreadKind.APP) continue;
            pools.computeIfAbsent(row.pool(), k -> new ArrayList<>()).add(row);
            if (!idle) {
                processIo.add(io);
                poolIo.computeIfAbsent(row.pool(), k -> new IoAttribution.Tally()).add(io);
                poolLoad.computeIfAbsent(row.pool(), k -> new PoolTally()).add(a, cpu);
                processLoad.add(a, cpu);
                process = process.plus(b);
                sites.addAll(a.sites);
                samples += row.samples();
                covered += coverage * b.activeNanos();
                sampledCpu += a.cpuSampleNanos();
                osCpu += Math.max(0, a.osCpuNanos());
            }
        }
        // The GC's own threads work for the application: their CPU is time the workload spends on GC.
        process = process.plus(ThreadState.GC, gcCpu);
        rows.sort(Comparator.comparing((ThreadRow r) -> r.kind() != ThreadKind.APP)
                .thenComparing(r -> -r.breakdown().activeNanos()).thenComparing(ThreadRow::name));

        CpuBudget cores = cores(in.os(), rec, in.assumedCpus());
        Function<String, Endpoint> endpoints = address -> os == null ? null : os.endpoint(address);
        long processCpu = os != null ? os.processCpuNanos() : gcCpu + jitCpu + otherCpu + appCpu;
        long appActive = process.activeNanos() - gcCpu;
        var evidence = new VerdictEvidence(appActive <= 0 ? 1 : Math.min(1, covered / appActive), samples, appActive / 1e9,
                cpuSource(rec, os), agreement(rec, os, sampledCpu, osCpu), unseenWork(rec, accounts, window),
                os != null, Recording.JDK_FLIGHT_RECORDER.equals(rec.producer()));
        Verdict verdict = WorkloadClassifier.classify(process, window, cores.effectiveCpus(), processCpu, evidence);
        ThreadDump dump = in.threadDump() == null ? null : ThreadDump.parse(in.threadDump());
        int jdk = jdkFeature(in.target().jvmVersion());
        Pinning pinning = Pinning.of(dump, s -> classify(s).state(), name -> true, jdk);
        List<LockSite> locks = LockSites.of(rec, e -> {
            Classification c = classify(e.stack());
            // The JDK records every park; only those waiting to acquire a lock are contention,
            // and only the application's: the recorder's own threads contend with each other too.
            if (e.kind() == LockEvent.Kind.PARK && c.state() != ThreadState.LOCK) return null;
            if (ThreadKinds.of(rec.thread(e.osTid())) != ThreadKind.APP) return null;
            String site = siteName(c);
            return site == null ? "?" : site;
        }, dump, t -> siteName(classify(t.stack())), lockNanosByName(rows), TOP_LOCKS);
        double busy = window == 0 ? 0 : (double) process.activeNanos() / window;
        int active = (int) rows.stream().filter(r -> r.kind() == ThreadKind.APP && !r.idle()).count();
        long virtualActive = rows.stream().filter(r -> r.kind() == ThreadKind.APP && !r.idle() && ThreadInfo.isVirtual(r.osTid()))
                .mapToLong(r -> r.breakdown().activeNanos()).sum();
        long virtualIo = rows.stream().filter(r -> r.kind() == ThreadKind.APP && !r.idle()
                        && (ThreadInfo.isVirtual(r.osTid()) || ThreadKinds.isVirtualThreadPoller(r.name())))
                .mapToLong(r -> r.breakdown().nanos(ThreadState.IO)).sum();
        // the waiting is done on virtual threads (their carriers' CPU is the rest of the active time;
        // the JDK's pollers wait for those parked on sockets)
        boolean onVirtualThreads = virtualActive * 2 > process.activeNanos()
                || process.nanos(ThreadState.IO) > 0 && virtualIo * 2 > process.nanos(ThreadState.IO);
        List<IoShare> ioTargets = processIo.rows(endpoints);
        // the OS's counts span its own window, which the recorder starts after the profiler and stops before it
        long osWindow = os != null ? os.windowNanos() : window;
        long othersCpu = Math.max(0, processCpu - processLoad.cpuNanos());
        var load = new PoolSizing.Load(process.without(ThreadState.GC).plus(ThreadState.GC, process.nanos(ThreadState.GC) - gcCpu),
                active, cores.effectiveCpus(), cores.machineCpus(), window <= 0 ? 0 : (double) othersCpu / window, window,
                processLoad.requestsPerSecond(osWindow), processLoad.borrowNanos(), processLoad.borrowPool(), ioTargets,
                os == null ? -1 : os.machineBusyCores(), processLoad.pooledVia());
        List<String> notes = new ArrayList<>(in.notes());
        if (kernelTimeEstimated) {
            notes.add("each thread's CPU time in the kernel is estimated from the process's (the recording has no thread CPU"
                    + " load): it goes to the threads whose waits were I/O");
        }
        Phases phases = phases(rec, cores, rows, accounts, process, notes);
        var facts = new StrategyAdvisor.Facts(process, cores.effectiveCpus(), cores.throttled(), busyWhileWorking(phases, busy), active,
                sites.top(ThreadState.CPU, TOP_FRAMES), sites.top(ThreadState.IO, TOP_FRAMES), locks, jdk, onVirtualThreads, load,
                pinning);

        Map<ThreadState, List<FrameCount>> topFrames = new EnumMap<>(ThreadState.class);
        for (ThreadState s : ThreadState.values()) {
            List<FrameCount> t = sites.top(s, TOP_FRAMES);
            if (!t.isEmpty()) topFrames.put(s, t);
        }
        notes.addAll(rec.notes());
        if (in.os() != null && in.os().note() != null && !in.os().note().isBlank()) notes.add(in.os().note());
        if (os == null && process.shareOfActive(ThreadState.IO) >= WorkloadClassifier.SECONDARY_SHARE && waitsOnSockets(sites)) {
            notes.add("without the OS's view of the sockets (a recording read later), a socket read counts as I/O: a client"
                    + " waiting for its reply and a server waiting for its clients' next request look the same here;"
                    + " a live attach tells them apart");
        }
        if (process.shareOfActive(ThreadState.RUNQUEUE) >= NOTABLE_RUNQUEUE_SHARE
                && WorkloadClassifier.othersQueueUs(process, window, cores.effectiveCpus(), processCpu)) {
            notes.add(String.format(Locale.US, "threads waited %.0f%% of their active time for a CPU although the process wanted"
                    + " no more CPUs than it may use: other processes compete for the cores (left out of the verdict)",
                    process.shareOfActive(ThreadState.RUNQUEUE) * 100));
        }
        List<PoolRow> poolRows = PoolRows.of(pools, poolIo, poolLoad, endpoints, window, osWindow, os == null ? -1 : os.machineBusyCores(),
                cores, processCpu, jdk, pool -> Pinning.of(dump, s -> classify(s).state(), name -> ThreadPools.poolOf(name).equals(pool), jdk));
        var split = PoolDisagreement.split(process, poolRows, virtualActive > 0);
        Verdict overall = PoolDisagreement.of(verdict, split).orElse(verdict);
        Strategy strategy = overall.workloadClass() == WorkloadClass.MIXED && split.isPresent()
                ? StrategyAdvisor.alreadySplit(split.get(), facts) : StrategyAdvisor.advise(overall, facts);
        return new Report(in.target(),
                new Report.Window(rec.startNanos() / 1_000_000, window),
                new Report.Sampling(in.recorder(), rec.cpuIntervalNanos(), rec.wallIntervalNanos(),
                        rec.cpuSampleCount(), rec.wallSampleCount(), rec.lockEventCount(), os != null),
                cores, process, busy, overall, strategy, topFrames, locks,
                poolRows, rows,
                new JvmOverhead(gcCpu, jitCpu, otherCpu, appCpu),
                new Report.Io(os != null ? os.readBytes() : -1, os != null ? os.writeBytes() : -1, ioTargets),
                notes, phases);
    }

    /**
     * Threads busy while the workload works: over the window, unless its phases show it idle part of
     * the time (bursts of work between pauses), where the average would read as work too narrow for
     * the cores ("only 1.0 of 2 cores are busy: parallelise") when each burst fills them. Then the
     * median over the slices that worked: a burst's first and last slices hold only part of it.
     */
    static double busyWhileWorking(Phases phases, double overWindow) {
        if (phases.phases().size() < 2 || phases.phases().stream().noneMatch(p -> p.workloadClass() == WorkloadClass.IDLE)) return overWindow;
        double[] busy = phases.slices().stream().filter(s -> s.workloadClass() != WorkloadClass.IDLE && s.lengthNanos() > 0)
                .mapToDouble(s -> (double) s.breakdown().activeNanos() / s.lengthNanos()).sorted().toArray();
        if (busy.length == 0) return overWindow;
        double median = busy.length % 2 == 1 ? busy[busy.length / 2] : (busy[busy.length / 2 - 1] + busy[busy.length / 2]) / 2;
        return Math.max(overWindow, median);
    }

    /**
     * The window slice by slice; none when the samples behind the slices saw too little of the CPU
     * the window's verdict counts (JDK 17's sampler misses tight loops, and default recordings
     * measure CPU only every 10 s): slices would then read idle where the window was busy.
     */
    private static Phases phases(Recording rec, CpuBudget cores, List<ThreadRow> rows, Map<Long, ThreadAccount> accounts,
                                 Breakdown process, List<String> notes) {
        Map<Long, ThreadKind> kinds = new java.util.HashMap<>();
        accounts.forEach((tid, a) -> kinds.put(tid, a.kind));
        Phases p = PhaseFinder.find(rec.timeline(), rec.startNanos(), rec.endNanos(), cores.effectiveCpus(), rows, kinds);
        // run-queue delay comes from the OS sensor, which has no slices: compare the rest
        long sliced = p.slices().stream().mapToLong(s -> s.breakdown().without(ThreadState.RUNQUEUE).activeNanos()).sum();
        long window = process.without(ThreadState.RUNQUEUE).activeNanos();
        boolean busy = window > PhaseFinder.MIN_BUSY_SHARE * rec.durationNanos();
        if (busy && sliced < PhaseFinder.MIN_COVERAGE * window) {
            notes.add(String.format(Locale.US, "no phases: the samples show %.0f%% of the threads' active time (the rest is measured"
                    + " for the whole window only), too little to tell second by second what they did", 100.0 * sliced / window));
            return Phases.NONE;
        }
        return p;
    }

    /** @param os the OS sensor's view, or null when there is none */
    private Map<Long, ThreadAccount> accounts(Recording rec, OsActivity os) {
        Map<Long, ThreadAccount> accounts = new LinkedHashMap<>();
        rec.threads().values().stream().sorted(Comparator.comparingLong(ThreadInfo::osTid))
                .forEach(t -> accounts.put(t.osTid(), new ThreadAccount(t)));
        if (os != null) {
            for (OsThreadActivity t : os.threads()) {
                ThreadInfo known = rec.threads().get(t.tid());
                // A JVM that exits mid-window takes its native threads' names with it; the OS still knows them.
                if (known == null || known.name().startsWith("[tid=")) {
                    accounts.put(t.tid(), new ThreadAccount(new ThreadInfo(t.tid(), t.name(), known == null ? 0 : known.javaId())));
                }
            }
        }
        Recording.Measured m = rec.measured();
        for (WallSample s : rec.wallSamples()) {
            Classification c = classify(s.stack());
            ThreadState state = c.given(s.known());
            String site = state == c.state() ? siteName(c) : waitSite(s.stack());
            ThreadAccount a = account(accounts, rec, s.osTid());
            a.addWall(state, site, s.weightNanos(), s.count(), m.nativeMethodStacks().contains(s.stack()));
            if (PoolBorrow.RULE.equals(c.rule()) && state == ThreadState.LOCK) a.addBorrow(s.weightNanos(), PoolBorrow.library(s.stack()));
            if (state == ThreadState.IO && a.pooledVia() == null) a.setPooledVia(PoolBorrow.pooledIo(s.stack()));
        }
        for (CpuSample s : rec.cpuSamples()) {
            Classification c = classify(s.stack());
            account(accounts, rec, s.osTid()).addCpu(c.state(), siteName(c), s.weightNanos(), s.count());
        }
        if (os != null) {
            for (OsThreadActivity t : os.threads()) {
                ThreadAccount a = accounts.get(t.tid());
                a.setOs(t.cpuNanos(), Math.max(0, t.runDelayNanos()));
                a.setBlocked(t.blocked());
                a.setWriteCalls(t.writeCalls());
                a.setStorageWrites(t.storageWriteBytes());
                a.setSystem(t.systemCpuNanos(), !Recording.JDK_FLIGHT_RECORDER.equals(rec.producer()));
                // The OS saw the thread live, whether or not a sampler reached it: on a machine whose
                // cores a local database saturates, the profiler's wall samples thin out to a few per
                // thread, and the time between them, blocked in a read, would vanish from the window.
                a.setLife(t.bornDuringWindow() || t.diedDuringWindow() ? t.lastSeenNanos() - t.firstSeenNanos() : os.windowNanos());
            }
        } else {
            // The JDK's recorder measured each thread's CPU time (thread dumps, jdk.ThreadCPULoad); no run delay.
            m.cpuNanos().forEach((tid, cpu) -> account(accounts, rec, tid).setMeasured(cpu));
            m.systemCpuNanos().forEach((tid, sys) -> account(accounts, rec, tid).setSystem(sys, false));
            if (m.machineLoad() >= 0 && rec.cpus() > 0) {
                boolean free = (1 - m.machineLoad()) * rec.cpus() >= SPARE_CORES;
                accounts.values().forEach(a -> a.setCoresFree(free));
            }
        }
        if (os != null || !m.cpuNanos().isEmpty()) {
            // A virtual thread's CPU time is its carrier's, which the OS (or the dumps) measured already.
            accounts.values().forEach(a -> {
                if (ThreadInfo.isVirtual(a.info.osTid())) a.setMeasured(0);
            });
        }
        if (Recording.JDK_FLIGHT_RECORDER.equals(rec.producer())) jdkFacts(accounts, rec, m);
        // once the waits are known, whose they were: I/O or not
        if (os == null && m.systemCpuNanos().isEmpty() && m.processSystemNanos() > 0) kernelTimeOfIoThreads(accounts, m.processSystemNanos());
        return accounts;
    }

    /**
     * What the JDK's recorder adds to its samples: exact waits, each thread's life in the window and
     * the dumps' stacks for time nothing else explains, and the GC pauses that stopped every
     * application thread (no sample shows those).
     */
    private void jdkFacts(Map<Long, ThreadAccount> accounts, Recording rec, Recording.Measured m) {
        long window = rec.durationNanos();
        m.lifeNanos().forEach((tid, life) -> account(accounts, rec, tid).setLife(life));
        m.stateHints().forEach((tid, stacks) -> {
            ThreadAccount a = account(accounts, rec, tid);
            stacks.forEach((st, n) -> a.addHint(hintState(st, stacks.keySet()), n, m.nativeMethodStacks().contains(st)));
        });
        for (ThreadAccount a : accounts.values()) {
            a.exactWaits();
            // A pause stops every thread, but costs only those that had work to do.
            boolean worked = a.hasOs() && a.cpuNanos(window) >= IDLE_THREAD_ACTIVE_SHARE * window;
            if (rec.gcPauseNanos() > 0 && a.kind == ThreadKind.APP && worked) a.stoppedByGc(rec.gcPauseNanos());
        }
    }

    /**
     * Without each thread's own split, the process's kernel time goes to the application threads
     * whose waits were I/O (the system calls are theirs), in proportion to their CPU time and the
     * share of their waits that was I/O, each at most its own CPU time: a storage engine's flushes
     * burn system time that no sample shows.
     */
    private void kernelTimeOfIoThreads(Map<Long, ThreadAccount> accounts, long processSystemNanos) {
        Map<ThreadAccount, Double> weight = new IdentityHashMap<>();
        double total = 0;
        for (ThreadAccount a : accounts.values()) {
            if (a.kind != ThreadKind.APP || !a.hasOs()) continue;
            double w = a.measuredCpuNanos() * a.ioShareOfWaits();
            if (w <= 0) continue;
            weight.put(a, w);
            total += w;
        }
        if (total <= 0) return;
        for (var e : weight.entrySet()) {
            long share = Math.round(processSystemNanos * e.getValue() / total);
            e.getKey().setSystem(Math.min(e.getKey().measuredCpuNanos(), share), false);
        }
        kernelTimeEstimated = true;
    }

    /** What the OS saw the application's threads waiting on, by their main I/O wait site. */
    private static Map<String, Map<IoTarget, Double>> seenAtSite(Map<Long, ThreadAccount> accounts) {
        Map<String, List<Map<IoTarget, Double>>> seen = new java.util.HashMap<>();
        for (ThreadAccount a : accounts.values()) {
            if (a.kind != ThreadKind.APP || a.blocked().isEmpty()) continue;
            List<FrameCount> site = a.sites.top(ThreadState.IO, 1);
            Map<IoTarget, Double> w = IoAttribution.fromOs(a.blocked(), false);
            if (!site.isEmpty() && !w.isEmpty()) seen.computeIfAbsent(site.get(0).frame(), k -> new ArrayList<>()).add(w);
        }
        return IoAttribution.bySite(seen);
    }

    /** The target that most of a thread's I/O waited on, "" without I/O. */
    /** Each application thread's lock time in the window by its samples, by name (threads of one name added up). */
    private static java.util.function.ToLongFunction<String> lockNanosByName(List<ThreadRow> rows) {
        Map<String, Long> byName = new java.util.HashMap<>();
        for (ThreadRow r : rows) {
            if (r.kind() == ThreadKind.APP) byName.merge(r.name(), r.breakdown().nanos(ThreadState.LOCK), Long::sum);
        }
        return name -> byName.getOrDefault(name, 0L);
    }

    private static String mostOf(Map<IoTarget, Long> io) {
        return io.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().name()).orElse("");
    }

    /** Whether the I/O waits' sites are network calls (socket reads, accepts, selectors), not files. */
    private static boolean waitsOnSockets(SiteTally sites) {
        for (FrameCount f : sites.top(ThreadState.IO, TOP_FRAMES)) {
            String s = f.frame();
            if (s.contains("Socket") || s.contains("socket") || s.contains("Net.") || s.contains("EPoll") || s.contains("Selector")
                    || s.contains("accept")) return true;
        }
        return false;
    }

    private static Verdict.CpuSource cpuSource(Recording rec, OsActivity os) {
        if (os != null) return Verdict.CpuSource.OS;
        Recording.Measured m = rec.measured();
        if (!m.cpuNanos().isEmpty()) return m.cpuEstimated() ? Verdict.CpuSource.ESTIMATED : Verdict.CpuSource.RECORDING;
        if (rec.cpuSampleCount() == 0) return Verdict.CpuSource.NONE;
        // the JDK's sampler takes a few threads a period: its samples say where, not how much
        return Recording.JDK_FLIGHT_RECORDER.equals(rec.producer()) ? Verdict.CpuSource.ESTIMATED : Verdict.CpuSource.SAMPLES;
    }

    /**
     * async-profiler's CPU samples against the OS's CPU time for the active threads, min/max; NaN
     * where not both measured it, or too little CPU was used for the two to be compared (200 ms).
     */
    private static double agreement(Recording rec, OsActivity os, long sampledCpu, long osCpu) {
        if (os == null || !Recording.ASYNC_PROFILER.equals(rec.producer()) || osCpu < COMPARABLE_CPU_NANOS) return Double.NaN;
        return (double) Math.min(sampledCpu, osCpu) / Math.max(sampledCpu, osCpu);
    }

    /**
     * Work that the recording's own samples show but the accounting does not: application threads
     * in CPU samples for more than the idle bar, and the collections that allocation caused.
     */
    private static String unseenWork(Recording rec, Map<Long, ThreadAccount> accounts, long window) {
        long sampled = accounts.values().stream().filter(a -> a.kind == ThreadKind.APP).mapToLong(ThreadAccount::cpuSampleNanos).sum();
        if (window <= 0 || sampled < WorkloadClassifier.IDLE_BELOW_BUSY_THREADS * window) return null;
        int samples = (int) rec.cpuSamples().stream().filter(s -> ThreadKinds.of(rec.thread(s.osTid())) == ThreadKind.APP)
                .mapToLong(CpuSample::count).sum();
        String gc = rec.gcPauseNanos() > 0 ? String.format(Locale.US, " and %.0f ms of GC pauses", rec.gcPauseNanos() / 1e6) : "";
        return String.format(Locale.US, "the recording has %d CPU samples of application threads%s, yet its CPU time"
                + " shows no thread busy", samples, gc);
    }

    /** Idle: too little work to count, where queueing for a CPU counts only as {@link #WORKED_CPU_SHARE} says. */
    static boolean isIdle(Breakdown b, long window) {
        long runq = b.nanos(ThreadState.RUNQUEUE);
        long work = b.activeNanos() - runq;
        if (runq >= STARVED_THREAD_RUNQUEUE_SHARE * window) return false;
        boolean ranOwnCode = b.nanos(ThreadState.CPU) >= WORKED_CPU_SHARE * window;
        return (ranOwnCode ? work + runq : work) < IDLE_THREAD_ACTIVE_SHARE * window;
    }

    /**
     * The state a dump or native sample stack hints at. The JDK's native sampler sometimes gives up
     * walking a stack after a few frames (a socket read cut off above whoever reads), so an I/O
     * stack is read as the longest stack of the same thread that begins with it: a dump's whole
     * stack may show a server waiting for its next request.
     */
    private ThreadState hintState(Stack st, java.util.Collection<Stack> sameThread) {
        Classification c = classify(st);
        if (c.state() != ThreadState.IO) return c.state();
        Stack whole = st;
        for (Stack other : sameThread) {
            if (other.frames().size() > whole.frames().size() && startsWith(other, st)) whole = other;
        }
        return whole == st ? c.state() : classify(whole).state();
    }

    private static boolean startsWith(Stack stack, Stack prefix) {
        return stack.frames().subList(0, prefix.frames().size()).equals(prefix.frames());
    }

    private static ThreadAccount account(Map<Long, ThreadAccount> accounts, Recording rec, long tid) {
        return accounts.computeIfAbsent(tid, t -> new ThreadAccount(rec.thread(t)));
    }

    private Classification classify(Stack stack) {
        return states.of(stack);
    }

    private String waitSite(Stack stack) {
        Frame f = states.waitSite(stack);
        return f == null ? null : f.qualifiedName();
    }

    private static String siteName(Classification c) {
        return c.site() == null ? null : c.site().qualifiedName();
    }

    private static CpuBudget cores(OsActivity os, Recording rec, int assumed) {
        if (os != null && os.cores() != null) return os.cores();
        // A recording from elsewhere says how many CPUs its JVM had; failing that, the caller's guess.
        int n = rec.cpus() > 0 ? rec.cpus() : Math.max(1, assumed);
        return CpuBudget.of(n, n, Double.NaN, -1, -1);
    }

    /** "17.0.15" → 17, "1.8.0_392" → 8, unknown → 0. */
    static int jdkFeature(String version) {
        if (version == null || version.isBlank()) return 0;
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

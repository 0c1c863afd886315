package bench;

import dev.jbound.load.JfrLoader;
import dev.jbound.model.Recording;
import dev.jbound.model.ThreadInfo;
import dev.jbound.record.AsyncProfilerRecorder;
import dev.jbound.record.NativeProfiler;
import dev.jbound.record.RecordedWindow;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.TargetFinder;
import dev.jbound.target.TargetJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Overhead of recording on a CPU-bound target: windows without recording alternate with windows
 * recorded by jbound (wall 20 / 10 / 50 ms, otherwise default settings: cpu 10 ms, lock 1 ms, one
 * thread dump, OS sensor) and by raw async-profiler (cpu 10 ms + wall 10 ms + lock, nothing else).
 * The target's throughput and process CPU per unit are read over the window only; this JVM plays
 * jbound, so its own CPU during the window (OS sensor, asprof, jcmd) competes with the target.
 *
 * <p>System properties: bench.window.ms (3000), bench.rounds (6), bench.parked ("0,2000"),
 * bench.conditions[.PARKED] (comma list of jbound/default, jbound/CPU_MS/WALL_MS, raw/CPU_MS/WALL_MS (raw/10/0 = cpu
 * only) and rawnolock/CPU_MS/WALL_MS (wall without lock profiling)).
 */
public final class OverheadBench {

    enum Kind { BASE, JBOUND, RAW, RAW_NO_LOCK, RAW_FILTERED }

    /** cpu and wall sampling intervals; wall null = cpu only (raw: no wall, no lock). */
    record Cond(String name, Kind kind, Duration cpu, Duration wall) {
        /** {@code jbound/CPU_MS/WALL_MS} or {@code raw/CPU_MS/WALL_MS} (raw with WALL_MS 0: cpu only). */
        static Cond parse(String spec) {
            if (spec.trim().equals("jbound/default")) {
                // RecordingSettings.defaults: cpu 20 ms, wall interval chosen from the thread count
                return new Cond("jbound defaults", Kind.JBOUND, null, null);
            }
            String[] f = spec.trim().split("/");
            long cpu = Long.parseLong(f[1]);
            long wall = Long.parseLong(f[2]);
            if (f[0].equals("jbound")) {
                return new Cond("jbound cpu " + cpu + "ms wall " + wall + "ms", Kind.JBOUND,
                        Duration.ofMillis(cpu), Duration.ofMillis(wall));
            }
            if (f[0].equals("rawfilter")) {
                return new Cond("asprof cpu " + cpu + "ms+wall " + wall + "ms+lock, wall filtered to the workers (raw)",
                        Kind.RAW_FILTERED, Duration.ofMillis(cpu), Duration.ofMillis(wall));
            }
            if (f[0].equals("rawnolock")) {
                return new Cond("asprof cpu " + cpu + "ms+wall " + wall + "ms, no lock (raw)", Kind.RAW_NO_LOCK,
                        Duration.ofMillis(cpu), Duration.ofMillis(wall));
            }
            if (f[0].equals("raw")) {
                return wall == 0
                        ? new Cond("asprof cpu " + cpu + "ms only (raw)", Kind.RAW, Duration.ofMillis(cpu), null)
                        : new Cond("asprof cpu " + cpu + "ms+wall " + wall + "ms+lock (raw)", Kind.RAW, Duration.ofMillis(cpu), Duration.ofMillis(wall));
            }
            throw new IllegalArgumentException("condition " + spec);
        }
    }

    /** One measured window. */
    record Window(double unitsPerSec, double cpuNanosPerUnit, double totalCpuNanosPerUnit, double targetCores,
                  double observerCores, double otherCores, double cpuSamplesPerWorkerCpuSec,
                  double wallSamplesPerWorker, double wallEventsPerParked, double wallSamplesPerParked,
                  long jfrBytes) {
    }

    static final Cond BASE = new Cond("not recording", Kind.BASE, null, null);
    static final String DEFAULT_CONDITIONS = "jbound/default,jbound/10/20,raw/10/0";

    /** bench.conditions.PARKED, else bench.conditions, else the four of the first run. */
    static List<Cond> conditions(int parked) {
        String spec = System.getProperty("bench.conditions." + parked, System.getProperty("bench.conditions", DEFAULT_CONDITIONS));
        return java.util.Arrays.stream(spec.split(",")).map(Cond::parse).toList();
    }

    static final int WORKERS = 2;
    /** The recording runs this much past the measured window so stop never overlaps it. */
    static final long TAIL_MILLIS = 400;

    final long windowMillis = Long.getLong("bench.window.ms", 3000);
    final int rounds = Integer.getInteger("bench.rounds", 6);
    final String self = Long.toString(ProcessHandle.current().pid());
    final AsyncProfilerRecorder recorder;
    final NativeProfiler nativeProfiler;

    OverheadBench() throws Exception {
        recorder = new AsyncProfilerRecorder();
        nativeProfiler = NativeProfiler.unpack();
    }

    public static void main(String[] args) throws Exception {
        OverheadBench b = new OverheadBench();
        String parkedList = System.getProperty("bench.parked", "0,2000");
        System.out.printf("## overhead: %d workers hashing, %d rounds of %d ms windows, async-profiler %s, %d cores%n",
                WORKERS, b.rounds, b.windowMillis, b.nativeProfiler.version(), Runtime.getRuntime().availableProcessors());
        for (String p : parkedList.split(",")) {
            b.runConfig(Integer.parseInt(p.trim()));
        }
    }

    List<Cond> PROFILED;

    void runConfig(int parked) throws Exception {
        PROFILED = conditions(parked);
        Target t = Target.start(WORKERS, parked);
        try {
            TargetJvm jvm = TargetFinder.byPid(t.pid);
            Thread.sleep(3000); // JIT warm-up of the hashing loop and of the pool start
            // One unmeasured recording: loads the agent into the target and warms up this JVM.
            measure(t, jvm, PROFILED.get(0), parked);
            Map<Cond, List<Window>> all = new LinkedHashMap<>();
            Map<Cond, List<Double>> thrRatio = new LinkedHashMap<>();
            Map<Cond, List<Double>> cpuRatio = new LinkedHashMap<>();
            Map<Cond, List<Double>> totRatio = new LinkedHashMap<>();
            all.put(BASE, new ArrayList<>());
            for (Cond c : PROFILED) {
                all.put(c, new ArrayList<>());
                thrRatio.put(c, new ArrayList<>());
                cpuRatio.put(c, new ArrayList<>());
                totRatio.put(c, new ArrayList<>());
            }
            for (int r = 0; r < rounds; r++) {
                List<Cond> rot = new ArrayList<>();
                for (int i = 0; i < PROFILED.size(); i++) rot.add(PROFILED.get((i + r) % PROFILED.size()));
                List<Cond> seq = new ArrayList<>(); // a window not recording before every two recorded ones
                for (int i = 0; i < rot.size(); i++) {
                    if (i % 2 == 0) seq.add(BASE);
                    seq.add(rot.get(i));
                }
                List<Window> bases = new ArrayList<>();
                Map<Cond, Window> prof = new LinkedHashMap<>();
                for (Cond c : seq) {
                    Window w = measure(t, jvm, c, parked);
                    System.err.printf("  parked=%d round %d %-36s %8.0f units/s  %6.1f us cpu/unit  observer %.3f cores  others %.2f cores%n",
                            parked, r + 1, c.name(), w.unitsPerSec(), w.cpuNanosPerUnit() / 1e3, w.observerCores(), w.otherCores());
                    all.get(c).add(w);
                    if (c == BASE) bases.add(w); else prof.put(c, w);
                }
                double baseThr = Stats.median(bases.stream().map(Window::unitsPerSec).toList());
                double baseCpu = Stats.median(bases.stream().map(Window::cpuNanosPerUnit).toList());
                double baseTot = Stats.median(bases.stream().map(Window::totalCpuNanosPerUnit).toList());
                prof.forEach((c, w) -> {
                    thrRatio.get(c).add(w.unitsPerSec() / baseThr);
                    cpuRatio.get(c).add(w.cpuNanosPerUnit() / baseCpu);
                    totRatio.get(c).add(w.totalCpuNanosPerUnit() / baseTot);
                });
            }
            print(parked, all, thrRatio, cpuRatio, totRatio);
        } finally {
            t.close();
        }
    }

    void print(int parked, Map<Cond, List<Window>> all, Map<Cond, List<Double>> thrRatio, Map<Cond, List<Double>> cpuRatio,
               Map<Cond, List<Double>> totRatio) {
        List<Window> base = all.get(BASE);
        System.out.printf("%n### %d workers + %d parked threads (%d windows not recording: median %.0f units/s, %.1f us CPU/unit,"
                        + " target uses %.2f cores, other processes %.2f cores (min %.2f, max %.2f over all windows))%n%n",
                WORKERS, parked, base.size(), Stats.median(col(base, Window::unitsPerSec)),
                Stats.median(col(base, Window::cpuNanosPerUnit)) / 1e3, Stats.median(col(base, Window::targetCores)),
                Stats.median(col(base, Window::otherCores)),
                Stats.min(all.values().stream().flatMap(List::stream).map(Window::otherCores).toList()),
                Stats.max(all.values().stream().flatMap(List::stream).map(Window::otherCores).toList()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"condition", "throughput ratio", "min..max", "target CPU/unit ratio",
                "(target+observer) CPU/unit ratio", "observer CPU (cores)", "cpu samples per worker CPU-s",
                "wall samples/s per worker", "wall events (samples)/s per parked thread", "JFR KiB/s"});
        rows.add(new String[]{BASE.name(), "1.000", "", "1.000", "1.000", Stats.f(Stats.median(col(base, Window::observerCores)), 3),
                "", "", "", ""});
        for (Cond c : PROFILED) {
            List<Window> ws = all.get(c);
            rows.add(new String[]{c.name(),
                    Stats.f(Stats.median(thrRatio.get(c)), 3),
                    Stats.f(Stats.min(thrRatio.get(c)), 3) + ".." + Stats.f(Stats.max(thrRatio.get(c)), 3),
                    Stats.f(Stats.median(cpuRatio.get(c)), 3),
                    Stats.f(Stats.median(totRatio.get(c)), 3),
                    Stats.f(Stats.median(col(ws, Window::observerCores)), 3),
                    Stats.f(Stats.median(col(ws, Window::cpuSamplesPerWorkerCpuSec)), 1),
                    Stats.f(Stats.median(col(ws, Window::wallSamplesPerWorker)), 1),
                    parked == 0 ? "" : Stats.f(Stats.median(col(ws, Window::wallEventsPerParked)), 2)
                            + " (" + Stats.f(Stats.median(col(ws, Window::wallSamplesPerParked)), 1) + ")",
                    Stats.f(Stats.median(col(ws, w -> (double) w.jfrBytes())) / 1024.0 / ((windowMillis + TAIL_MILLIS) / 1000.0), 0)});
        }
        Stats.table(rows);
        System.out.println();
    }

    static List<Double> col(List<Window> ws, java.util.function.Function<Window, Double> f) {
        return ws.stream().map(f).toList();
    }

    Window measure(Target t, TargetJvm jvm, Cond c, int parked) throws Exception {
        long[] m0;
        long[] m1;
        long d0;
        long d1;
        Path jfr = null;
        switch (c.kind()) {
            case BASE -> {
                m0 = t.mark();
                d0 = Stats.procCpuNanos(self);
                sleepUntil(m0[3] + windowMillis * 1_000_000L);
                m1 = t.mark();
                d1 = Stats.procCpuNanos(self);
            }
            case JBOUND -> {
                CompletableFuture<long[]> started = new CompletableFuture<>();
                AtomicReference<RecordedWindow> result = new AtomicReference<>();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                RecordingSettings d = RecordingSettings.defaults(Duration.ofMillis(windowMillis + TAIL_MILLIS));
                RecordingSettings s = c.cpu() == null ? d
                        : new RecordingSettings(d.duration(), c.cpu(), c.wall(), d.lockThreshold(), d.threadDump());
                Thread rec = new Thread(() -> {
                    try {
                        result.set(recorder.record(jvm, s, (elapsed, total) -> {
                            if (!started.isDone()) {
                                try {
                                    long[] m = t.mark();
                                    long[] withSelf = java.util.Arrays.copyOf(m, m.length + 1);
                                    withSelf[m.length] = Stats.procCpuNanos(self);
                                    started.complete(withSelf);
                                } catch (IOException e) {
                                    started.completeExceptionally(e);
                                }
                            }
                        }));
                    } catch (Throwable e) {
                        failure.set(e);
                        started.completeExceptionally(e);
                    }
                }, "bench-recorder");
                rec.start();
                long[] s0 = started.get(60, TimeUnit.SECONDS);
                m0 = s0;
                d0 = s0[s0.length - 1];
                sleepUntil(m0[3] + windowMillis * 1_000_000L);
                m1 = t.mark();
                d1 = Stats.procCpuNanos(self);
                rec.join();
                if (failure.get() != null) throw new IllegalStateException("recording failed", failure.get());
                jfr = result.get().jfr();
            }
            case RAW, RAW_NO_LOCK, RAW_FILTERED -> {
                jfr = Files.createTempFile("bench-raw-", ".jfr");
                List<String> a = new ArrayList<>(List.of("start", "-e", "cpu", "-i", Long.toString(c.cpu().toNanos())));
                if (c.wall() != null) a.addAll(List.of("--wall", Long.toString(c.wall().toNanos())));
                if (c.wall() != null && c.kind() != Kind.RAW_NO_LOCK) a.addAll(List.of("--lock", "10000"));
                if (c.kind() == Kind.RAW_FILTERED) a.addAll(List.of("--filter", workerTids(t.pid)));
                a.addAll(List.of("-o", "jfr", "-f", jfr.toString(), "--timeout", "30", Long.toString(t.pid)));
                asprof(a.toArray(String[]::new));
                m0 = t.mark();
                d0 = Stats.procCpuNanos(self);
                sleepUntil(m0[3] + windowMillis * 1_000_000L);
                m1 = t.mark();
                d1 = Stats.procCpuNanos(self);
                Thread.sleep(TAIL_MILLIS);
                asprof("stop", "-o", "jfr", "-f", jfr.toString(), Long.toString(t.pid));
            }
            default -> throw new IllegalStateException();
        }
        double secs = (m1[2] - m0[2]) / 1e9;
        long units = m1[0] - m0[0];
        long cpu = m1[1] - m0[1];
        double workerCpuSecs = (m1[4] - m0[4]) / 1e9;
        double cpuW = Double.NaN, wallW = Double.NaN, wallP = Double.NaN, wallPw = Double.NaN;
        long bytes = 0;
        if (jfr != null) {
            bytes = Files.size(jfr);
            Recording rec = JfrLoader.load(jfr);
            Files.deleteIfExists(jfr);
            double dur = rec.durationNanos() / 1e9;
            Set<Long> workers = new HashSet<>();
            Set<Long> parkedTids = new HashSet<>();
            for (ThreadInfo ti : rec.threads().values()) {
                if (ti.name().startsWith("bench-worker-")) workers.add(ti.osTid());
                if (ti.name().startsWith("idle-pool-")) parkedTids.add(ti.osTid());
            }
            // cpu samples over the recording, per second of worker CPU (measured over the window); the
            // loader merges a thread's identical samples into one entry, so each counts as many as it stands for
            cpuW = rec.cpuSamples().stream().filter(x -> workers.contains(x.osTid())).mapToLong(x -> x.count()).sum() / dur
                    / (workerCpuSecs / secs);
            wallW = rec.wallSamples().stream().filter(x -> workers.contains(x.osTid())).mapToLong(x -> x.count()).sum()
                    / (double) WORKERS / dur;
            if (parked > 0) {
                wallP = rec.wallSamples().stream().filter(x -> parkedTids.contains(x.osTid())).mapToLong(x -> x.count()).sum()
                        / (double) parked / dur;
                wallPw = rec.wallSamples().stream().filter(x -> parkedTids.contains(x.osTid()))
                        .mapToDouble(x -> x.weightNanos() / (double) rec.wallIntervalNanos()).sum() / parked / dur;
            }
        }
        System.gc();
        Thread.sleep(500); // let this JVM's loading and GC settle before the next window
        long observer = d1 - d0;
        double other = Math.max(0, (m1[5] - m0[5]) - cpu - observer) / 1e9 / secs;
        return new Window(units / secs, cpu / (double) units, (cpu + observer) / (double) units, cpu / 1e9 / secs,
                observer / 1e9 / secs, other, cpuW, wallW, wallP, wallPw, bytes);
    }

    void asprof(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(nativeProfiler.asprof().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("asprof " + String.join(" ", args) + ": " + out);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), (int) 0);
        }
    }

    /** The target child JVM and its mark protocol. */
    /** The native tids of the target's hashing workers, as async-profiler's thread filter takes them. */
    static String workerTids(long pid) throws java.io.IOException {
        List<String> tids = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).startsWith("bench-worker")) tids.add(task.getFileName().toString());
            }
        }
        return String.join(",", tids);
    }

    static final class Target implements AutoCloseable {
        final Process process;
        final long pid;
        final PrintWriter in;
        final BufferedReader out;

        private Target(Process process, long pid, PrintWriter in, BufferedReader out) {
            this.process = process;
            this.pid = pid;
            this.in = in;
            this.out = out;
        }

        static Target start(int workers, int parked) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("bench.classes", "bench/target/classes");
            Process p = new ProcessBuilder(java, "-cp", cp, OverheadTarget.class.getName(),
                    Integer.toString(workers), Integer.toString(parked))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("ready ")) {
                p.destroyForcibly();
                throw new IOException("target did not start: " + ready);
            }
            return new Target(p, Long.parseLong(ready.substring(6).trim()), new PrintWriter(p.getOutputStream(), true), out);
        }

        /** {units, process CPU nanos, target nanoTime, local nanoTime, worker CPU nanos, machine busy nanos}. */
        synchronized long[] mark() throws IOException {
            in.println("m");
            String line = out.readLine();
            long local = System.nanoTime();
            if (line == null) throw new IOException("target exited");
            String[] f = line.trim().split(" ");
            return new long[]{Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), local,
                    Long.parseLong(f[3]), Stats.machineBusyNanos()};
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}

package bench;

import dev.jbound.load.JfrLoader;
import dev.jbound.model.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import one.jfr.JfrReader;
import one.jfr.event.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loader throughput on a recording jbound made of a busy demo workload: dev.jbound.load.JfrLoader
 * (full model), async-profiler's one.jfr.JfrReader alone (parse only) and the JDK's
 * jdk.jfr.consumer.RecordingFile (every event, touching its stack trace frames and thread), in
 * alternation after warm-up, in this one JVM.
 *
 * <p>System properties: bench.loader.workloads ("idle-pool,mixed,mixed@1ms"), bench.loader.seconds (20),
 * bench.loader.runs (7), bench.loader.warmup (3), bench.jar.
 */
public final class LoaderBench {

    interface Reader {
        long read(Path file) throws Exception;
    }

    static long sink;

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        int seconds = Integer.getInteger("bench.loader.seconds", 20);
        int runs = Integer.getInteger("bench.loader.runs", 7);
        int warmup = Integer.getInteger("bench.loader.warmup", 3);
        System.out.printf("%n## loader: JfrLoader vs one.jfr.JfrReader vs jdk.jfr.consumer.RecordingFile, %d warm-up + %d measured runs each, alternating%n", warmup, runs);
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put("dev.jbound.load.JfrLoader.load (jbound's parser, full model)", LoaderBench::jbound);
        readers.put("one.jfr.JfrReader (parse only, all events)", LoaderBench::apReader);
        readers.put("jdk.jfr.consumer.RecordingFile (all events, stack + thread touched)", LoaderBench::recordingFile);
        for (String spec : System.getProperty("bench.loader.workloads", "idle-pool,mixed,mixed@1ms").split(",")) {
            // WORKLOAD[@INTERVAL]: the demo, recorded at jbound's default intervals or at --interval INTERVAL
            String id = spec.trim().split("@")[0];
            String interval = spec.contains("@") ? spec.trim().split("@")[1] : null;
            Path file = Path.of("bench/target/loader-" + id + (interval == null ? "" : "-" + interval) + "-" + seconds + "s.jfr");
            if (!Files.isRegularFile(file)) record(jar, id, interval, seconds, file);
            Map<String, Long> types = eventTypes(file);
            long total = types.values().stream().mapToLong(Long::longValue).sum();
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < warmup + runs; i++) {
                for (var e : readers.entrySet()) {
                    // small files load in a few ms: repeat for at least 300 ms and take the mean per load
                    long t0 = System.nanoTime();
                    long n;
                    int reps = 0;
                    do {
                        n = e.getValue().read(file);
                        reps++;
                    } while (System.nanoTime() - t0 < 300_000_000L);
                    double ms = (System.nanoTime() - t0) / 1e6 / reps;
                    counts.put(e.getKey(), n);
                    if (i >= warmup) millis.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms);
                }
                System.err.printf("  %s round %d done%n", id, i + 1);
            }
            long size = Files.size(file);
            System.out.printf("%n### %d s of `jbound demo %s`%s: %s, %.2f MiB, %,d events (%s)%n%n", seconds, id,
                    interval == null ? " (default intervals)" : " --interval " + interval, file,
                    size / 1048576.0, total, types);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"reader", "events read", "median ms", "min..max ms", "events/s (median)", "MiB/s", "vs RecordingFile"});
            double rf = Stats.median(millis.get("jdk.jfr.consumer.RecordingFile (all events, stack + thread touched)"));
            millis.forEach((k, v) -> {
                double med = Stats.median(v);
                rows.add(new String[]{k, String.format("%,d", counts.get(k)), Stats.f(med, 1),
                        Stats.f(Stats.min(v), 1) + ".." + Stats.f(Stats.max(v), 1),
                        String.format("%,.0f", counts.get(k) / (med / 1e3)),
                        Stats.f(size / 1048576.0 / (med / 1e3), 1),
                        Stats.f(rf / med, 2) + "×"});
            });
            Stats.table(rows);
        }
    }

    static void record(String jar, String id, String interval, int seconds, Path file) throws Exception {
        System.err.printf("  recording %d s of the %s demo into %s%n", seconds, id, file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar, "demo", id, "--duration", seconds + "s",
                "--jfr", file.toString(), "--format", "json"));
        if (interval != null) cmd.addAll(List.of("--interval", interval));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0 || !Files.isRegularFile(file)) throw new IllegalStateException("recording failed");
    }

    static Map<String, Long> eventTypes(Path file) throws Exception {
        Map<String, Long> types = new TreeMap<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) types.merge(rf.readEvent().getEventType().getName(), 1L, Long::sum);
        }
        return types;
    }

    static long jbound(Path file) throws Exception {
        Recording r = JfrLoader.load(file);
        sink += r.threads().size();
        return r.cpuSampleCount() + r.wallSampleCount() + r.lockEventCount();
    }

    static long apReader(Path file) throws Exception {
        long n = 0;
        try (JfrReader reader = new JfrReader(file.toString())) {
            for (Event e; (e = reader.readEvent()) != null; ) {
                sink += e.stackTraceId + e.tid;
                n++;
            }
        }
        return n;
    }

    static long recordingFile(Path file) throws Exception {
        long n = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                n++;
                RecordedStackTrace st = e.getStackTrace();
                if (st != null) {
                    for (RecordedFrame f : st.getFrames()) {
                        sink += f.getMethod().getName().length() + f.getMethod().getType().getName().length() + f.getLineNumber();
                    }
                }
                RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
                if (t != null) sink += t.getOSThreadId() + (t.getJavaName() == null ? 0 : t.getJavaName().length());
            }
        }
        return n;
    }
}

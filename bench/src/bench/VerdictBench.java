package bench;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to verdict: runs {@code java -Djbound.timing=true <bin/jbound's options> -jar jbound.jar attach PID --duration 2s --format json}
 * N times against a running demo workload and splits each run's wall time into phases with the
 * timing marks jbound prints (see dev.jbound.Timing).
 *
 * <p>System properties: bench.verdict.runs (7), bench.verdict.workloads ("lock,idle-pool"), bench.jar.
 */
public final class VerdictBench {

    static final String[] PHASES = {"spawn", "main", "attach-start", "window-start", "window-end", "stopped",
            "loaded", "analyzed", "exit", "reaped"};
    static final String[] LABELS = {
            "JVM start-up (spawn → main)",
            "CLI + target lookup + unpack (main → attach)",
            "attach + profiler start",
            "window",
            "stop + write JFR",
            "load JFR",
            "analyze",
            "render JSON + exit",
            "JVM shutdown (exit → reaped)"};

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.verdict.runs", 7);
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("%n## verdict: %d × `jbound attach PID --duration 2s --format json` per workload%n", runs);
        for (String id : System.getProperty("bench.verdict.workloads", "lock,idle-pool").split(",")) {
            Workload w = Workload.byId(id.trim()).orElseThrow();
            try (RunningWorkload running = WorkloadLauncher.start(w)) {
                Thread.sleep(1500); // JIT warm-up, as `jbound demo` does
                // one unmeasured run: page cache, agent loaded into the target, unpacked library
                attach(java, jar, running.pid());
                Map<String, List<Double>> phase = new LinkedHashMap<>();
                List<Double> afterWindow = new ArrayList<>();
                List<Double> totalMinusWindow = new ArrayList<>();
                List<Double> total = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Map<String, Long> m = attach(java, jar, running.pid());
                    for (int k = 0; k + 1 < PHASES.length; k++) {
                        phase.computeIfAbsent(LABELS[k], x -> new ArrayList<>())
                                .add((m.get(PHASES[k + 1]) - m.get(PHASES[k])) / 1e3);
                    }
                    double window = (m.get("window-end") - m.get("window-start")) / 1e3;
                    double tot = (m.get("reaped") - m.get("spawn")) / 1e3;
                    total.add(tot);
                    totalMinusWindow.add(tot - window);
                    afterWindow.add((m.get("reaped") - m.get("window-end")) / 1e3);
                    System.err.printf("  %s run %d: total %.0f ms, after the window %.0f ms%n", id, i + 1, tot,
                            afterWindow.get(afterWindow.size() - 1));
                }
                System.out.printf("%n### `%s` (%s)%n%n", w.id(), w.description());
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"phase", "median ms", "min ms", "max ms"});
                phase.forEach((k, v) -> rows.add(new String[]{k, Stats.f(Stats.median(v), 0), Stats.f(Stats.min(v), 0), Stats.f(Stats.max(v), 0)}));
                rows.add(new String[]{"**total wall time**", Stats.f(Stats.median(total), 0), Stats.f(Stats.min(total), 0), Stats.f(Stats.max(total), 0)});
                rows.add(new String[]{"**total minus window**", Stats.f(Stats.median(totalMinusWindow), 0), Stats.f(Stats.min(totalMinusWindow), 0), Stats.f(Stats.max(totalMinusWindow), 0)});
                rows.add(new String[]{"**window end → verdict printed and process gone**", Stats.f(Stats.median(afterWindow), 0), Stats.f(Stats.min(afterWindow), 0), Stats.f(Stats.max(afterWindow), 0)});
                Stats.table(rows);
            }
        }
    }

    /** Runs one attach; returns the phase marks in epoch microseconds, plus spawn and reaped. */
    static Map<String, Long> attach(String java, String jar, long pid) throws Exception {
        // the JVM options of bin/jbound, which is how users run it
        List<String> cmd = List.of(java, "-Djbound.timing=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", jar, "attach", Long.toString(pid),
                "--duration", "2s", "--format", "json");
        Map<String, Long> marks = new HashMap<>();
        long spawn = nowMicros();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("jbound.timing ")) {
                    String[] f = line.split(" ");
                    marks.put(f[1], Long.parseLong(f[2]));
                } else {
                    err.append(line).append('\n');
                }
            }
        }
        int code = p.waitFor();
        long reaped = nowMicros();
        if (code != 0) throw new IllegalStateException("jbound attach exited with " + code + ":\n" + err);
        marks.put("spawn", spawn);
        marks.put("reaped", reaped);
        for (String ph : PHASES) {
            if (!marks.containsKey(ph)) throw new IllegalStateException("no timing mark '" + ph + "' (jar built without dev.jbound.Timing?)\n" + err);
        }
        return marks;
    }

    static long nowMicros() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}

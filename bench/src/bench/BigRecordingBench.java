package bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading a big recording: `jbound report FILE` against the JDK's `jfr summary FILE` on the same
 * file, each a whole process (JVM start included) under /usr/bin/time for wall time and peak RSS,
 * alternating. jbound runs as users run it, through bin/jbound (C1 only, serial GC, the class-data
 * archive the build made), and as a plain {@code java -jar} for comparison. The files are one real recording of the mixed demo (by each recorder) repeated
 * back to back until they reach the size (a JFR file is a sequence of self-contained chunks, so
 * both tools read every copy). jbound also runs with -Xmx256m, to show its heap stays bounded.
 *
 * <p>System properties: bench.big.mb (100), bench.big.runs (5), bench.jar.
 */
public final class BigRecordingBench {

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        int mb = Integer.getInteger("bench.big.mb", 100);
        int runs = Integer.getInteger("bench.big.runs", 5);
        String javaHome = System.getProperty("java.home");
        String java = Path.of(javaHome, "bin", "java").toString();
        String jfr = Path.of(javaHome, "bin", "jfr").toString();
        System.out.printf("%n## big recording: jbound report vs jfr summary, %d MB files, %d runs each, alternating%n%n", mb, runs);
        System.out.println("| recording | size | command | wall time (median) | peak RSS (median) | ratio to jfr summary |");
        System.out.println("|---|---|---|---|---|---|");
        for (String recorder : new String[]{"jfr", "async"}) {
            Path base = Path.of("bench/target/big-base-" + recorder + ".jfr");
            if (!Files.isRegularFile(base)) {
                System.err.printf("  recording 20 s of the mixed demo with --recorder %s%n", recorder);
                run(List.of(java, "-jar", jar, "demo", "mixed", "--duration", "20s", "--recorder", recorder,
                        "--jfr", base.toString(), "--format", "json"));
            }
            Path big = Path.of("bench/target/big-" + recorder + "-" + mb + "mb.jfr");
            if (!Files.isRegularFile(big)) repeat(base, big, mb * 1024L * 1024L);
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("jfr summary", List.of(jfr, "summary", big.toString()));
            commands.put("bin/jbound report", List.of("bin/jbound", "report", big.toString(), "--format", "json"));
            commands.put("bin/jbound report, -Xmx256m", List.of("env", "JDK_JAVA_OPTIONS=-Xmx256m", "bin/jbound", "report", big.toString(), "--format", "json"));
            commands.put("java -jar jbound.jar report", List.of(java, "-jar", jar, "report", big.toString(), "--format", "json"));
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (var c : commands.entrySet()) results.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(timed(c.getValue()));
            }
            double jfrWall = median(results.get("jfr summary"), 0);
            double jfrRss = median(results.get("jfr summary"), 1);
            for (var r : results.entrySet()) {
                double wall = median(r.getValue(), 0);
                double rss = median(r.getValue(), 1);
                System.out.printf("| %s (%d chunks) | %.0f MB | `%s` | %.2f s | %.0f MB | time ×%.2f, RSS ×%.2f |%n",
                        recorder.equals("jfr") ? "JDK Flight Recorder" : "async-profiler", Files.size(big) / Files.size(base),
                        Files.size(big) / 1048576.0, r.getKey(), wall, rss / 1024, wall / jfrWall, rss / jfrRss);
            }
        }
    }

    private static void repeat(Path base, Path out, long bytes) throws Exception {
        byte[] one = Files.readAllBytes(base);
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            for (long written = 0; written < bytes; written += one.length) o.write(one);
        }
    }

    /** {wall seconds, max RSS KiB} of one run of {@code cmd}, measured by /usr/bin/time. */
    private static double[] timed(List<String> cmd) throws Exception {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M"));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("failed: " + cmd + "\n" + err);
        String line = err.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElseThrow();
        String[] parts = line.split(" ");
        return new double[]{Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IllegalStateException("failed: " + cmd);
    }

    private static double median(List<double[]> xs, int field) {
        double[] v = xs.stream().mapToDouble(x -> x[field]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

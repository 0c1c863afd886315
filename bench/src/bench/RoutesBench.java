package bench;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every demo workload through every route jbound has to a verdict: a live attach with each recorder,
 * and {@code report} on recordings the JDK made itself ({@code jcmd PID JFR.start settings=default}
 * and {@code settings=profile}). Prints one row per workload and route: the class, the share that
 * decided it, the samples behind it, the confidence and what it rests on.
 *
 * <p>System properties: bench.routes.workloads (all), bench.routes.seconds (5), bench.routes.keep (a
 * directory to keep the JDK's recordings in, named WORKLOAD-SETTINGS.jfr: how the ones in
 * src/test/resources/recordings/jdk were made), bench.routes.java21 (a JDK 21+ java for virtual-io;
 * without it virtual-io is skipped on older JDKs), bench.jar.
 */
public final class RoutesBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        int seconds = Integer.getInteger("bench.routes.seconds", 5);
        String keep = System.getProperty("bench.routes.keep", "");
        String java21 = System.getProperty("bench.routes.java21", "");
        Path dir = keep.isEmpty() ? Files.createTempDirectory("jbound-routes") : Files.createDirectories(Path.of(keep));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Workload> workloads = new ArrayList<>();
        for (String id : System.getProperty("bench.routes.workloads", allIds()).split(",")) {
            workloads.add(Workload.byId(id.trim()).orElseThrow(() -> new IllegalArgumentException("no workload " + id)));
        }
        System.out.printf("%n## routes: every workload, %d s windows: live attach with each recorder, report on the JDK's own recordings%n%n", seconds);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"workload", "route", "class", "deciding share", "samples", "confidence", "coverage", "cpu time"});
        for (Workload w : workloads) {
            Path targetJava = Path.of(java);
            if (w == Workload.VIRTUAL_IO && Runtime.version().feature() < 21) {
                if (java21.isEmpty()) {
                    System.err.println("  virtual-io skipped: needs -Dbench.routes.java21=/path/to/jdk21+/bin/java");
                    continue;
                }
                targetJava = Path.of(java21);
            }
            String jcmd = targetJava.resolveSibling("jcmd").toString();
            try (RunningWorkload running = WorkloadLauncher.start(w, targetJava, List.of())) {
                Thread.sleep(2000); // JIT warm-up, as `jbound demo` does
                String pid = Long.toString(running.pid());
                for (String recorder : new String[]{"async", "jfr"}) {
                    JsonNode r = jbound(java, jar, "attach", pid, "--duration", seconds + "s", "--recorder", recorder, "--format", "json");
                    rows.add(row(w.id(), recorder + " live", r));
                }
                for (String settings : new String[]{"default", "profile"}) {
                    Path jfr = dir.resolve(w.id() + "-" + settings + ".jfr");
                    Files.deleteIfExists(jfr);
                    run(jcmd, pid, "JFR.start", "name=jbound-routes", "settings=" + settings, "filename=" + jfr);
                    Thread.sleep(seconds * 1000L);
                    run(jcmd, pid, "JFR.stop", "name=jbound-routes");
                    rows.add(row(w.id(), "report " + settings, jbound(java, jar, "report", jfr.toString(), "--format", "json")));
                }
            }
            System.err.printf("  %s done%n", w.id());
        }
        Stats.table(rows);
        if (!keep.isEmpty()) System.out.printf("%nThe JDK's recordings are in %s.%n", dir);
    }

    private static String allIds() {
        StringBuilder sb = new StringBuilder();
        for (Workload w : Workload.values()) sb.append(sb.length() == 0 ? "" : ",").append(w.id());
        return sb.toString();
    }

    private static String[] row(String workload, String route, JsonNode r) {
        if (r == null) return new String[]{workload, route, "(failed)", "", "", "", "", ""};
        JsonNode v = r.get("verdict");
        JsonNode s = r.get("sampling");
        JsonNode basis = v.get("basis");
        String cls = v.get("class").asString();
        return new String[]{workload, route, cls, decidingShare(r, cls),
                (s.get("cpuSamples").asInt() + s.get("wallSamples").asInt()) + " (" + s.get("cpuSamples").asInt() + " cpu)",
                String.format(Locale.ROOT, "%.2f %s", v.get("confidence").asDouble(), v.get("confidenceLabel").asString()),
                String.format(Locale.ROOT, "%.2f", basis.get("coverage").asDouble()), basis.get("cpuTime").asString()};
    }

    /** The share of active time behind the class: its state's, or for mixed and idle the largest two. */
    private static String decidingShare(JsonNode r, String cls) {
        JsonNode states = r.get("breakdown").get("states");
        String state = switch (cls) {
            case "cpu-bound" -> "cpu";
            case "cpu-saturated" -> "runqueue";
            case "io-bound" -> "io";
            case "lock-bound" -> "lock";
            case "gc-bound" -> "gc";
            default -> null;
        };
        if (state != null) return String.format(Locale.ROOT, "%s %.0f%%", state, 100 * states.get(state).get("shareOfActive").asDouble());
        if (cls.equals("idle")) return String.format(Locale.ROOT, "%.2f threads busy", r.get("breakdown").get("busyThreads").asDouble());
        StringBuilder sb = new StringBuilder();
        for (String st : new String[]{"cpu", "runqueue", "io", "lock", "gc"}) {
            double share = states.get(st).get("shareOfActive").asDouble();
            if (share >= 0.2) sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.0f%%", st, share * 100));
        }
        return sb.toString();
    }

    static JsonNode jbound(String java, String jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-jar", jar));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.err.println("  jbound " + String.join(" ", args) + " exited with " + p.exitValue());
            return null;
        }
        return JSON.readTree(out);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue());
    }
}

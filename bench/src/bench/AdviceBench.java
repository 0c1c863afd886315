package bench;

import dev.jbound.support.workloads.ServiceHarness;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does the advice hold when applied? The closed-loop services of src/test (ServiceHarness: each
 * thread hashes, then asks a downstream in another process) are swept over thread counts to find
 * the best throughput; jbound is run on each at a too-small and a too-large count, and the service
 * is measured again at the pool size jbound advised. Prints the sweep, then per start size: the
 * advice, its throughput as a share of the best, the advised size over the smallest that reaches
 * 95% of the best, and the predicted throughput against the measured one.
 *
 * <p>System properties: bench.advice.workloads (all), bench.advice.counts ("1,2,4,8,12,16,24,32,48,64"),
 * bench.advice.seconds (3, per point), bench.advice.starts ("2,64"), bench.jar.
 */
public final class AdviceBench {

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long millis = Integer.getInteger("bench.advice.seconds", 3) * 1000L;
        List<Integer> counts = ints(System.getProperty("bench.advice.counts", "1,2,4,8,12,16,24,32,48,64"));
        List<Integer> starts = ints(System.getProperty("bench.advice.starts", "2,64"));
        String only = System.getProperty("bench.advice.workloads", "");
        for (ServiceHarness.Shape w : ServiceHarness.SHAPES) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(w.name())) continue;
            try (ServiceHarness.Running down = ServiceHarness.downstream(w)) {
                System.out.printf("%n## advice: %s (%s)%n%n", w.name(), w.what());
                Map<Integer, Double> sweep = new LinkedHashMap<>();
                for (int n : counts) {
                    sweep.put(n, ServiceHarness.throughput(w, down.port(), n, millis));
                    System.err.printf("  %s: %d threads %.0f/s%n", w.name(), n, sweep.get(n));
                }
                double best = sweep.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                int smallest95 = sweep.entrySet().stream().filter(e -> e.getValue() >= 0.95 * best).mapToInt(Map.Entry::getKey).min().orElse(-1);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[]{"threads", "requests/s", "of the best"});
                sweep.forEach((n, x) -> rows.add(new String[]{Integer.toString(n), Stats.f(x, 0), Stats.f(100 * x / best, 0) + "%"}));
                Stats.table(rows);
                System.out.printf("%nbest %.0f/s; the smallest count within 95%% of it: %d%n%n", best, smallest95);
                List<String[]> advice = new ArrayList<>();
                advice.add(new String[]{"run at", "verdict", "advised", "measured at advised", "of the best", "advised / smallest 95%",
                        "predicted", "predicted vs measured"});
                for (int start : starts) {
                    JsonNode pool;
                    JsonNode report;
                    try (ServiceHarness.Running s = ServiceHarness.service(w, down.port(), start)) {
                        Thread.sleep(ServiceHarness.WARM_UP_MILLIS);
                        report = RoutesBench.jbound(java, jar, "attach", Long.toString(s.pid()), "--duration", "5s", "--format", "json");
                    }
                    pool = servicePool(report);
                    Integer advised = pool == null || pool.get("strategy").get("poolSize").isNull() ? null
                            : pool.get("strategy").get("poolSize").asInt();
                    Double predicted = predicted(pool);
                    double measured = advised == null ? Double.NaN : ServiceHarness.throughput(w, down.port(), advised, millis);
                    advice.add(new String[]{Integer.toString(start),
                            report.get("verdict").get("class").asString() + (pool == null ? "" : " (pool: " + pool.get("verdict").get("class").asString() + ")"),
                            advised == null ? "none" : advised.toString(), Stats.f(measured, 0) + "/s",
                            Stats.f(100 * measured / best, 0) + "%",
                            advised == null ? "" : String.format(Locale.ROOT, "%.1f×", (double) advised / smallest95),
                            predicted == null ? "none" : Stats.f(predicted, 0) + "/s",
                            predicted == null ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * (predicted - measured) / measured)});
                    System.err.printf("  %s from %d: advised %s, %.0f/s%n", w.name(), start, advised, measured);
                    System.out.println("from " + start + ": " + (pool == null ? report.get("strategy").get("headline").asString()
                            : pool.get("strategy").get("headline").asString()));
                }
                System.out.println();
                Stats.table(advice);
            }
        }
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) out.add(Integer.parseInt(s.trim()));
        return out;
    }

    static JsonNode servicePool(JsonNode r) {
        for (JsonNode p : r.get("pools")) if (p.get("name").asString().startsWith("service-")) return p;
        return null;
    }

    /** The advice's predicted throughput, in requests a second, where it states one. */
    static Double predicted(JsonNode pool) {
        JsonNode p = pool == null ? null : pool.get("strategy").get("prediction");
        return p == null || p.isNull() || p.get("throughputPerSecond").isNull() ? null : p.get("throughputPerSecond").asDouble();
    }
}

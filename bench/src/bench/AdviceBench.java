package bench;

import dev.jbound.support.servers.Postgres;
import dev.jbound.support.workloads.ServiceHarness;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Does the advice hold when applied? The closed-loop services of src/test (ServiceHarness: each
 * thread hashes, then asks a downstream in another process) are swept over thread counts to find
 * the best throughput; jbound is run on each at a too-small and a too-large count, and the service
 * is measured again at the pool size jbound advised. Prints the sweep, then per start size: the
 * advice, its throughput as a share of the best, the advised size over the smallest that reaches
 * 95% of the best, and the predicted throughput against the measured one. Where Debian's PostgreSQL
 * is installed, the JDBC services of PostgresAdviceTest follow on a server of their own.
 *
 * <p>System properties: bench.advice.workloads (all; names as postgres-cpu), bench.advice.counts ("1,2,4,8,12,16,24,32,48,64"),
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
                bench(java, jar, ServiceHarness.closedLoop(w, down.port()), w.what(), counts, starts, millis);
            }
        }
        Optional<Path> pgBin = Postgres.installed();
        if (pgBin.isEmpty()) {
            System.out.printf("%n(no PostgreSQL under /usr/lib/postgresql: the JDBC workloads are left out)%n");
            return;
        }
        try (Postgres pg = Postgres.start(pgBin.get())) {
            // the workloads of PostgresAdviceTest: HikariCP and PostgreSQL's JDBC driver on a real server
            List<Object[]> jdbc = List.of(
                    new Object[]{ServiceHarness.jdbc("postgres-cpu", pg.jdbcUrl(), 0, 300, "SELECT sum(i * i % 7) FROM generate_series(1, 20000) AS i"),
                            "0.3 ms CPU, then a query PostgreSQL computes about 3 ms for; a connection per thread"},
                    new Object[]{ServiceHarness.jdbc("postgres-hikari-4", pg.jdbcUrl(), 4, 2000, "SELECT pg_sleep(0.02)"),
                            "2 ms CPU, then a 20 ms query on one of HikariCP's 4 connections"});
            for (Object[] j : jdbc) {
                ServiceHarness.Service s = (ServiceHarness.Service) j[0];
                if (!only.isEmpty() && !List.of(only.split(",")).contains(s.name())) continue;
                bench(java, jar, s, (String) j[1], counts, starts, millis);
            }
        }
    }

    /** The sweep of {@code s}, then jbound's advice from each start size and what it measures when applied. */
    private static void bench(String java, String jar, ServiceHarness.Service s, String what, List<Integer> counts, List<Integer> starts,
                              long millis) throws Exception {
        System.out.printf("%n## advice: %s (%s)%n%n", s.name(), what);
        Map<Integer, Double> sweep = new LinkedHashMap<>();
        for (int n : counts) {
            sweep.put(n, ServiceHarness.throughput(s, n, millis));
            System.err.printf("  %s: %d threads %.0f/s%n", s.name(), n, sweep.get(n));
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
            JsonNode report;
            try (ServiceHarness.Running r = s.start(start)) {
                Thread.sleep(ServiceHarness.WARM_UP_MILLIS);
                report = RoutesBench.jbound(java, jar, "attach", Long.toString(r.pid()), "--duration", "5s", "--format", "json");
            }
            JsonNode pool = servicePool(report);
            Integer advised = pool == null || pool.get("strategy").get("poolSize").isNull() ? null
                    : pool.get("strategy").get("poolSize").asInt();
            Double predicted = predicted(pool);
            double measured = advised == null ? Double.NaN : ServiceHarness.throughput(s, advised, millis);
            advice.add(new String[]{Integer.toString(start),
                    report.get("verdict").get("class").asString() + (pool == null ? "" : " (pool: " + pool.get("verdict").get("class").asString() + ")"),
                    advised == null ? "none" : advised.toString(), Stats.f(measured, 0) + "/s",
                    Stats.f(100 * measured / best, 0) + "%",
                    advised == null ? "" : String.format(Locale.ROOT, "%.1f×", (double) advised / smallest95),
                    predicted == null ? "none" : Stats.f(predicted, 0) + "/s",
                    predicted == null ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * (predicted - measured) / measured)});
            System.err.printf("  %s from %d: advised %s, %.0f/s%n", s.name(), start, advised, measured);
            System.out.println("from " + start + ": " + (pool == null ? report.get("strategy").get("headline").asString()
                    : pool.get("strategy").get("headline").asString()));
        }
        System.out.println();
        Stats.table(advice);
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

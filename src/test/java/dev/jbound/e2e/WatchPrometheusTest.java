package dev.jbound.e2e;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.JboundProcess;
import dev.jbound.support.servers.Prometheus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * jbound watch on the burst demo (cpu-bound and idle taking turns every 3 s), scraped by a real
 * Prometheus both directly (--prometheus) and through the node exporter's textfile collector
 * (--textfile); the test asks Prometheus in PromQL what it stored.
 */
class WatchPrometheusTest {
    private static final Duration WITHIN = Duration.ofSeconds(90);

    @BeforeAll
    static void needsPrometheus() {
        if (System.getenv("JBOUND_CI") == null) assumeTrue(Prometheus.installed().isPresent(), "needs Debian's prometheus");
        assertThat(Prometheus.SERVER).as("Debian's prometheus").isExecutable();
        assertThat(Prometheus.NODE_EXPORTER).as("Debian's prometheus-node-exporter").isExecutable();
    }

    @Test
    void prometheusStoresTheStatesAndSeesTheClassChangeWithThePhases(@TempDir Path textfiles) throws Exception {
        int port = Prometheus.freePort();
        int nodePort = Prometheus.freePort();
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("burst").orElseThrow());
             JboundProcess watch = JboundProcess.start(List.of("watch", Long.toString(w.pid()), "--window", "1s", "--every", "1s",
                     "--prometheus", "127.0.0.1:" + port, "--textfile", textfiles.toString()));
             Prometheus prom = Prometheus.start(Map.of("jbound", "127.0.0.1:" + port, "node", "127.0.0.1:" + nodePort))
                     .with(Prometheus.nodeExporter(textfiles, nodePort))) {
            watch.awaitErr("serving http://127.0.0.1:" + port + "/metrics", Duration.ofSeconds(30));
            Set<String> classes = new TreeSet<>();
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < deadline && !(classes.contains("cpu-bound") && classes.contains("idle"))) {
                Thread.sleep(1000);
                // every class the JVM was given in the last minutes, as Prometheus stored them
                for (JsonNode r : prom.query("count by (class) (count_over_time(jbound_class_info{job=\"jbound\",pool=\"\"}[10m]))")) {
                    classes.add(r.get("metric").get("class").asString());
                }
            }
            assertThat(classes).as("classes Prometheus stored; jbound said:%n%s", watch.err()).contains("cpu-bound", "idle");

            JsonNode cpu = prom.query("jbound_state_seconds_total{job=\"jbound\",state=\"cpu\",pool=\"burst-worker-*\"}");
            assertThat(cpu).as("cpu seconds of the burst workers").hasSize(1);
            assertThat(cpu.get(0).get("metric").get("pid").asString()).isEqualTo(Long.toString(w.pid()));
            assertThat(Double.parseDouble(cpu.get(0).get("value").get(1).asString())).isGreaterThan(0.5);
            assertThat(prom.query("jbound_up{job=\"jbound\"}").get(0).get("value").get(1).asString()).isEqualTo("1");

            // the same series through the textfile and the node exporter
            JsonNode windows = JsonNode.class.cast(null);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                windows = prom.query("jbound_windows_total{job=\"node\"}");
                if (!windows.isEmpty()) break;
                Thread.sleep(500);
            }
            assertThat(windows).as("jbound_windows_total scraped from the node exporter").hasSize(1);
            assertThat(Double.parseDouble(windows.get(0).get("value").get(1).asString())).isGreaterThanOrEqualTo(1);
            assertThat(prom.query("node_textfile_scrape_error{job=\"node\"}").get(0).get("value").get(1).asString()).isEqualTo("0");

            // the example dashboard's queries are PromQL this Prometheus answers (the panels themselves are untried)
            JsonNode dashboard = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(java.nio.file.Files.readString(Path.of("examples/grafana/jbound-dashboard.json")));
            int queries = 0;
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode t : panel.get("targets")) {
                    String expr = t.get("expr").asString().replace("$jvm", ".*").replace("$__rate_interval", "1m");
                    prom.query(expr); // throws unless Prometheus says success
                    queries++;
                }
            }
            assertThat(queries).isEqualTo(8);
            assertThat(prom.query("sum by (state) (increase(jbound_state_seconds_total{state=\"cpu\"}[5m]))")).isNotEmpty();
        }
    }
}

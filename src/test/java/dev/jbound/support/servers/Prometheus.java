package dev.jbound.support.servers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on loopback, scraping the targets it is
 * given every second, and the node exporter (Debian's {@code prometheus-node-exporter}) with only
 * its textfile collector. Their data lives in a temporary directory removed on close.
 */
public final class Prometheus implements AutoCloseable {
    public static final Path SERVER = Path.of("/usr/bin/prometheus");
    public static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

    private final Process server;
    private final List<Process> exporters = new ArrayList<>();
    private final Path dir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Prometheus(Process server, Path dir, int port) {
        this.server = server;
        this.dir = dir;
        this.port = port;
    }

    public static Optional<Path> installed() {
        return Files.isExecutable(SERVER) ? Optional.of(SERVER) : Optional.empty();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the node exporter reading {@code textfiles}; returns its port. */
    public static Process nodeExporter(Path textfiles, int port) throws IOException {
        return new ProcessBuilder(NODE_EXPORTER.toString(), "--collector.disable-defaults", "--collector.textfile",
                "--collector.textfile.directory=" + textfiles, "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** @param targets job name → host:port, scraped every second */
    public static Prometheus start(java.util.Map<String, String> targets) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jbound-prometheus-");
        StringBuilder cfg = new StringBuilder("global: {scrape_interval: 1s, evaluation_interval: 1s}\nscrape_configs:\n");
        targets.forEach((job, target) -> cfg.append("  - job_name: ").append(job)
                .append("\n    static_configs: [{targets: ['").append(target).append("']}]\n"));
        Files.writeString(dir.resolve("prometheus.yml"), cfg);
        int port = freePort();
        Process p = new ProcessBuilder(SERVER.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        Prometheus prom = new Prometheus(p, dir, port);
        prom.awaitReady();
        return prom;
    }

    public Prometheus with(Process exporter) {
        exporters.add(exporter);
        return this;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new IOException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            try {
                if (get("/-/ready").statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("prometheus was not ready within 30 s");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The result array of an instant PromQL query (status checked). */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode doc = JsonMapper.builder().build().readTree(r.body());
        if (!"success".equals(doc.get("status").asString())) throw new IOException("query " + promql + ": " + r.body());
        return doc.get("data").get("result");
    }

    @Override
    public void close() {
        exporters.forEach(Process::destroy);
        server.destroy();
        try {
            server.waitFor();
            for (Process e : exporters) e.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}

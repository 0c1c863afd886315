package dev.jbound.export;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link WatchSeries} in the Prometheus and OpenMetrics text formats, through the Prometheus Java
 * client: served over HTTP for Prometheus to scrape ({@code --prometheus}), and written as the node
 * exporter's textfile ({@code --textfile}). The series are read at each scrape or write, never
 * copied into the client's own metrics, so both show the same state.
 */
public final class PrometheusExposition implements AutoCloseable {
    /** The textfile's name in its directory; the node exporter reads *.prom only, so the temporary file is not read half-written. */
    public static final String TEXTFILE = "jbound.prom";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private HTTPServer server;

    public PrometheusExposition(WatchSeries series) {
        registry.register((MultiCollector) () -> snapshots(series));
    }

    /** Serves /metrics on {@code host:port} (port 0: any free one) until {@link #close}. */
    public int serve(String host, int port) throws IOException {
        server = HTTPServer.builder().inetAddress(InetAddress.getByName(host)).port(port).registry(registry).buildAndStart();
        return server.getPort();
    }

    /**
     * Writes the series to {@code dir}/{@value #TEXTFILE}: a temporary file beside it, renamed over
     * it, so the node exporter never reads half a file; readable by all (it runs as its own user).
     */
    public void writeTextfile(Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir, ".jbound-", ".prom.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                PrometheusTextFormatWriter.create().write(out, registry.scrape());
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, dir.resolve(TEXTFILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }

    static MetricSnapshots snapshots(WatchSeries series) {
        Map<WatchSeries.Family, List<WatchSeries.Point>> byFamily = new LinkedHashMap<>();
        for (WatchSeries.Point p : series.points()) byFamily.computeIfAbsent(p.family(), f -> new ArrayList<>()).add(p);
        List<MetricSnapshot> out = new ArrayList<>();
        byFamily.forEach((f, points) -> out.add(snapshot(f, points)));
        return new MetricSnapshots(out);
    }

    private static MetricSnapshot snapshot(WatchSeries.Family f, List<WatchSeries.Point> points) {
        switch (f.kind()) {
            case COUNTER -> {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(f.name()).help(f.help());
                for (WatchSeries.Point p : points) {
                    b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels(f, p)).value(p.value()).build());
                }
                return b.build();
            }
            case GAUGE -> {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(f.name()).help(f.help());
                for (WatchSeries.Point p : points) {
                    b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels(f, p)).value(p.value()).build());
                }
                return b.build();
            }
            default -> {
                InfoSnapshot.Builder b = InfoSnapshot.builder().name(f.name()).help(f.help());
                for (WatchSeries.Point p : points) b.dataPoint(new InfoSnapshot.InfoDataPointSnapshot(labels(f, p)));
                return b.build();
            }
        }
    }

    private static Labels labels(WatchSeries.Family f, WatchSeries.Point p) {
        return Labels.of(f.labelNames(), p.labelValues());
    }
}

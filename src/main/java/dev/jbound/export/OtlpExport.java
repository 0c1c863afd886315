package dev.jbound.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link WatchSeries} pushed as OTLP metrics (HTTP, protobuf) with the OpenTelemetry SDK. Each
 * watched JVM is a resource of its own ({@code service.name}: its main class's simple name,
 * {@code host.name}, {@code process.pid}, {@code container.id} where /proc shows one), so its
 * series carry the remaining labels as attributes (pool, state, lock, ...). Counters are
 * cumulative sums, the class an info-style gauge of 1, as in the Prometheus exposition; the
 * instruments are observed at each export, so a gone JVM's series end with it.
 */
public final class OtlpExport implements AutoCloseable {
    private static final String SCOPE = "dev.jbound.watch";

    /** What describes a watched JVM in OTLP. {@code containerId} may be null. */
    public record JvmResource(String serviceName, String hostName, long pid, String containerId) {
    }

    private final WatchSeries series;
    private final String url;
    private final Duration interval;
    private final Map<Long, SdkMeterProvider> providers = new HashMap<>();

    /** @param url the receiver's metrics endpoint, e.g. http://collector:4318/v1/metrics */
    public OtlpExport(WatchSeries series, String url, Duration interval) {
        this.series = series;
        this.url = url;
        this.interval = interval;
    }

    /** Whether a JVM's series are exported already. */
    public synchronized boolean exporting(long pid) {
        return providers.containsKey(pid);
    }

    /** Starts exporting a JVM's series (once; later calls for the same pid do nothing). */
    public synchronized void watch(JvmResource jvm) {
        if (providers.containsKey(jvm.pid())) return;
        AttributesBuilder attrs = Attributes.builder()
                .put(AttributeKey.stringKey("service.name"), jvm.serviceName())
                .put(AttributeKey.stringKey("host.name"), jvm.hostName())
                .put(AttributeKey.longKey("process.pid"), jvm.pid());
        if (jvm.containerId() != null) attrs.put(AttributeKey.stringKey("container.id"), jvm.containerId());
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(url).setTimeout(Duration.ofSeconds(10)).build();
        SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(attrs.build())))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(interval).build())
                .build();
        register(provider.get(SCOPE), Long.toString(jvm.pid()));
        providers.put(jvm.pid(), provider);
    }

    /** Sends what has not been sent yet, waiting at most {@code timeout}. */
    public synchronized void flush(Duration timeout) {
        providers.values().forEach(p -> p.forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The JVM has gone: its last values are sent and its resource ends. */
    public synchronized void gone(long pid) {
        SdkMeterProvider p = providers.remove(pid);
        if (p != null) p.shutdown().join(10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        providers.values().forEach(p -> p.shutdown().join(10, TimeUnit.SECONDS));
        providers.clear();
    }

    private void register(Meter meter, String pid) {
        for (WatchSeries.Family f : WatchSeries.FAMILIES) {
            if (!f.labelNames().contains("pid")) continue; // jbound's own CPU is not the JVM's
            switch (f.kind()) {
                case COUNTER -> meter.counterBuilder(f.name()).ofDoubles().setDescription(f.help())
                        .buildWithCallback(m -> observe(f, pid, m));
                case GAUGE -> meter.gaugeBuilder(f.name()).setDescription(f.help()).buildWithCallback(m -> observe(f, pid, m));
                case INFO -> meter.gaugeBuilder(f.name() + "_info").setDescription(f.help()).buildWithCallback(m -> observe(f, pid, m));
            }
        }
    }

    /** The family's points of this JVM, with the labels other than jvm and pid (the resource's) as attributes. */
    private void observe(WatchSeries.Family f, String pid, ObservableDoubleMeasurement m) {
        int pidAt = f.labelNames().indexOf("pid");
        for (WatchSeries.Point p : series.points()) {
            if (p.family() != f || !p.labelValues().get(pidAt).equals(pid)) continue;
            AttributesBuilder a = Attributes.builder();
            List<String> names = f.labelNames();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).equals("jvm") && !names.get(i).equals("pid")) a.put(names.get(i), p.labelValues().get(i));
            }
            m.record(p.value(), a.build());
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.JboundProcess;
import dev.jbound.support.servers.OtlpReceiver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** watch --otlp against a receiver that decodes OTLP/HTTP with the protocol's own classes. */
class WatchOtlpTest {

    private static Map<String, String> attributes(List<KeyValue> kvs) {
        Map<String, String> out = new HashMap<>();
        for (KeyValue kv : kvs) {
            var v = kv.getValue();
            out.put(kv.getKey(), v.hasIntValue() ? Long.toString(v.getIntValue()) : v.getStringValue());
        }
        return out;
    }

    @Test
    void eachJvmIsAResourceAndItsSeriesArriveAsSumsAndGauges() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
             RunningWorkload w = WorkloadLauncher.start(Workload.byId("lock").orElseThrow());
             JboundProcess watch = JboundProcess.start(List.of("watch", Long.toString(w.pid()), "--window", "1s", "--every", "2s",
                     "--rounds", "2", "--otlp", receiver.url()))) {
            assertThat(watch.awaitExit(Duration.ofSeconds(60))).as(watch.err()).isZero();
            List<ExportMetricsServiceRequest> got = receiver.received();
            assertThat(got).as("requests received; watch said:%n%s", watch.err()).isNotEmpty();
            ResourceMetrics rm = got.get(got.size() - 1).getResourceMetrics(0);
            Map<String, String> resource = attributes(rm.getResource().getAttributesList());
            assertThat(resource).containsEntry("service.name", "WorkloadMain").containsEntry("process.pid", Long.toString(w.pid()))
                    .containsKey("host.name");
            Map<String, Metric> metrics = new HashMap<>();
            rm.getScopeMetricsList().forEach(s -> s.getMetricsList().forEach(m -> metrics.put(m.getName(), m)));
            assertThat(metrics).containsKeys("jbound_state_seconds", "jbound_class_info", "jbound_windows", "jbound_lock_wait_seconds");
            Metric states = metrics.get("jbound_state_seconds");
            assertThat(states.hasSum()).isTrue();
            assertThat(states.getSum().getIsMonotonic()).isTrue();
            double lock = states.getSum().getDataPointsList().stream()
                    .filter(p -> "lock".equals(attributes(p.getAttributesList()).get("state"))).mapToDouble(NumberDataPoint::getAsDouble).sum();
            assertThat(lock).as("lock seconds of the lock demo").isGreaterThan(0.5);
            assertThat(metrics.get("jbound_class_info").getGauge().getDataPointsList())
                    .anyMatch(p -> attributes(p.getAttributesList()).equals(Map.of("pool", "", "class", "lock-bound")));
            assertThat(metrics.get("jbound_windows").getSum().getDataPoints(0).getAsDouble()).isEqualTo(2);
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.support.Jbound;
import dev.jbound.support.workloads.ServiceHarness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice holds when applied (DESIGN.md): closed-loop services, each with its downstream in
 * another process, are measured at a few thread counts for their best throughput; jbound attaches
 * at a too-small and a too-large count; the service then runs at the advised size. It must reach 90%
 * of the best, be at most 4× the smallest count that reaches 95% of it, and land within 30% of the
 * throughput the advice predicted. bench/run.sh advice does the same over the whole sweep and prints
 * it; here fewer points keep CI short.
 */
class AdviceTest {

    private static final long MEASURE_MILLIS = 2000;
    private static final int[] SWEEP = {4, 8, 16, 32};

    private record Best(double throughput, int smallest95) {
    }

    private static Best sweep(ServiceHarness.Shape s, int port) throws Exception {
        Map<Integer, Double> x = new LinkedHashMap<>();
        for (int n : SWEEP) x.put(n, ServiceHarness.throughput(s, port, n, MEASURE_MILLIS));
        double best = x.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int smallest = x.entrySet().stream().filter(e -> e.getValue() >= 0.95 * best).mapToInt(Map.Entry::getKey).min().orElseThrow();
        return new Best(best, smallest);
    }

    /** jbound's advice for the service's pool when it runs at {@code threads}. */
    private static JsonNode advise(ServiceHarness.Shape s, int port, int threads) throws Exception {
        try (ServiceHarness.Running service = ServiceHarness.service(s, port, threads)) {
            Thread.sleep(ServiceHarness.WARM_UP_MILLIS);
            Jbound.Run run = Jbound.run("attach", Long.toString(service.pid()), "--duration", "4s", "--format", "json");
            assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
            for (JsonNode p : run.json().get("pools")) if (p.get("name").asString().startsWith("service-")) return p.get("strategy");
            throw new AssertionError("no service pool in " + run.json().get("pools"));
        }
    }

    /** Applies the advice given at {@code threads} and checks it against the best. */
    private static void holds(ServiceHarness.Shape s, int port, Best best, int threads, boolean limitVisible) throws Exception {
        JsonNode advice = advise(s, port, threads);
        assertThat(advice.get("poolSize").isNull()).as("advice at %d threads: %s", threads, advice).isFalse();
        int advised = advice.get("poolSize").asInt();
        double measured = ServiceHarness.throughput(s, port, advised, MEASURE_MILLIS);
        String what = String.format("%s from %d threads: %s; %.0f/s at %d, best %.0f/s", s.name(), threads, advice, measured, advised,
                best.throughput());
        assertThat(measured).as(what).isGreaterThanOrEqualTo(0.9 * best.throughput());
        if (!limitVisible) {
            // nothing shows the limit: the size is the knee's, past it, so at least not short of it
            assertThat(advised).as(what).isGreaterThan(threads);
            return;
        }
        assertThat(advised).as(what).isLessThanOrEqualTo(4 * best.smallest95());
        double predicted = advice.get("prediction").get("throughputPerSecond").asDouble();
        assertThat(Math.abs(predicted - measured) / measured).as(what).isLessThanOrEqualTo(0.3);
    }

    @Test
    void aServiceWaitingOnAFixedLatencyDownstreamIsGrownAndShrunkToItsKnee() throws Exception {
        ServiceHarness.Shape s = ServiceHarness.FIXED_LATENCY;
        try (ServiceHarness.Running down = ServiceHarness.downstream(s)) {
            Best best = sweep(s, down.port());
            holds(s, down.port(), best, 2, true);
            holds(s, down.port(), best, 48, true);
        }
    }

    @Test
    void aServiceWhoseDatabaseFillsThisMachinesCoresIsToldMoreThreadsAddLatencyOnly() throws Exception {
        ServiceHarness.Shape s = ServiceHarness.LOCAL_DATABASE;
        try (ServiceHarness.Running down = ServiceHarness.downstream(s)) {
            Best best = sweep(s, down.port());
            holds(s, down.port(), best, 2, true);
            holds(s, down.port(), best, 48, true);
            JsonNode many = advise(s, down.port(), 48);
            assertThat(many.get("advice").toString()).contains("on this machine", "latency only");
        }
    }

    @Test
    void aServiceQueueingForItsConnectionPoolIsSizedToThePoolsConnections() throws Exception {
        ServiceHarness.Shape s = ServiceHarness.SMALL_CONNECTION_POOL;
        try (ServiceHarness.Running down = ServiceHarness.downstream(s)) {
            Best best = sweep(s, down.port());
            holds(s, down.port(), best, 48, true);
            // At 2 threads the pool of 4 never runs dry and holds 2 connections: nothing outside the
            // target shows it exists (its size is in the pool's configuration, not in a socket or a
            // stack), so the advice is the knee's, about 30, beside a best reached from 4-8 threads: the
            // 4× size bound and the prediction cannot hold there. The throughput does (the extra threads
            // only queue to borrow), and the advice says the downstream is unseen and to grow in steps.
            holds(s, down.port(), best, 2, false);
            assertThat(advise(s, down.port(), 2).get("advice").toString()).contains("grow in steps");
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.support.workloads.ServiceHarness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jbound.e2e.AdviceCheck.holds;
import static dev.jbound.e2e.AdviceCheck.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The advice holds when applied (AdviceCheck): closed-loop services, each with its downstream in
 * another process, from a too-small (2) and a too-large (48) thread count. bench/run.sh advice does
 * the same over the whole sweep and prints it; here fewer points keep CI short.
 */
class AdviceTest {

    private static final int[] SWEEP = {4, 8, 16, 32};

    @Test
    void aServiceWaitingOnAFixedLatencyDownstreamIsGrownAndShrunkToItsKnee() throws Exception {
        ServiceHarness.Shape shape = ServiceHarness.FIXED_LATENCY;
        try (ServiceHarness.Running down = ServiceHarness.downstream(shape)) {
            ServiceHarness.Service s = ServiceHarness.closedLoop(shape, down.port());
            AdviceCheck.Best best = sweep(s, SWEEP);
            holds(s, best, 2, true);
            holds(s, best, 48, true);
        }
    }

    @Test
    void aServiceWhoseDatabaseFillsThisMachinesCoresIsToldMoreThreadsAddLatencyOnly() throws Exception {
        ServiceHarness.Shape shape = ServiceHarness.LOCAL_DATABASE;
        try (ServiceHarness.Running down = ServiceHarness.downstream(shape)) {
            ServiceHarness.Service s = ServiceHarness.closedLoop(shape, down.port());
            AdviceCheck.Best best = sweep(s, SWEEP);
            holds(s, best, 2, true);
            assertThat(holds(s, best, 48, true).get("advice").toString()).contains("on this machine", "latency only");
        }
    }

    /**
     * A service whose unit ends in an fdatasync: the cores' knee is hundreds of threads, the disk's
     * is unseen (here ×1.85 from 2 to 8 threads, ×2.8 at 64, flat beyond). The advice is one step
     * (at most 4× the threads), the step does not lose throughput, and the prediction is a ceiling
     * the step stays under. It grew to 628 threads and promised ×209 before.
     */
    @Test
    void aServiceWaitingOnItsDiskIsGrownOneStepAndPromisedNoMoreThanACeiling() throws Exception {
        Path dir = Path.of("target", "journal-service");
        Files.createDirectories(dir);
        assumeFalse("tmpfs".equals(Files.getFileStore(dir).type()), "target/ is on tmpfs: fsync would not wait");
        ServiceHarness.Service s = ServiceHarness.journal("journal", dir, 20);
        JsonNode advice = AdviceCheck.servicePool(AdviceCheck.attach(s, 2));
        int advised = advice.get("poolSize").asInt();
        String what = advice.toString();
        assertThat(advised).as(what).isBetween(3, 8);
        assertThat(what).contains("storage", "grow in steps");
        double before = Math.max(ServiceHarness.throughput(s, 2, AdviceCheck.MEASURE_MILLIS), ServiceHarness.throughput(s, 2, AdviceCheck.MEASURE_MILLIS));
        double after = Math.max(ServiceHarness.throughput(s, advised, AdviceCheck.MEASURE_MILLIS),
                ServiceHarness.throughput(s, advised, AdviceCheck.MEASURE_MILLIS));
        String measured = String.format("%s; %.0f/s at 2 threads, %.0f/s at %d", what, before, after, advised);
        System.out.printf("journal service: %.0f/s at 2 threads, %.0f/s at the advised %d, predicted at most %.0f/s%n", before, after,
                advised, advice.get("prediction").get("throughputPerSecond").asDouble());
        assertThat(after).as(measured).isGreaterThanOrEqualTo(0.9 * before);
        assertThat(after).as(measured).isLessThanOrEqualTo(1.3 * advice.get("prediction").get("throughputPerSecond").asDouble());
    }

    @Test
    void aServiceQueueingForItsConnectionPoolIsSizedToThePoolsConnections() throws Exception {
        ServiceHarness.Shape shape = ServiceHarness.SMALL_CONNECTION_POOL;
        try (ServiceHarness.Running down = ServiceHarness.downstream(shape)) {
            ServiceHarness.Service s = ServiceHarness.closedLoop(shape, down.port());
            AdviceCheck.Best best = sweep(s, SWEEP);
            holds(s, best, 48, true);
            // At 2 threads the pool of 4 never runs dry and holds 2 connections: nothing outside the
            // target shows it exists (its size is in the pool's configuration, not in a socket or a
            // stack), so the advice is the knee's, about 30, beside a best reached from 4-8 threads: the
            // 4× size bound and the prediction cannot hold there. The throughput does (the extra threads
            // only queue to borrow), and the advice says the downstream is unseen and to grow in steps.
            assertThat(holds(s, best, 2, false).get("advice").toString()).contains("grow in steps");
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.support.workloads.ServiceHarness;
import org.junit.jupiter.api.Test;

import static dev.jbound.e2e.AdviceCheck.holds;
import static dev.jbound.e2e.AdviceCheck.sweep;
import static org.assertj.core.api.Assertions.assertThat;

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

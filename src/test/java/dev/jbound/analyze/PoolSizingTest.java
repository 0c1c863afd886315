package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Endpoint;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The pool model: the knee, the size around it, the limits that cap it, the throughput to expect. */
class PoolSizingTest {
    private static final long S = 1_000_000_000L;
    private static final long WINDOW = 5 * S;
    private static final IoShare DB = new IoShare(IoTarget.endpoint("10.0.0.5:5432"), 10 * S, 1.0, 2, new Endpoint("10.0.0.5:5432", 2, 0, ""));

    /** n threads over a 5 s window spending each thread-second cpu/io/runqueue/lock as given. */
    private static Breakdown pool(int n, double cpu, double io, double runq, double lock) {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        m.put(ThreadState.CPU, Math.round(n * WINDOW * cpu));
        m.put(ThreadState.IO, Math.round(n * WINDOW * io));
        m.put(ThreadState.RUNQUEUE, Math.round(n * WINDOW * runq));
        m.put(ThreadState.LOCK, Math.round(n * WINDOW * lock));
        return Breakdown.of(m);
    }

    private static PoolSizing.Load load(Breakdown b, int n, double perSecond, List<IoShare> io) {
        return new PoolSizing.Load(b, n, 2, 2, 0, WINDOW, perSecond, 0, null, io, -1);
    }

    @Test
    void aPoolShortOfTheKneeGrowsToItWithHeadroomAndExpectsTheThroughputThatBrings() {
        // 2 threads, 4 ms CPU + 20 ms wait a request: C/(C+W) = 1/6 of a core each, so 2 cores fill at 12
        PoolSizing.Sizing z = PoolSizing.of(load(pool(2, 4.0 / 24, 20.0 / 24, 0, 0), 2, 83, List.of(DB)));
        assertThat(z.knee()).isEqualTo(12);
        assertThat(z.advised()).isEqualTo(18);
        assertThat(z.direction()).isEqualTo(PoolSizing.Direction.GROW);
        // throughput grows with the threads up to the knee: 12 / 2 = 6×
        assertThat(z.prediction().throughputRatio()).isCloseTo(6.0, offset(1e-6));
        assertThat(z.prediction().throughputPerSecond()).isCloseTo(498, offset(1.0));
        assertThat(z.prediction().assumption()).contains("saturate near 12 threads", "if 10.0.0.5:5432 keeps its 20 ms a request");
        assertThat(z.formula()).isEqualTo("N* = free cores × (1 + W/C) = 2 × (1 + 5.0) ≈ 12; advised N* × 1.5 = 18 (headroom for uneven work)");
        // 18 is 9× the 2 in flight now: the downstream's keeping its latency is said to be an assumption
        assertThat(z.notes()).singleElement().asString().contains("grow in steps", "jbound diff");
    }

    @Test
    void aPoolWaitingOnStorageGrowsOneStepAtATimeAndItsPredictionIsACeiling() {
        // demo disk as measured: 2 threads, 1.2 µs CPU and 0.25 ms in fsync a write, 8,000 writes a second
        double c = 0.0012 / 0.2512, w = 0.25 / 0.2512;
        IoShare file = new IoShare(IoTarget.file("/var/tmp/wal/000004.log"), 10 * S, 1.0, 2, null);
        PoolSizing.Sizing z = PoolSizing.of(load(pool(2, c, w, 0, 0), 2, 8000, List.of(file)));
        assertThat(z.knee()).isGreaterThan(400); // the cores' knee: what the threads' waits alone would allow
        assertThat(z.advised()).isEqualTo(8);
        assertThat(z.direction()).isEqualTo(PoolSizing.Direction.GROW);
        assertThat(z.limit()).contains("storage (/var/tmp/wal/000004.log)", "grow in steps (to 8 now)", "jbound diff");
        assertThat(z.prediction().throughputRatio()).isCloseTo(4.0, offset(1e-6));
        assertThat(z.prediction().assumption())
                .isEqualTo("if /var/tmp/wal/000004.log keeps its 0.25 ms a request with 4× the requests in flight; a device seldom does, so this is a ceiling");
        // a writer waiting for another's flush is storage too; an endpoint is not held to the step
        IoShare flush = new IoShare(new IoTarget(IoTarget.Kind.ANOTHER_THREADS_IO, "another thread's write"), 10 * S, 1.0, 2, null);
        assertThat(PoolSizing.of(load(pool(2, c, w, 0, 0), 2, 8000, List.of(flush))).advised()).isEqualTo(8);
        assertThat(PoolSizing.of(load(pool(2, c, w, 0, 0), 2, 8000, List.of(DB))).advised()).isGreaterThan(400);
        // within a step of the knee, the knee's size stands
        PoolSizing.Sizing near = PoolSizing.of(load(pool(6, 4.0 / 24, 20.0 / 24, 0, 0), 6, 250, List.of(file)));
        assertThat(near.limit()).isNull();
        assertThat(near.advised()).isEqualTo(18);
    }

    @Test
    void aPoolPastTheKneeShrinksToItNotToTheCoreCountAndLosesNoThroughput() {
        // 64 threads queue for 2 cores: each spends 4 ms on a CPU and 20 ms waiting per 136 ms
        PoolSizing.Sizing z = PoolSizing.of(load(pool(64, 4.0 / 136, 20.0 / 136, 112.0 / 136, 0), 64, 470, List.of(DB)));
        assertThat(z.knee()).isEqualTo(12);
        // measured while queueing 82% of the time, its waits read short: twice the knee
        assertThat(z.advised()).isEqualTo(24);
        assertThat(z.formula()).endsWith("N* × 2.0 = 24 (headroom: measured while threads queue, the waits read short)");
        assertThat(z.direction()).isEqualTo(PoolSizing.Direction.SHRINK);
        // throughput is the cores' either way: 12 unqueued threads do what 64 queueing ones did
        assertThat(z.prediction().throughputRatio()).isCloseTo(12 * 136.0 / (64 * 24), offset(1e-6));
    }

    @Test
    void whatTheRestOfTheProcessUsesIsNotFreeForThePool() {
        Breakdown b = pool(2, 4.0 / 24, 20.0 / 24, 0, 0);
        PoolSizing.Sizing z = PoolSizing.of(new PoolSizing.Load(b, 2, 2, 2, 1.0, WINDOW, Double.NaN, 0, null, List.of(DB), -1));
        assertThat(z.knee()).isEqualTo(6); // one core left: 1 × 6
        assertThat(Double.isNaN(z.prediction().throughputPerSecond())).isTrue();
    }

    @Test
    void threadsQueueingToBorrowAConnectionAreCappedByThePoolsConnections() {
        // 64 threads, 4 connections: 2 ms CPU, 20 ms on a connection, the rest queueing to borrow one
        Breakdown b = pool(64, 2.0 / 335, 20.0 / 335, 0, 313.0 / 335);
        IoShare four = new IoShare(IoTarget.endpoint("127.0.0.1:5432"), S, 1.0, 64, new Endpoint("127.0.0.1:5432", 4, 0, ""));
        long borrow = b.nanos(ThreadState.LOCK);
        PoolSizing.Sizing z = PoolSizing.of(new PoolSizing.Load(b, 64, 2, 2, 0, WINDOW, 191, borrow, "commons-pool2", List.of(four), -1));
        // 4 connections each held 20 of every 22 ms: 4 × 22 / 20 = 4.4 threads keep them busy
        assertThat(z.advised()).isEqualTo(5);
        assertThat(z.direction()).isEqualTo(PoolSizing.Direction.SHRINK);
        assertThat(z.limit()).contains("commons-pool2 connection pool holds 4 connections to 127.0.0.1:5432", "beyond 5 threads");
        assertThat(z.prediction().throughputRatio()).isCloseTo(1.0, offset(0.05));
    }

    @Test
    void threadsWhoseWaitsGoThroughAConnectionPoolAreNotGrownPastWhatItsConnectionsServe() {
        // 1 thread, 2 ms CPU + 20 ms query through HikariCP, which holds 4 connections: no borrow waits yet
        Breakdown b = pool(1, 2.0 / 22, 20.0 / 22, 0, 0);
        IoShare four = new IoShare(IoTarget.endpoint("10.0.0.5:5432"), S, 1.0, 1, new Endpoint("10.0.0.5:5432", 4, 0, ""));
        PoolSizing.Sizing z = PoolSizing.of(new PoolSizing.Load(b, 1, 2, 2, 0, WINDOW, 45, 0, null, List.of(four), -1, "HikariCP"));
        // 4 connections keep 4 × 22 / 20 = 4.4 threads busy: the knee (22) is out of their reach
        assertThat(z.advised()).isEqualTo(5);
        assertThat(z.limit()).contains("through HikariCP's pool, which holds 4 connections to it now", "beyond 5 threads",
                "raise its maximum towards 20 connections");
        assertThat(z.prediction().throughputRatio()).isCloseTo(4.4, offset(1e-6));
        // without the pool's frames on the waits, the connections open now say nothing of a limit
        PoolSizing.Sizing free = PoolSizing.of(new PoolSizing.Load(b, 1, 2, 2, 0, WINDOW, 45, 0, null, List.of(four), -1, null));
        assertThat(free.advised()).isEqualTo(33);
        assertThat(free.limit()).isNull();
        // a connection per thread: the pool grows with the threads, so it is told to, not taken for a cap
        IoShare one = new IoShare(IoTarget.endpoint("10.0.0.5:5432"), S, 1.0, 1, new Endpoint("10.0.0.5:5432", 1, 0, ""));
        PoolSizing.Sizing each = PoolSizing.of(new PoolSizing.Load(b, 1, 2, 2, 0, WINDOW, 45, 0, null, List.of(one), -1, "HikariCP"));
        assertThat(each.advised()).isEqualTo(33);
        assertThat(each.limit()).isNull();
        assertThat(each.notes()).anyMatch(n -> n.contains("holds 1 connection to it now: raise its maximum with the threads, to at least 30"));
    }

    @Test
    void aPeerOnThisMachineFillingTheCoresIsTheLimitAndMoreThreadsAddOnlyLatency() {
        // 64 threads wait on a local database whose processes use 1.6 of the 2 cores
        Breakdown b = pool(64, 0.5 / 150, 149.5 / 150, 0, 0);
        IoShare local = new IoShare(IoTarget.endpoint("127.0.0.1:5432"), S, 1.0, 64, new Endpoint("127.0.0.1:5432", 64, 812, "postgres", 1.6));
        PoolSizing.Sizing z = PoolSizing.of(new PoolSizing.Load(b, 64, 2, 2, 0.1, WINDOW, 417, 0, null, List.of(local), -1));
        assertThat(z.limit()).contains("postgres (pid 812) on this machine", "1.6 of its 2 cores", "latency only");
        assertThat(z.direction()).isEqualTo(PoolSizing.Direction.SHRINK);
        assertThat(z.advised()).isBetween(2, 4);
        assertThat(z.prediction().throughputRatio()).isEqualTo(1.0);
    }

    @Test
    void aPeerOnThisMachineWithCoresToSpareSharesThemWithThePoolAtTheKnee() {
        // 1 thread: 0.3 ms CPU, then 2.3 ms waiting on a local database that computes 2 ms of it
        Breakdown b = pool(1, 0.3 / 2.6, 2.3 / 2.6, 0, 0);
        IoShare local = new IoShare(IoTarget.endpoint("127.0.0.1:5432"), S, 1.0, 1, new Endpoint("127.0.0.1:5432", 1, 812, "postgres", 2.0 / 2.6));
        PoolSizing.Sizing z = PoolSizing.of(new PoolSizing.Load(b, 1, 2, 2, 0, WINDOW, 385, 0, null, List.of(local), 0.9));
        // each thread in flight demands 0.3/2.6 of a core here and 2/2.6 in the database: 2 cores fill near 2.3 threads
        assertThat(z.knee()).isEqualTo(2);
        assertThat(z.advised()).isEqualTo(4);
        assertThat(z.limit()).as("not full yet: no limit, the shared cores are the knee").isNull();
        assertThat(z.formula()).startsWith("N* = free cores / (C/(C+W) + the peer's cores per thread) = 2 / (0.12 + 0.77) ≈ 2,")
                .contains("postgres (pid 812) on this machine");
        assertThat(z.prediction().throughputRatio()).isCloseTo(2.0 / (2.3 / 2.6), offset(1e-3));
        assertThat(z.prediction().assumption()).contains("shared with postgres (pid 812)", "saturate near 2 threads");
    }

    @Test
    void threadsThatHardlyComputeHaveNoKneeWithinReach() {
        PoolSizing.Sizing z = PoolSizing.of(load(pool(8, 0, 1, 0, 0), 8, Double.NaN, List.of(DB)));
        assertThat(z.knee()).isEqualTo(StrategyAdvisor.MAX_ADVISED_POOL);
        assertThat(z.advised()).isEqualTo(StrategyAdvisor.MAX_ADVISED_POOL);
        assertThat(z.formula()).contains("W/C over 10000", "≈ over 10000");
        assertThat(z.prediction()).as("no knee to predict from").isNull();
    }
}

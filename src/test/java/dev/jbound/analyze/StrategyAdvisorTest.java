package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.FrameCount;
import dev.jbound.model.LockSite;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each class's strategy from a pool's measured time (PoolSizingTest covers the model's arithmetic). */
class StrategyAdvisorTest {
    private static final long MS = 1_000_000L;
    private static final long WINDOW = 5_000 * MS;

    private static Breakdown b(Object... stateMillis) {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        for (int i = 0; i < stateMillis.length; i += 2) m.put((ThreadState) stateMillis[i], ((Number) stateMillis[i + 1]).longValue() * MS);
        return Breakdown.of(m);
    }

    private static Strategy advise(WorkloadClass c, Breakdown b, int threads, int jdk, List<LockSite> locks, long borrowNanos) {
        var load = new PoolSizing.Load(b, threads, 2, 2, 0, WINDOW, Double.NaN, borrowNanos, borrowNanos > 0 ? "HikariCP" : null, List.of(), -1);
        var facts = new StrategyAdvisor.Facts(b, 2, false, (double) b.activeNanos() / WINDOW, threads,
                List.of(new FrameCount("Codec.encode", 100 * MS, 5)), List.of(new FrameCount("Repo.load", 100 * MS, 5)), locks, jdk, false, load);
        return StrategyAdvisor.advise(new Verdict(c, 0.9, "", null), facts);
    }

    @Test
    void ioBoundGrowsToTheKneeWithTheExpectedThroughputAndItsAssumption() {
        // 2 threads: 4 ms of CPU, 20 ms of I/O a request
        Strategy s = advise(WorkloadClass.IO_BOUND, b(ThreadState.CPU, 1667, ThreadState.IO, 8333), 2, 17, List.of(), 0);
        assertThat(s.headline()).isEqualTo("grow the pool to 18");
        assertThat(s.poolSize()).isEqualTo(18);
        assertThat(s.poolSizeFormula()).startsWith("N* = free cores × (1 + W/C) = 2 × (1 + 5.0) ≈ 12");
        assertThat(s.prediction().throughputRatio()).isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.advice()).anyMatch(a -> a.startsWith("expect up to about 6.0× the throughput at 18 threads: the 2 free cores saturate near 12"));
        assertThat(s.advice()).anyMatch(a -> a.equals("waits on: Repo.load"));
    }

    @Test
    void threadsThatHardlyComputeAreToldToUseVirtualThreadsWithWhatPlatformThreadsCost() {
        Strategy s = advise(WorkloadClass.IO_BOUND, b(ThreadState.IO, 10_000), 2, 21, List.of(), 0);
        assertThat(s.headline()).isEqualTo("use virtual threads (JDK 21+) or grow the pool to 10000");
        assertThat(s.advice()).anyMatch(a -> a.contains("10000 platform threads reserve 10000 MiB of stack"));
        Strategy old = advise(WorkloadClass.IO_BOUND, b(ThreadState.IO, 10_000), 2, 17, List.of(), 0);
        assertThat(old.headline()).isEqualTo("grow the pool to 10000 (or move to JDK 21+ for virtual threads)");
    }

    @Test
    void cpuSaturatedThreadsThatAlsoWaitShrinkToTheKneeNotToTheCores() {
        // 64 threads queueing: 4 ms of CPU, 20 ms of I/O and 112 ms in the run queue per request
        Strategy s = advise(WorkloadClass.CPU_SATURATED, b(ThreadState.CPU, 9_412, ThreadState.IO, 47_059, ThreadState.RUNQUEUE, 263_529),
                64, 17, List.of(), 0);
        // the knee is 12; measured while queueing, twice it for the waits that read short
        assertThat(s.headline()).isEqualTo("shrink the pool to 24: the knee, not the core count, as its threads also wait");
        assertThat(s.poolSize()).isEqualTo(24);
    }

    @Test
    void cpuSaturatedThreadsThatOnlyComputeShrinkToTheCores() {
        Strategy s = advise(WorkloadClass.CPU_SATURATED, b(ThreadState.CPU, 10_000, ThreadState.RUNQUEUE, 30_000), 8, 17, List.of(), 0);
        assertThat(s.headline()).isEqualTo("shrink the pool to 2");
        assertThat(s.poolSizeFormula()).isEqualTo("N = cores = 2");
    }

    @Test
    void aFrameWithAMereSliverOfTheHottestsTimeIsNotNamed() {
        Breakdown b = b(ThreadState.CPU, 10_000);
        var facts = new StrategyAdvisor.Facts(b, 2, false, 2.0, 2,
                List.of(new FrameCount("Sha.compress", 930 * MS, 93), new FrameCount("Sha.pad", 70 * MS, 7),
                        new FrameCount("Burst.loop", 10 * MS, 1)), List.of(), List.of(), 17, false);
        Strategy s = StrategyAdvisor.advise(new Verdict(WorkloadClass.CPU_BOUND, 0.9, "", null), facts);
        // 70 ms is 7.5% of the hottest's 930: named; 10 ms, 1%, is not
        assertThat(s.advice()).contains("optimise the hottest methods: Sha.compress, Sha.pad");
    }

    @Test
    void cpuBoundParallelisesASingleThreadAndSizesAPoolToTheCores() {
        Strategy one = advise(WorkloadClass.CPU_BOUND, b(ThreadState.CPU, 5_000), 1, 17, List.of(), 0);
        assertThat(one.headline()).isEqualTo("parallelise: pool = cores = 2");
        assertThat(one.advice()).anyMatch(a -> a.startsWith("optimise the hottest methods: Codec.encode"));
        Strategy many = advise(WorkloadClass.CPU_BOUND, b(ThreadState.CPU, 10_000), 2, 17, List.of(), 0);
        assertThat(many.headline()).isEqualTo("pool = cores = 2");
    }

    @Test
    void lockBoundNamesTheLockAndAmdahlsBound() {
        LockSite site = new LockSite("java.lang.Object", "OrderBook.add", 3_500 * MS, 120, List.of("w-1", "w-2"), "w-3", "OrderBook.match");
        Strategy s = advise(WorkloadClass.LOCK_BOUND, b(ThreadState.CPU, 3_000, ThreadState.LOCK, 7_000), 4, 17, List.of(site), 0);
        assertThat(s.headline()).isEqualTo("70% of active time waits on `Object`");
        assertThat(s.advice()).anyMatch(a -> a.contains("held by w-3 in OrderBook.match"))
                .anyMatch(a -> a.contains("at most about 1.4×"));
        assertThat(s.poolSize()).isNull();
    }

    @Test
    void threadsQueueingForAConnectionPoolAreSizedToItsConnections() {
        Breakdown b = b(ThreadState.CPU, 300, ThreadState.IO, 3_000, ThreadState.LOCK, 46_700);
        Strategy s = advise(WorkloadClass.LOCK_BOUND, b, 10, 17, List.of(), 46_700 * MS);
        // without the OS's count of connections, Little's law gives the ones busy at once: 10 threads × 6% in I/O = 1
        assertThat(s.headline()).isEqualTo("shrink the pool to 2: its threads queue for the connection pool's few connections");
        assertThat(s.advice()).anyMatch(a -> a.contains("the HikariCP connection pool holds 1 connection to its downstream"));
    }

    @Test
    void gcBoundIdleAndMixedSayWhatToDoWithoutAPoolSize() {
        Strategy gc = advise(WorkloadClass.GC_BOUND, b(ThreadState.GC, 6_000, ThreadState.CPU, 4_000), 2, 17, List.of(), 0);
        assertThat(gc.headline()).isEqualTo("reduce allocation or give the heap room");
        assertThat(gc.poolSize()).isNull();
        Strategy idle = advise(WorkloadClass.IDLE, b(ThreadState.WAIT, 10_000), 2, 17, List.of(), 0);
        assertThat(idle.headline()).startsWith("nothing to tune in this JVM");
        Strategy mixed = advise(WorkloadClass.MIXED, b(ThreadState.CPU, 5_000, ThreadState.IO, 5_000), 4, 17, List.of(), 0);
        assertThat(mixed.headline()).isEqualTo("split CPU and I/O work into separate pools");
        assertThat(mixed.advice()).anyMatch(a -> a.startsWith("I/O waits on: Repo.load"));
    }
}

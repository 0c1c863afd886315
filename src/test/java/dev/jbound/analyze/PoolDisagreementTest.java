package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.PoolRow;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When pools that want opposite advice make the process mixed, and when one of them is too small to be a stage. */
class PoolDisagreementTest {
    private static final long MS = 1_000_000L;

    private static Breakdown b(long cpuMs, long runqueueMs, long ioMs) {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        m.put(ThreadState.CPU, cpuMs * MS);
        m.put(ThreadState.RUNQUEUE, runqueueMs * MS);
        m.put(ThreadState.IO, ioMs * MS);
        return Breakdown.of(m);
    }

    private static PoolRow pool(String name, WorkloadClass c, Breakdown b) {
        return new PoolRow(name, 2, 2, b, new Verdict(c, 1.0, "", null), null, List.of());
    }

    @Test
    void twentyFourWaitingThreadsBesideTwoThatFillTheCoresAreMixedHoweverFewTheTwoAre() {
        PoolRow compute = pool("compute-*", WorkloadClass.CPU_BOUND, b(5300, 700, 0));
        PoolRow requests = pool("request-*", WorkloadClass.IO_BOUND, b(130, 260, 73_600));
        Breakdown app = compute.breakdown().plus(requests.breakdown());
        Verdict process = new Verdict(WorkloadClass.IO_BOUND, 0.93, "93% of active time is io", null);
        assertThat(PoolDisagreement.of(process, app, List.of(requests, compute))).get()
                .satisfies(v -> assertThat(v.workloadClass()).isEqualTo(WorkloadClass.MIXED))
                .satisfies(v -> assertThat(v.evidence()).startsWith("pools disagree: compute-* is cpu-bound"));
    }

    @Test
    void aMainThreadsStartUpReadsBesideComputingWorkersAreNoStageToSize() {
        // `check -- java ...`: main read its classes and printed "ready" (0.2 s), two workers hashed 3.9 s
        PoolRow workers = pool("hash-worker-*", WorkloadClass.CPU_BOUND, b(3600, 300, 0));
        PoolRow main = pool("main", WorkloadClass.IO_BOUND, b(0, 0, 200));
        Breakdown app = workers.breakdown().plus(main.breakdown());
        Verdict process = new Verdict(WorkloadClass.CPU_BOUND, 0.99, "", null);
        assertThat(PoolDisagreement.of(process, app, List.of(workers, main))).isEmpty();
    }
}

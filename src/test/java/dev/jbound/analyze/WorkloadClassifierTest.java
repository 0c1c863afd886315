package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadClassifierTest {
    private static final long S = 1_000_000_000L;
    private static final long WINDOW = 10 * S;

    private static Breakdown b(Object... stateSeconds) {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        for (int i = 0; i < stateSeconds.length; i += 2) {
            m.put((ThreadState) stateSeconds[i], (long) (((Number) stateSeconds[i + 1]).doubleValue() * S));
        }
        return Breakdown.of(m);
    }

    private static Verdict classify(Breakdown b) {
        return WorkloadClassifier.classify(b, WINDOW, 4, -1, 1000);
    }

    @Test
    void aDominantStateDecides() {
        assertThat(classify(b(ThreadState.CPU, 30, ThreadState.IO, 2)).workloadClass()).isEqualTo(WorkloadClass.CPU_BOUND);
        assertThat(classify(b(ThreadState.IO, 70, ThreadState.CPU, 5)).workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
        assertThat(classify(b(ThreadState.LOCK, 30, ThreadState.CPU, 10)).workloadClass()).isEqualTo(WorkloadClass.LOCK_BOUND);
    }

    @Test
    void waitingForWorkIsNotLoad() {
        Verdict v = classify(b(ThreadState.WAIT, 2000, ThreadState.IO, 20, ThreadState.CPU, 2));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
    }

    @Test
    void almostNothingBusyIsIdle() {
        Verdict v = classify(b(ThreadState.WAIT, 2000, ThreadState.CPU, 0.2));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.IDLE);
        assertThat(classify(Breakdown.EMPTY).workloadClass()).isEqualTo(WorkloadClass.IDLE);
    }

    @Test
    void gcAboveItsShareWinsEvenWhenNotTheLargest() {
        Verdict v = classify(b(ThreadState.GC, 9, ThreadState.CPU, 11));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.GC_BOUND);
        assertThat(v.secondary()).isEqualTo(WorkloadClass.CPU_BOUND);
    }

    @Test
    void aLockShareOfFortyPercentIsLockBoundWithoutDominating() {
        Verdict v = classify(b(ThreadState.LOCK, 4.5, ThreadState.CPU, 3, ThreadState.IO, 2.5));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.LOCK_BOUND);
    }

    @Test
    void runQueueDelayOfItsOwnMakingIsSaturation() {
        // 4 cores, 8 threads wanting CPU all window: demand 8 > 4
        Verdict v = classify(b(ThreadState.CPU, 40, ThreadState.RUNQUEUE, 40));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.CPU_SATURATED);
    }

    @Test
    void runQueueDelayCausedByOtherProcessesIsLeftOut() {
        // 4 threads always runnable on 4 cores queue only because of others; 1.4 threads even more so
        assertThat(WorkloadClassifier.othersQueueUs(b(ThreadState.CPU, 10, ThreadState.RUNQUEUE, 30), WINDOW, 4, -1)).isTrue();
        Breakdown b = b(ThreadState.IO, 10, ThreadState.RUNQUEUE, 8, ThreadState.CPU, 6);
        assertThat(WorkloadClassifier.othersQueueUs(b, WINDOW, 4, -1)).isTrue();
        // 6 threads runnable on 4 cores but the process used only 2 of them: the rest went to others
        Breakdown halfServed = b(ThreadState.CPU, 20, ThreadState.RUNQUEUE, 40, ThreadState.LOCK, 30);
        assertThat(WorkloadClassifier.othersQueueUs(halfServed, WINDOW, 4, 20 * S)).isTrue();
        assertThat(WorkloadClassifier.classify(halfServed, WINDOW, 4, 20 * S, 1000).workloadClass())
                .isEqualTo(WorkloadClass.LOCK_BOUND);
        assertThat(classify(b).workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
    }

    @Test
    void theEvidenceSaysHowMuchQueueingItLeftOutWheneverTheBarsShowIt() {
        // 2 threads on 4 cores, 2% queued behind others: the bars read cpu 98%, the verdict 100%
        Breakdown small = b(ThreadState.CPU, 19.6, ThreadState.RUNQUEUE, 0.4);
        Verdict v = WorkloadClassifier.classify(small, WINDOW, 4, (long) (19.6 * S), 1000);
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.CPU_BOUND);
        assertThat(v.evidence()).isEqualTo("100% of active time is cpu, leaving out the 2% queued behind other processes");
        // none queued: nothing to say
        assertThat(WorkloadClassifier.classify(b(ThreadState.CPU, 20), WINDOW, 4, 20 * S, 1000).evidence())
                .isEqualTo("100% of active time is cpu");
    }

    @Test
    void anEvenSplitIsMixed() {
        Verdict v = classify(b(ThreadState.CPU, 11, ThreadState.IO, 9));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.MIXED);
        assertThat(v.evidence()).contains("cpu 55%", "io 45%");
    }

    @Test
    void allCoresBusyMakesCpuBoundUnlessTheRunnerUpIsSubstantial() {
        Breakdown cpuAndSomeLock = b(ThreadState.CPU, 20, ThreadState.LOCK, 14, ThreadState.IO, 6);
        assertThat(WorkloadClassifier.classify(cpuAndSomeLock, WINDOW, 2, 19 * S, 1000).workloadClass())
                .isEqualTo(WorkloadClass.CPU_BOUND);
        Breakdown cpuAndIo = b(ThreadState.CPU, 22, ThreadState.IO, 18);
        assertThat(WorkloadClassifier.classify(cpuAndIo, WINDOW, 2, 19 * S, 1000).workloadClass())
                .isEqualTo(WorkloadClass.MIXED);
    }

    @Test
    void fewSamplesLowerConfidence() {
        Breakdown io = b(ThreadState.IO, 70, ThreadState.CPU, 5);
        double many = WorkloadClassifier.classify(io, WINDOW, 4, -1, 1000).confidence();
        double few = WorkloadClassifier.classify(io, WINDOW, 4, -1, 20).confidence();
        assertThat(few).isLessThan(many / 5);
    }
}

package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyAdvisorTest {
    private static final long MS = 1_000_000L;

    private static Strategy io(long cpuMs, long ioMs) {
        Breakdown b = Breakdown.of(Map.of(ThreadState.CPU, cpuMs * MS, ThreadState.IO, ioMs * MS));
        var facts = new StrategyAdvisor.Facts(b, 2, false, 1.0, 4, List.of(), List.of(), List.of(), 17, false);
        return StrategyAdvisor.advise(new Verdict(WorkloadClass.IO_BOUND, 0.9, "io", null), facts);
    }

    @Test
    void thePoolSizeFollowsTheMeasuredWaitOverCompute() {
        Strategy s = io(1000, 9000); // W/C = 9: N = 2 × 0.8 × 10 = 16
        assertThat(s.poolSize()).isEqualTo(16);
        assertThat(s.poolSizeFormula()).isEqualTo("N = cores × U × (1 + W/C) = 2 × 0.8 × (1 + 9.0) ≈ 16");
        assertThat(s.advice()).anyMatch(a -> a.startsWith("threads wait 9.0× as long for I/O"));
    }

    @Test
    void threadsThatComputeNextToNothingGetTheCappedPoolAndNoRatioInTheBillions() {
        Strategy s = io(0, 4000);
        assertThat(s.poolSize()).isEqualTo(StrategyAdvisor.MAX_ADVISED_POOL);
        assertThat(s.poolSizeFormula()).isEqualTo("N = cores × U × (1 + W/C) = 2 × 0.8 × (1 + over 10000) ≈ 10000 (capped)");
        assertThat(s.advice()).anyMatch(a -> a.startsWith("threads wait over 10000× as long for I/O"));
    }
}

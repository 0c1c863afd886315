package dev.jbound.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuBudgetTest {

    @Test
    void effectiveIsTheSmallestOfMachineAffinityAndQuota() {
        assertThat(CpuBudget.of(16, 4, 2.5, 0, 0).effectiveCpus()).isEqualTo(2.5);
        assertThat(CpuBudget.of(16, 4, Double.NaN, 0, 0).effectiveCpus()).isEqualTo(4.0);
        assertThat(CpuBudget.of(16, 4, 8.0, 0, 0).effectiveCpus()).isEqualTo(4.0);
        assertThat(CpuBudget.of(2, -1, Double.NaN, -1, -1).effectiveCpus()).isEqualTo(2.0);
    }

    @Test
    void throttledWhenEitherCounterMoved() {
        assertThat(CpuBudget.of(4, 4, 1.0, 3, 1_000_000).throttled()).isTrue();
        assertThat(CpuBudget.of(4, 4, 1.0, 0, 0).throttled()).isFalse();
        assertThat(CpuBudget.of(4, 4, Double.NaN, -1, -1).throttled()).isFalse();
        assertThat(CpuBudget.of(4, 4, Double.NaN, -1, -1).hasQuota()).isFalse();
    }
}

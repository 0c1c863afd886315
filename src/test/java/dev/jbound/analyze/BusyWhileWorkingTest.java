package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Phases;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * How many threads a workload keeps busy while it works, which decides "parallelise": over the
 * window for a steady one; for one in bursts, the median over the slices that worked, so the pauses
 * between bursts and a burst's partial first and last slices do not read as work too narrow.
 */
class BusyWhileWorkingTest {
    private static final long S = 1_000_000_000L;

    /** One-second slices with these busy threads (0: idle), and the phases they make. */
    private static Phases slices(double... busy) {
        List<Phases.Slice> slices = new ArrayList<>();
        List<Phases.Phase> phases = new ArrayList<>();
        for (int i = 0; i < busy.length; i++) {
            WorkloadClass c = busy[i] == 0 ? WorkloadClass.IDLE : WorkloadClass.CPU_BOUND;
            slices.add(new Phases.Slice(i * S, S, Breakdown.of(Map.of(ThreadState.CPU, Math.round(busy[i] * S))), c));
            if (phases.isEmpty() || phases.get(phases.size() - 1).workloadClass() != c) phases.add(new Phases.Phase(i * S, S, c));
        }
        return new Phases(S, slices, phases, List.of());
    }

    @Test
    void burstsThatFillTheCoresAreNotNarrowWork() {
        // demo burst as recorded: two workers, 3 s on, 3 s off, the bursts' edges cut by the slices
        Phases p = slices(1.84, 0.26, 0, 0, 1.66, 1.98, 1.96, 0.28);
        assertThat(Analyzer.busyWhileWorking(p, 0.99)).isCloseTo(1.75, offset(1e-9));
    }

    @Test
    void oneThreadInBurstsStaysOneThread() {
        assertThat(Analyzer.busyWhileWorking(slices(1.0, 1.0, 0, 0, 0.98, 1.0, 0.3), 0.61)).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void aSteadyWorkloadIsTakenOverTheWindow() {
        assertThat(Analyzer.busyWhileWorking(slices(1.0, 1.9, 1.0, 1.9), 1.45)).isEqualTo(1.45);
        assertThat(Analyzer.busyWhileWorking(Phases.NONE, 1.2)).isEqualTo(1.2);
    }
}

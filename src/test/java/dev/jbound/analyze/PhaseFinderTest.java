package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Phases;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jbound.model.WorkloadClass.CPU_BOUND;
import static dev.jbound.model.WorkloadClass.GC_BOUND;
import static dev.jbound.model.WorkloadClass.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

/** How slices become phases: runs of one class, with one-slice flickers absorbed. */
class PhaseFinderTest {
    private static final long S = 1_000_000_000L;

    private static List<Phases.Slice> slices(WorkloadClass... classes) {
        List<Phases.Slice> out = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) out.add(new Phases.Slice(i * S, S, Breakdown.EMPTY, classes[i]));
        return out;
    }

    private static List<String> describe(List<Phases.Phase> phases) {
        return phases.stream().map(p -> p.workloadClass().label() + " " + p.offsetNanos() / S + "+" + p.lengthNanos() / S).toList();
    }

    @Test
    void runsOfOneClassArePhasesThatTileTheWindow() {
        assertThat(describe(PhaseFinder.phases(slices(IDLE, IDLE, CPU_BOUND, CPU_BOUND, CPU_BOUND, GC_BOUND, GC_BOUND))))
                .containsExactly("idle 0+2", "cpu-bound 2+3", "gc-bound 5+2");
    }

    @Test
    void aOneSliceFlickerBelongsToThePhaseBeforeIt() {
        assertThat(describe(PhaseFinder.phases(slices(CPU_BOUND, CPU_BOUND, GC_BOUND, CPU_BOUND, CPU_BOUND))))
                .containsExactly("cpu-bound 0+5");
    }

    @Test
    void aOneSliceStartBelongsToThePhaseAfterIt() {
        assertThat(describe(PhaseFinder.phases(slices(IDLE, CPU_BOUND, CPU_BOUND, CPU_BOUND))))
                .containsExactly("cpu-bound 0+4");
    }
}

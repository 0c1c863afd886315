package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A verdict's confidence follows the evidence behind it (README, "Confidence"). */
class ConfidenceTest {
    private static final long S = 1_000_000_000L;
    private static final long WINDOW = 5 * S;
    /** 4 s of io, 1 s of cpu: io-bound at 80%, whatever the evidence. */
    private static final Breakdown IO_BOUND;

    static {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        m.put(ThreadState.IO, 4 * S);
        m.put(ThreadState.CPU, S);
        IO_BOUND = Breakdown.of(m);
    }

    private static VerdictEvidence live(double coverage, Verdict.CpuSource cpu, double agreement) {
        return new VerdictEvidence(coverage, 400, 5, cpu, agreement, null, true, false);
    }

    private static Verdict classify(Breakdown b, VerdictEvidence e) {
        return WorkloadClassifier.classify(b, WINDOW, 2, -1, e);
    }

    @Test
    void measuredOrDenselySampledTimeGivesTheDecisiveShareItsFullWeight() {
        Verdict v = classify(IO_BOUND, live(0.95, Verdict.CpuSource.OS, 0.9));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
        assertThat(v.confidence()).isEqualTo(0.8);
        assertThat(v.basis().doubts()).isEmpty();
        assertThat(v.basis().next()).isNull();
    }

    @Test
    void belowTheCoverageFloorAVerdictIsLowConfidenceAndSaysWhyAndWhatToRecordNext() {
        Verdict v = classify(IO_BOUND, new VerdictEvidence(0.3, 4, 4.1, Verdict.CpuSource.OS, Double.NaN, null, true, true));
        assertThat(v.workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
        assertThat(v.confidenceLabel()).isEqualTo("low");
        assertThat(v.basis().doubts()).singleElement().asString().contains("only 30%", "4 samples for 4.1 thread-seconds");
        assertThat(v.basis().next()).contains("--recorder async");
        // just above the floor: medium at most, no floor clamp
        Verdict above = classify(IO_BOUND, live(0.55, Verdict.CpuSource.OS, Double.NaN));
        assertThat(above.confidence()).isCloseTo(0.8 * 0.55 / 0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(above.basis().doubts()).isEmpty();
    }

    @Test
    void cpuTimeEstimatedOrMissingLowersConfidence() {
        Verdict estimated = classify(IO_BOUND, new VerdictEvidence(1, 400, 5, Verdict.CpuSource.ESTIMATED, Double.NaN, null, false, true));
        assertThat(estimated.confidence()).isCloseTo(0.8 * Confidence.ESTIMATED_CPU_FACTOR, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(estimated.basis().doubts()).singleElement().asString().contains("estimated");
        assertThat(estimated.basis().next()).contains("settings=profile");
        Verdict none = classify(IO_BOUND, new VerdictEvidence(1, 400, 5, Verdict.CpuSource.NONE, Double.NaN, null, false, true));
        assertThat(none.confidenceLabel()).isEqualTo("low");
    }

    @Test
    void aProfilerAndAnOsThatDisagreeOnCpuTimeLowerConfidence() {
        Verdict v = classify(IO_BOUND, live(1, Verdict.CpuSource.OS, 0.2));
        assertThat(v.confidence()).isCloseTo(0.8 * 0.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.basis().doubts()).singleElement().asString().contains("20% agreement");
    }

    @Test
    void aRecordingWhoseSamplesShowWorkIsNeverIdleWithHighConfidence() {
        Map<ThreadState, Long> m = new EnumMap<>(ThreadState.class);
        m.put(ThreadState.WAIT, 20 * S);
        Breakdown nothingBusy = Breakdown.of(m);
        Verdict plain = classify(nothingBusy, new VerdictEvidence(1, 0, 0, Verdict.CpuSource.RECORDING, Double.NaN, null, false, true));
        assertThat(plain.workloadClass()).isEqualTo(WorkloadClass.IDLE);
        assertThat(plain.confidenceLabel()).isEqualTo("high");
        Verdict seen = classify(nothingBusy, new VerdictEvidence(1, 0, 0, Verdict.CpuSource.RECORDING, Double.NaN,
                "the recording has 83 CPU samples of application threads and 400 ms of GC pauses", false, true));
        assertThat(seen.workloadClass()).isEqualTo(WorkloadClass.IDLE);
        assertThat(seen.confidenceLabel()).isEqualTo("low");
        assertThat(seen.basis().doubts()).anyMatch(d -> d.contains("83 CPU samples"));
        assertThat(seen.basis().next()).contains("attach live");
    }
}

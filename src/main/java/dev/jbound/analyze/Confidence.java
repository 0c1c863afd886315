package dev.jbound.analyze;

import dev.jbound.model.Verdict;
import dev.jbound.model.WorkloadClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How sure a verdict is: the decisive share scaled by the evidence behind it (README,
 * "Confidence"). Below {@link Verdict#LOW_BELOW} a verdict says why and what to record next.
 */
final class Confidence {

    /**
     * Samples (or OS polls) per thread-second of time that nothing measured: what it takes to split
     * that time into states. A 20 ms wall sampler gives 50, the OS sensor's polls 10.
     */
    static final double FULL_DENSITY = 10;
    /** Four fifths of the active time measured or densely sampled is as good as all of it. */
    static final double FULL_COVERAGE = 0.8;
    /**
     * The floor: with under half of the active time measured or densely sampled, a verdict guesses
     * at the rest, and says so (low confidence).
     */
    static final double COVERAGE_FLOOR = 0.5;
    /** CPU per thread estimated from the process's load: right in sum, a guess in its split. */
    static final double ESTIMATED_CPU_FACTOR = 0.8;
    /** async-profiler's CPU samples with no OS to check them: dense, but blind to run delay. */
    static final double SAMPLED_CPU_FACTOR = 0.9;
    /** Below this, the profiler's CPU samples and the OS's CPU time tell different stories. */
    static final double AGREEMENT_FLOOR = 0.5;

    private Confidence() {
    }

    static Verdict verdict(WorkloadClass cls, double decisive, String evidence, WorkloadClass secondary, VerdictEvidence e) {
        List<String> doubts = new ArrayList<>();
        // An idle verdict splits no active time: it rests on the CPU measure alone.
        boolean idle = cls == WorkloadClass.IDLE;
        double factor = idle ? 1 : Math.min(1, e.coverage() / FULL_COVERAGE);
        boolean floor = false;
        if (!idle && e.coverage() < COVERAGE_FLOOR && e.activeThreadSeconds() > 0) {
            floor = true;
            doubts.add(String.format(Locale.US, "only %.0f%% of the active threads' time was measured or sampled densely"
                    + " (%d samples for %.1f thread-seconds)", e.coverage() * 100, e.samples(), e.activeThreadSeconds()));
        }
        switch (e.cpu()) {
            case ESTIMATED -> {
                factor *= ESTIMATED_CPU_FACTOR;
                doubts.add("CPU time per thread is estimated from the process's CPU load and the samples");
            }
            case SAMPLES -> factor *= SAMPLED_CPU_FACTOR;
            case NONE -> {
                floor = true;
                doubts.add("nothing measured CPU time: the recording has neither CPU samples nor CPU load");
            }
            default -> {
            }
        }
        if (!Double.isNaN(e.agreement()) && e.agreement() < AGREEMENT_FLOOR) {
            factor *= 0.5 + e.agreement();
            doubts.add(String.format(Locale.US, "the profiler's CPU samples and the OS's CPU time differ (%.0f%% agreement)",
                    e.agreement() * 100));
        }
        if (idle && e.unseenWork() != null) {
            floor = true;
            doubts.add(e.unseenWork());
        }
        double confidence = Math.min(1, Math.max(0, decisive * factor));
        if (floor) confidence = Math.min(confidence, Verdict.LOW_BELOW - 0.01);
        String next = doubts.isEmpty() ? null : next(e);
        return new Verdict(cls, confidence, evidence, secondary,
                new Verdict.Basis(e.coverage(), e.samples(), e.activeThreadSeconds(), e.cpu(), e.agreement(), doubts, next));
    }

    /** What would give a surer verdict, for the route this one came by. */
    private static String next(VerdictEvidence e) {
        if (!e.live()) {
            if (e.cpu() == Verdict.CpuSource.NONE || e.cpu() == Verdict.CpuSource.ESTIMATED) {
                return "attach live with jbound (its OS view measures every thread), or record with settings=profile and"
                        + " a window over 10 s, so that the recording measures each thread's CPU load";
            }
            return "attach live with jbound: its OS view sees what each thread is blocked in";
        }
        if (e.coverage() < COVERAGE_FLOOR && e.jdkRecorder()) return "record with --recorder async, or a longer --duration";
        if (e.coverage() < COVERAGE_FLOOR) return "record a longer window (--duration 30s)";
        if (!Double.isNaN(e.agreement()) && e.agreement() < AGREEMENT_FLOOR) return "record again, and with --recorder jfr to compare";
        return "record a longer window (--duration 30s)";
    }
}

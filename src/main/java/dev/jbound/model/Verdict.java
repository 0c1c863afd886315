package dev.jbound.model;

import java.util.List;

/**
 * The classifier's answer: one primary class, how sure it is (0..1 with a label), the evidence
 * that decided it in words, a secondary class where one is honest (else null), and what the
 * verdict rests on.
 */
public record Verdict(WorkloadClass workloadClass, double confidence, String evidence, WorkloadClass secondary, Basis basis) {

    /** Below this a verdict is low confidence: it says why and what to record next (README, "Confidence"). */
    public static final double LOW_BELOW = 0.45;
    /** At or above this, high confidence. */
    public static final double HIGH_FROM = 0.7;

    public Verdict(WorkloadClass workloadClass, double confidence, String evidence, WorkloadClass secondary) {
        this(workloadClass, confidence, evidence, secondary, Basis.UNKNOWN);
    }

    public String confidenceLabel() {
        return confidence >= HIGH_FROM ? "high" : confidence >= LOW_BELOW ? "medium" : "low";
    }

    /** Where the per-thread CPU time behind the verdict came from. */
    public enum CpuSource {
        /** The OS sensor: schedstat per thread. */
        OS("os"),
        /** The recording measured it per thread (the JDK's thread dumps or thread CPU load). */
        RECORDING("recording"),
        /** The recording's CPU samples (async-profiler's, read from a file). */
        SAMPLES("samples"),
        /** The process's CPU load, shared out by the samples: an estimate. */
        ESTIMATED("estimated"),
        /** Nothing in the recording measures CPU time. */
        NONE("none");

        private final String label;

        CpuSource(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What a verdict rests on.
     *
     * @param coverage            the share of the active threads' time that was measured (CPU time, run
     *                            delay, timed waits) or sampled densely enough to split
     * @param samples             samples, hints and OS polls behind the active threads
     * @param activeThreadSeconds the active threads' time the verdict splits
     * @param cpu                 where the CPU time came from
     * @param agreement           how far the profiler's CPU samples and the OS's CPU time agree, min/max
     *                            (1 = the same); NaN where only one of them measured it
     * @param doubts              why the confidence is lower than the shares alone would make it
     * @param next                what to record next for a surer verdict, or null
     */
    public record Basis(double coverage, int samples, double activeThreadSeconds, CpuSource cpu, double agreement,
                        List<String> doubts, String next) {

        public static final Basis UNKNOWN = new Basis(1, 0, 0, CpuSource.NONE, Double.NaN, List.of(), null);

        public Basis {
            doubts = List.copyOf(doubts);
        }
    }
}

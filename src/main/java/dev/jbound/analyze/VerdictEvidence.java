package dev.jbound.analyze;

import dev.jbound.model.Verdict;

/**
 * What a verdict rests on, as the analysis found it: how much of the active time was measured or
 * densely sampled, the samples behind it, where the CPU time came from, whether the profiler and
 * the OS agree on it, and any sign of work the accounting did not find.
 *
 * @param coverage      the share of the active time measured or sampled densely enough (0..1)
 * @param samples       samples, hints and OS polls behind the active threads
 * @param activeThreadSeconds the active threads' time
 * @param cpu           where the per-thread CPU time came from
 * @param agreement     the profiler's CPU samples against the OS's CPU time, min/max; NaN when not both
 * @param unseenWork    what the recording shows of work that the accounting did not find (execution
 *                      samples, collections), or null
 * @param live          the OS sensor watched the window (attach, run, top), not a recording read later
 * @param jdkRecorder   the JDK's Flight Recorder made the recording
 */
record VerdictEvidence(double coverage, int samples, double activeThreadSeconds, Verdict.CpuSource cpu,
                       double agreement, String unseenWork, boolean live, boolean jdkRecorder) {

    /** Evidence known only by its sample count (pools, phases, top's running verdict): everything rests on samples. */
    static VerdictEvidence ofSamples(int samples) {
        double coverage = Math.min(1, samples / (double) WorkloadClassifier.CONFIDENT_SAMPLES) * Confidence.FULL_COVERAGE;
        return new VerdictEvidence(coverage, samples, 0,
                Verdict.CpuSource.OS, Double.NaN, null, true, false);
    }
}

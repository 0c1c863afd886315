package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Report;
import dev.jbound.model.Verdict;

/**
 * The verdict over a run of short windows: their breakdowns, lengths, CPU and samples summed and
 * classified as one window would be, so top's "so far" line agrees with what attach would say.
 */
public final class RunningVerdict {
    private Breakdown breakdown = Breakdown.EMPTY;
    private long windowNanos;
    private long processCpuNanos;
    private int samples;
    private double cores;

    public void add(Report r) {
        breakdown = breakdown.plus(r.breakdown());
        windowNanos += r.window().durationNanos();
        processCpuNanos += r.jvm().totalCpuNanos();
        samples += r.sampling().cpuSamples() + r.sampling().wallSamples();
        cores = r.cores().effectiveCpus();
    }

    public Breakdown breakdown() {
        return breakdown;
    }

    public long windowNanos() {
        return windowNanos;
    }

    public Verdict verdict() {
        return WorkloadClassifier.classify(breakdown, windowNanos, cores, processCpuNanos, samples);
    }
}

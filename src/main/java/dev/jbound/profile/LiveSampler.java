package dev.jbound.profile;

import dev.jbound.analyze.RunningVerdict;
import dev.jbound.analyze.ThreadSnapshots;
import dev.jbound.model.LiveTick;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.record.RecordedWindow;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecorderChoice;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;


/**
 * Back-to-back short windows of one JVM for {@code jbound top}: each interval is a whole recording
 * (profiler started and stopped, with its own short timeout in the target), so a killed jbound
 * leaves the target profiled for at most one interval plus the grace, never indefinitely.
 */
public final class LiveSampler {
    private final TargetJvm target;
    private final RecordingSettings tick;
    private final RecorderSelection recorders;
    private final RunningVerdict soFar = new RunningVerdict();
    private final Report.Target reportTarget;
    private volatile boolean wantDump;
    private int number;

    public LiveSampler(TargetJvm target, RecordingSettings tick, RecorderChoice choice) {
        this.target = target;
        this.tick = tick;
        this.recorders = new RecorderSelection(choice);
        this.reportTarget = new Report.Target(target.pid(), target.mainClass(), target.jvmVersion());
    }

    /** While a thread's stack is on screen, every interval ends with a thread dump to refresh it. */
    public void wantDump(boolean want) {
        wantDump = want;
    }

    /**
     * Records one interval and analyses it. An interrupt ends the interval early and is left set
     * for the caller to see.
     */
    public LiveTick next() throws TargetException, RecordingException {
        RecordedWindow window = recorders.record(target, tick, Recorder.Progress.NONE);
        try {
            Recorder recorder = recorders.recorder();
            LiveProfile.Analyzed analyzed = LiveProfile.read(window, recorders, reportTarget, recorder::threadDump, null);
            Report report = analyzed.report();
            String dump = analyzed.threadDump();
            if (dump == null && wantDump) dump = recorder.threadDump(target.pid());
            ThreadSnapshot snapshot = dump == null ? null : ThreadSnapshots.of(dump, reportTarget, System.currentTimeMillis());
            soFar.add(report);
            boolean exited = !ProcessIdentity.isAlive(target.pid());
            return new LiveTick(++number, report, snapshot, soFar.breakdown(), soFar.windowNanos(), soFar.verdict(), exited);
        } finally {
            // Set only now, however the interval ends: reading the file back and the thread dump
            // would fail on it, and the caller must see it.
            if (window.interrupted()) Thread.currentThread().interrupt();
        }
    }
}

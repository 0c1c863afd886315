package dev.jbound.model;

import java.util.List;

/**
 * Two reports compared: the class before and after, each active state's share, the frames whose
 * time moved most, and the states that rose beyond a regression threshold.
 *
 * @param thresholdPoints the --fail-on-regression bound in percentage points, or -1 when none was given
 */
public record ReportDiff(ReportSummary before, ReportSummary after, List<StateChange> states, List<FrameMove> frames,
                         List<StateChange> regressions, double thresholdPoints) {

    /** A state's share of active time, as fractions; {@code points()} is the change in percentage points. */
    public record StateChange(ThreadState state, double before, double after) {
        public double points() {
            return (after - before) * 100;
        }
    }

    /** A frame's time per second of window in a state, before and after (0 where it was not among the top frames). */
    public record FrameMove(ThreadState state, String frame, double beforeMsPerSecond, double afterMsPerSecond) {
        public double change() {
            return afterMsPerSecond - beforeMsPerSecond;
        }
    }

    public ReportDiff {
        states = List.copyOf(states);
        frames = List.copyOf(frames);
        regressions = List.copyOf(regressions);
    }

    public boolean classChanged() {
        return before.workloadClass() != after.workloadClass();
    }

    public boolean passed() {
        return regressions.isEmpty();
    }
}

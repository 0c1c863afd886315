package dev.jbound.analyze;

import dev.jbound.model.ReportDiff;
import dev.jbound.model.ReportSummary;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two reports for {@code jbound diff}. */
public final class ReportComparison {

    /** The states whose rise is a regression: waiting, not working (cpu and wait are the workload's own business). */
    static final List<ThreadState> REGRESSING = List.of(ThreadState.RUNQUEUE, ThreadState.IO, ThreadState.LOCK, ThreadState.GC);
    /** Frames listed as moved, at most. */
    static final int MOVED_FRAMES = 8;

    private ReportComparison() {
    }

    /** @param thresholdPoints percentage points a waiting state may rise by, or -1 for no threshold */
    public static ReportDiff compare(ReportSummary before, ReportSummary after, double thresholdPoints) {
        List<ReportDiff.StateChange> states = new ArrayList<>();
        List<ReportDiff.StateChange> regressions = new ArrayList<>();
        for (ThreadState s : ThreadState.ACTIVE) {
            var c = new ReportDiff.StateChange(s, before.shares().getOrDefault(s, 0.0), after.shares().getOrDefault(s, 0.0));
            states.add(c);
            // compared at the 0.1-point precision the reports print
            if (thresholdPoints >= 0 && REGRESSING.contains(s) && Math.round(c.points() * 10) / 10.0 > thresholdPoints) regressions.add(c);
        }
        return new ReportDiff(before, after, states, moved(before, after), regressions, thresholdPoints);
    }

    /** Frames by how much their time per second of window changed, across all states. */
    private static List<ReportDiff.FrameMove> moved(ReportSummary before, ReportSummary after) {
        List<ReportDiff.FrameMove> moves = new ArrayList<>();
        // where threads wait for work is not a change in the work
        for (ThreadState s : ThreadState.ACTIVE) {
            Map<String, double[]> byFrame = new LinkedHashMap<>();
            for (var f : before.topFrames().getOrDefault(s, List.of())) {
                byFrame.computeIfAbsent(f.frame(), k -> new double[2])[0] += perSecond(f.ms(), before.windowMs());
            }
            for (var f : after.topFrames().getOrDefault(s, List.of())) {
                byFrame.computeIfAbsent(f.frame(), k -> new double[2])[1] += perSecond(f.ms(), after.windowMs());
            }
            byFrame.forEach((frame, v) -> moves.add(new ReportDiff.FrameMove(s, frame, round(v[0]), round(v[1]))));
        }
        moves.removeIf(m -> m.change() == 0);
        moves.sort(Comparator.comparingDouble((ReportDiff.FrameMove m) -> -Math.abs(m.change()))
                .thenComparing(ReportDiff.FrameMove::frame));
        return moves.size() > MOVED_FRAMES ? moves.subList(0, MOVED_FRAMES) : moves;
    }

    private static double perSecond(double ms, double windowMs) {
        return windowMs <= 0 ? 0 : ms * 1000 / windowMs;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

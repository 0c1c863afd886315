package dev.jbound.model;

import java.util.List;
import java.util.Map;

/**
 * What {@code jbound diff} compares of a report, as read back from its JSON: the class, each
 * active state's share of active time, and the top frames per state with their time.
 */
public record ReportSummary(String label, WorkloadClass workloadClass, double windowMs, double activeMs,
                            Map<ThreadState, Double> shares, Map<ThreadState, List<FrameTime>> topFrames) {

    public record FrameTime(String frame, double ms) {
    }

    public ReportSummary {
        shares = Map.copyOf(shares);
        topFrames = Map.copyOf(topFrames);
    }
}

package dev.jbound.render;

import dev.jbound.model.Report;
import dev.jbound.model.ReportSummary;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WorkloadClass;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back a report jbound wrote as JSON (attach, report, check, run), for {@code jbound diff}.
 * A file of another schema version, or not jbound's, is an {@link IllegalArgumentException}
 * whose message says which.
 */
public final class ReportJsonReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReportJsonReader() {
    }

    public static ReportSummary read(String label, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(label + " is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.has("schemaVersion")) {
            throw new IllegalArgumentException(label + " is not a jbound report (no schemaVersion); write one with --format json");
        }
        int version = root.get("schemaVersion").asInt(-1);
        if (version != Report.SCHEMA_VERSION) {
            throw new IllegalArgumentException(label + " has schemaVersion " + root.get("schemaVersion")
                    + "; this jbound reads version " + Report.SCHEMA_VERSION);
        }
        if (!root.has("verdict") || !root.has("breakdown")) {
            throw new IllegalArgumentException(label + " is a jbound document but not a report (a ps or run --subprocesses"
                    + " list?); diff compares two reports");
        }
        try {
            WorkloadClass cls = WorkloadClass.fromLabel(root.get("verdict").get("class").asString());
            Map<ThreadState, Double> shares = new EnumMap<>(ThreadState.class);
            JsonNode states = root.get("breakdown").get("states");
            for (ThreadState s : ThreadState.ACTIVE) {
                if (states.has(s.label())) shares.put(s, states.get(s.label()).get("shareOfActive").asDouble());
            }
            Map<ThreadState, List<ReportSummary.FrameTime>> top = new EnumMap<>(ThreadState.class);
            JsonNode frames = root.path("topFrames");
            for (ThreadState s : ThreadState.values()) {
                if (!frames.has(s.label())) continue;
                List<ReportSummary.FrameTime> list = new ArrayList<>();
                for (JsonNode f : frames.get(s.label())) list.add(new ReportSummary.FrameTime(f.get("frame").asString(), f.get("ms").asDouble()));
                top.put(s, list);
            }
            return new ReportSummary(label, cls, root.get("window").get("durationMs").asDouble(),
                    root.get("breakdown").get("activeMs").asDouble(), shares, top);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + " is not a complete jbound report (" + e.getMessage() + ")");
        }
    }
}

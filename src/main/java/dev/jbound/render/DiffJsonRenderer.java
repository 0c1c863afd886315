package dev.jbound.render;

import dev.jbound.model.ReportDiff;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** {@code jbound diff --format json}: schema in schema/jbound.schema.json ($defs/diff) and the README. */
public final class DiffJsonRenderer implements Renderer<ReportDiff> {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void render(ReportDiff d, PrintWriter out) {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "diff");
        root.put("before", d.before().label());
        root.put("after", d.after().label());
        ObjectNode cls = root.putObject("class");
        cls.put("before", d.before().workloadClass().label());
        cls.put("after", d.after().workloadClass().label());
        cls.put("changed", d.classChanged());
        ObjectNode states = root.putObject("states");
        for (ReportDiff.StateChange c : d.states()) {
            ObjectNode s = states.putObject(c.state().label());
            s.put("before", round(c.before(), 4));
            s.put("after", round(c.after(), 4));
            s.put("changePoints", round(c.points(), 1));
        }
        ArrayNode frames = root.putArray("frames");
        for (ReportDiff.FrameMove m : d.frames()) {
            ObjectNode f = frames.addObject();
            f.put("state", m.state().label());
            f.put("frame", m.frame());
            f.put("beforeMsPerSecond", m.beforeMsPerSecond());
            f.put("afterMsPerSecond", m.afterMsPerSecond());
        }
        if (d.thresholdPoints() >= 0) root.put("thresholdPoints", d.thresholdPoints()); else root.putNull("thresholdPoints");
        ArrayNode regressions = root.putArray("regressions");
        d.regressions().forEach(c -> regressions.add(c.state().label()));
        root.put("passed", d.passed());
        out.println(JsonTrees.pretty(root));
        out.flush();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

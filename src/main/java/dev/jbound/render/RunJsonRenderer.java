package dev.jbound.render;

import dev.jbound.model.Report;
import dev.jbound.model.RunReport;
import dev.jbound.model.RunReport.JvmResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/**
 * {@code jbound run} as JSON: with one reported JVM, its document exactly as {@code attach} writes
 * it; with every JVM reported (--subprocesses), one document that lists them (schema in the README).
 */
public final class RunJsonRenderer implements Renderer<RunReport> {

    /** Versions the --subprocesses document; each entry of {@code jvms} carries its own. */
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void render(RunReport run, PrintWriter out) {
        if (!run.everyJvm()) {
            for (Report r : run.reports()) out.println(JsonTrees.pretty(JsonRenderer.toJson(r)));
            return;
        }
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode jvms = root.putArray("jvms");
        for (Report r : run.reports()) jvms.add(JsonRenderer.toJson(r));
        ArrayNode unrecorded = root.putArray("unrecorded");
        for (JvmResult j : run.unrecorded()) {
            ObjectNode u = unrecorded.addObject();
            u.put("pid", j.pid());
            u.put("mainClass", j.mainClass());
            u.put("reason", j.problem());
        }
        ArrayNode notes = root.putArray("notes");
        run.notes().forEach(notes::add);
        out.println(JsonTrees.pretty(root));
    }
}

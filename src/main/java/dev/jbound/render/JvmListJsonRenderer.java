package dev.jbound.render;

import dev.jbound.model.FoundJvm;
import dev.jbound.model.JvmScan;
import dev.jbound.model.JvmStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** {@code jbound ps --format json}: one document (schema in the README), field names written out. */
public final class JvmListJsonRenderer implements Renderer<JvmScan> {

    @Override
    public void render(JvmScan scan, PrintWriter out) {
        ObjectNode root = JsonTrees.object();
        root.put("schemaVersion", JvmScan.SCHEMA_VERSION);
        root.put("takenAt", scan.takenAt().toString());
        root.put("cpuSampleMs", scan.cpuSample().toMillis());
        ArrayNode jvms = root.putArray("jvms");
        for (JvmStatus s : scan.jvms()) jvm(jvms.addObject(), s);
        out.println(JsonTrees.pretty(root));
    }

    private static void jvm(ObjectNode o, JvmStatus s) {
        FoundJvm j = s.jvm();
        o.put("pid", j.pid());
        o.put("mainClass", j.mainClass());
        o.put("simpleName", j.simpleName());
        o.put("jvmVersion", s.jvmVersion().isEmpty() ? null : s.jvmVersion());
        o.put("user", j.user());
        o.put("uid", j.uid());
        if (s.uptimeMillis() < 0) o.putNull("uptimeMs"); else o.put("uptimeMs", s.uptimeMillis());
        o.put("threads", s.threads());
        o.put("cpuPercent", Math.round(s.cpuPercent() * 10) / 10.0);
        o.put("attachable", j.attachability().attachable());
        o.put("notAttachableReason", j.attachability().attachable() ? null : j.attachability().reason());
        o.put("jvmConfirmed", j.confirmed());
    }
}

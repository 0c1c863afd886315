package dev.jbound.render;

import dev.jbound.target.FoundJvm;
import dev.jbound.target.JvmScan;
import dev.jbound.target.JvmStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;

/** {@code jbound ps --format json}: one document (schema in the README), field names written out as in {@link JsonRenderer}. */
public final class JvmListJsonRenderer implements JvmListRenderer {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public void render(JvmScan scan, PrintWriter out) {
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(scan)));
    }

    static ObjectNode toJson(JvmScan scan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", JvmScan.SCHEMA_VERSION);
        root.put("takenAt", scan.takenAt().toString());
        root.put("cpuSampleMs", scan.cpuSample().toMillis());
        ArrayNode jvms = root.putArray("jvms");
        for (JvmStatus s : scan.jvms()) {
            FoundJvm j = s.jvm();
            ObjectNode o = jvms.addObject();
            o.put("pid", j.pid());
            o.put("mainClass", j.mainClass());
            o.put("simpleName", j.simpleName());
            if (s.jvmVersion().isEmpty()) o.putNull("jvmVersion"); else o.put("jvmVersion", s.jvmVersion());
            o.put("user", j.user());
            o.put("uid", j.uid());
            if (s.uptimeMillis() < 0) o.putNull("uptimeMs"); else o.put("uptimeMs", s.uptimeMillis());
            o.put("threads", s.threads());
            o.put("cpuPercent", Math.round(s.cpuPercent() * 10) / 10.0);
            o.put("attachable", j.attachability().attachable());
            if (j.attachability().attachable()) o.putNull("notAttachableReason");
            else o.put("notAttachableReason", j.attachability().reason());
            o.put("jvmConfirmed", j.confirmed());
        }
        return root;
    }
}

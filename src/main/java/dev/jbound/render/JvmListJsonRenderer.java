package dev.jbound.render;

import dev.jbound.model.FoundJvm;
import dev.jbound.model.JvmScan;
import dev.jbound.model.JvmStatus;
import tools.jackson.core.JsonGenerator;

import java.io.PrintWriter;

/**
 * {@code jbound ps --format json}: one document (schema in the README), field names written out.
 * Written with Jackson's streaming generator rather than a JsonMapper tree: ps is a short-lived
 * process and the mapper's start-up (measured ~180 ms against ~40 ms) was a third of its run time.
 */
public final class JvmListJsonRenderer implements Renderer<JvmScan> {

    @Override
    public void render(JvmScan scan, PrintWriter out) {
        try (JsonGenerator g = JsonTrees.generator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("schemaVersion", JvmScan.SCHEMA_VERSION);
            g.writeStringProperty("takenAt", scan.takenAt().toString());
            g.writeNumberProperty("cpuSampleMs", scan.cpuSample().toMillis());
            g.writeArrayPropertyStart("jvms");
            for (JvmStatus s : scan.jvms()) jvm(g, s);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private static void jvm(JsonGenerator g, JvmStatus s) {
        FoundJvm j = s.jvm();
        g.writeStartObject();
        g.writeNumberProperty("pid", j.pid());
        g.writeStringProperty("mainClass", j.mainClass());
        g.writeStringProperty("simpleName", j.simpleName());
        stringOrNull(g, "jvmVersion", s.jvmVersion().isEmpty() ? null : s.jvmVersion());
        g.writeStringProperty("user", j.user());
        g.writeNumberProperty("uid", j.uid());
        if (s.uptimeMillis() < 0) g.writeNullProperty("uptimeMs"); else g.writeNumberProperty("uptimeMs", s.uptimeMillis());
        g.writeNumberProperty("threads", s.threads());
        g.writeNumberProperty("cpuPercent", Math.round(s.cpuPercent() * 10) / 10.0);
        g.writeBooleanProperty("attachable", j.attachability().attachable());
        stringOrNull(g, "notAttachableReason", j.attachability().attachable() ? null : j.attachability().reason());
        g.writeBooleanProperty("jvmConfirmed", j.confirmed());
        g.writeEndObject();
    }

    private static void stringOrNull(JsonGenerator g, String name, String value) {
        if (value == null) g.writeNullProperty(name); else g.writeStringProperty(name, value);
    }
}

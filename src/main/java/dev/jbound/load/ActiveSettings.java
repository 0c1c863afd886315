package dev.jbound.load;

import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrFormatException;
import dev.jbound.load.jfr.JfrType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A chunk's jdk.ActiveSetting events: the recorder's options (async-profiler's intervals, the JDK's
 * periods per event type), which the samples' weights depend on wherever they sit in the chunk.
 * They are read on the thread that parses chunks ahead ({@link JfrLoader}).
 */
final class ActiveSettings {

    /** @param eventType the id of the event type the setting is for (0 when the recording does not say) */
    record Setting(long eventType, String name, String value) {
    }

    /** Its event type, which the chunk's framing walk notes (a few events among millions): this walk then visits those alone. */
    static final java.util.Set<String> EVENTS = java.util.Set.of("jdk.ActiveSetting");

    private ActiveSettings() {
    }

    static List<Setting> read(JfrChunk chunk) throws JfrFormatException {
        JfrType setting = chunk.type("jdk.ActiveSetting");
        if (setting == null) return List.of();
        int id = setting.indexOf("id");
        int name = setting.indexOf("name");
        int value = setting.indexOf("value");
        List<Setting> found = new ArrayList<>();
        chunk.events(Map.of("jdk.ActiveSetting", e -> found.add(new Setting(e.getLong(id), (String) e.get(name), (String) e.get(value)))));
        return found;
    }
}

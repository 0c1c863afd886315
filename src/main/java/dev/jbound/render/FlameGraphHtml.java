package dev.jbound.render;

import one.convert.Arguments;
import one.convert.FlameGraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One flame graph page from collapsed stacks, drawn by async-profiler's own converter (its
 * self-contained HTML template: no network needed to view it).
 */
public final class FlameGraphHtml {
    private FlameGraphHtml() {
    }

    public static String of(String title, Map<String, Long> collapsed) {
        StringBuilder text = new StringBuilder();
        collapsed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        try {
            FlameGraph graph = new FlameGraph(new Arguments("--title", title));
            graph.parseCollapsed(new StringReader(text.toString()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            graph.dump(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only
        }
    }
}

package dev.jbound.cli;

import dev.jbound.render.JsonRenderer;
import dev.jbound.render.JvmListJsonRenderer;
import dev.jbound.render.JvmListRenderer;
import dev.jbound.render.JvmTableRenderer;
import dev.jbound.render.Renderer;
import dev.jbound.render.RunJsonRenderer;
import dev.jbound.render.RunRenderer;
import dev.jbound.render.RunTextRenderer;
import dev.jbound.render.TextRenderer;

/** The output formats, chosen in one place. */
enum OutputFormat {
    text, json;

    Renderer renderer(Console console) {
        return switch (this) {
            case text -> new TextRenderer(console.color(), console.unicode());
            case json -> new JsonRenderer();
        };
    }

    /** For {@code jbound ps}. */
    JvmListRenderer jvmListRenderer(Console console) {
        return switch (this) {
            case text -> new JvmTableRenderer(console.color());
            case json -> new JvmListJsonRenderer();
        };
    }

    /** For {@code jbound run}. */
    RunRenderer runRenderer(Console console) {
        return switch (this) {
            case text -> new RunTextRenderer(console.color(), console.unicode());
            case json -> new RunJsonRenderer();
        };
    }
}

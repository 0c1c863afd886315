package dev.jbound.cli;

import dev.jbound.render.JsonRenderer;
import dev.jbound.render.JvmListJsonRenderer;
import dev.jbound.render.JvmListRenderer;
import dev.jbound.render.JvmTableRenderer;
import dev.jbound.render.Renderer;
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
}

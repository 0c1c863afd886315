package dev.jbound.cli;

import dev.jbound.render.CheckJsonRenderer;
import dev.jbound.render.CheckJunitRenderer;
import dev.jbound.render.CheckMarkdownRenderer;
import dev.jbound.render.CheckRenderer;
import dev.jbound.render.CheckTextRenderer;

/** jbound check's formats, chosen in one place. */
enum CheckFormat {
    text, json, junit, markdown;

    CheckRenderer renderer(Console console) {
        return switch (this) {
            case text -> new CheckTextRenderer(console.color(), console.unicode());
            case json -> new CheckJsonRenderer();
            case junit -> new CheckJunitRenderer();
            case markdown -> new CheckMarkdownRenderer();
        };
    }
}

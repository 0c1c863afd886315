package dev.jbound.cli;

import dev.jbound.render.Format;
import dev.jbound.render.Renderer;
import dev.jbound.render.Renderers;

/** --format for every document but check's: text or JSON. The renderer comes from {@link Renderers}. */
enum OutputFormat {
    text, json;

    Format format() {
        return Format.valueOf(name());
    }

    <D> Renderer<D> renderer(Class<D> document, Console console) {
        return Renderers.of(document, format(), console.terminal());
    }
}

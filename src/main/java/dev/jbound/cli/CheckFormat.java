package dev.jbound.cli;

import dev.jbound.model.CheckResult;
import dev.jbound.render.Format;
import dev.jbound.render.Renderer;
import dev.jbound.render.Renderers;

/** check's --format: its result also goes to CI servers (JUnit XML) and job summaries (Markdown). */
enum CheckFormat {
    text, json, junit, markdown;

    Format format() {
        return Format.valueOf(name());
    }

    Renderer<CheckResult> renderer(Console console) {
        return Renderers.of(CheckResult.class, format(), console.terminal());
    }

    /** The report's format nearest to this one (for warming up its renderer). */
    OutputFormat reportFormat() {
        return this == text ? OutputFormat.text : OutputFormat.json;
    }
}

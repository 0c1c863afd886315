package dev.jbound.render;

import dev.jbound.model.Report;

import java.io.PrintWriter;

/** One output format. Renderers see only the report and write to the stream they are given. */
public interface Renderer {
    void render(Report report, PrintWriter out);
}

package dev.jbound.render;

import dev.jbound.model.ReportDiff;

import java.io.PrintWriter;

/** One output format for {@code jbound diff}. */
public interface DiffRenderer {
    void render(ReportDiff diff, PrintWriter out);
}

package dev.jbound.render;

import dev.jbound.model.RunReport;

import java.io.PrintWriter;

/** One output format for {@code jbound run}'s verdicts. */
public interface RunRenderer {
    void render(RunReport report, PrintWriter out);
}

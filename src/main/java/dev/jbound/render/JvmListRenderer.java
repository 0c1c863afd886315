package dev.jbound.render;

import dev.jbound.model.JvmScan;

import java.io.PrintWriter;

/** One output format of {@code jbound ps}. */
public interface JvmListRenderer {
    void render(JvmScan scan, PrintWriter out);
}

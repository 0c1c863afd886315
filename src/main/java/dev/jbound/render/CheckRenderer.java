package dev.jbound.render;

import dev.jbound.model.CheckResult;

import java.io.PrintWriter;

/** One output format for {@code jbound check}: the report and what each assertion found. */
public interface CheckRenderer {
    void render(CheckResult result, PrintWriter out);
}

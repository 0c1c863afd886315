package dev.jbound.render;

import dev.jbound.model.CheckResult;

import java.io.PrintWriter;

/** The human report, then one line per assertion, failures marked. */
public final class CheckTextRenderer implements Renderer<CheckResult> {

    private final TextRenderer report;
    private final Style style;

    public CheckTextRenderer(boolean color, boolean unicode) {
        this.report = new TextRenderer(color, unicode);
        this.style = new Style(color);
    }

    @Override
    public void render(CheckResult result, PrintWriter out) {
        report.render(result.report(), out);
        out.println();
        out.println(style.bold("CHECKS") + " " + (result.passed()
                ? style.green("passed") : style.red(result.failures().size() + " of " + result.outcomes().size() + " failed")));
        for (CheckResult.Outcome o : result.outcomes()) {
            out.println("  " + (o.passed() ? style.green("pass") : style.red("FAIL")) + "  "
                    + TerminalText.escape(o.assertion().describe()) + ": " + TerminalText.escape(o.message()));
        }
        out.flush();
    }
}

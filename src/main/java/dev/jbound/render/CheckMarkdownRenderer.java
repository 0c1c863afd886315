package dev.jbound.render;

import dev.jbound.model.CheckResult;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;

import java.io.PrintWriter;
import java.util.Locale;

/** Markdown for a CI job summary (e.g. $GITHUB_STEP_SUMMARY): the verdict, the breakdown and the assertions as tables. */
public final class CheckMarkdownRenderer implements Renderer<CheckResult> {

    @Override
    public void render(CheckResult result, PrintWriter out) {
        Report r = result.report();
        out.printf("## jbound check: %s%n%n", result.passed() ? "passed" : result.failures().size() + " of "
                + result.outcomes().size() + " failed");
        out.printf(Locale.US, "**%s** (%s confidence, %.2f): %s%n%n", r.verdict().workloadClass().label(),
                r.verdict().confidenceLabel(), r.verdict().confidence(), md(r.verdict().evidence()));
        out.printf(Locale.US, "%s · %.1f s window · %s · %s%n%n", md(r.target().mainClass().isBlank() ? "pid " + r.target().pid()
                : r.target().mainClass()), r.window().durationNanos() / 1e9, md(r.sampling().recorder()), md(r.strategy().headline()));
        out.println("| assertion | measured | result |");
        out.println("|---|---|---|");
        for (CheckResult.Outcome o : result.outcomes()) {
            out.printf("| %s | %s | %s |%n", md(o.assertion().describe()), md(o.measured()),
                    o.passed() ? "pass" : "**FAIL**: " + md(o.message()));
        }
        out.println();
        out.println("| state | share of active time |");
        out.println("|---|---:|");
        for (ThreadState s : ThreadState.ACTIVE) {
            out.printf(Locale.US, "| %s | %.1f%% |%n", s.label(), r.breakdown().shareOfActive(s) * 100);
        }
        out.flush();
    }

    /** Table-safe and inert: pipes escaped, backticks and angle brackets neutralised, control characters escaped. */
    static String md(String s) {
        return TerminalText.escape(s).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
                .replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_");
    }
}

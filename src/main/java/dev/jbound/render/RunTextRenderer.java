package dev.jbound.render;

import dev.jbound.model.Report;
import dev.jbound.model.RunReport;
import dev.jbound.model.RunReport.JvmResult;

import java.io.PrintWriter;
import java.util.Locale;

import static dev.jbound.render.TerminalText.escape;

/**
 * {@code jbound run} for people: the one reported JVM's report exactly as {@code attach} prints it;
 * with every JVM reported, one report per JVM and a closing list of them all.
 */
public final class RunTextRenderer implements Renderer<RunReport> {

    private final TextRenderer single;
    private final Style style;

    public RunTextRenderer(boolean color, boolean unicode) {
        this.single = new TextRenderer(color, unicode);
        this.style = new Style(color);
    }

    @Override
    public void render(RunReport run, PrintWriter out) {
        if (!run.everyJvm()) {
            for (Report r : run.reports()) single.render(r, out);
            return;
        }
        for (Report r : run.reports()) {
            single.render(r, out);
            out.println();
        }
        out.printf(Locale.US, "%s %d started by the command%n", style.bold("JVMS"), run.jvms().size());
        for (JvmResult j : run.jvms()) {
            String outcome = j.recorded()
                    ? style.cyan(j.report().verdict().workloadClass().label()) + " (" + j.report().verdict().confidenceLabel() + " confidence)"
                    : style.yellow("no verdict: ") + escape(j.problem());
            out.printf(Locale.US, "  pid %-8d %-40s %s%n", j.pid(), escape(j.mainClass().isBlank() ? "?" : j.mainClass()), outcome);
        }
        for (String note : run.notes()) out.println(style.yellow("note: ") + escape(note));
    }
}

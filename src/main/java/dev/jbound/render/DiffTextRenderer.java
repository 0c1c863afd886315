package dev.jbound.render;

import dev.jbound.model.ReportDiff;

import java.io.PrintWriter;
import java.util.Locale;

import static dev.jbound.render.TerminalText.escape;

/** The two classes, a table of shares before and after, the frames that moved, and the regressions. */
public final class DiffTextRenderer implements Renderer<ReportDiff> {

    private final Style style;

    public DiffTextRenderer(boolean color) {
        this.style = new Style(color);
    }

    @Override
    public void render(ReportDiff d, PrintWriter out) {
        out.println("jbound diff " + escape(d.before().label()) + " → " + escape(d.after().label()));
        String cls = d.before().workloadClass().label() + " → " + d.after().workloadClass().label();
        out.println(style.bold("CLASS") + " " + (d.classChanged() ? style.yellow(cls) : d.after().workloadClass().label() + " (unchanged)"));
        out.println();
        out.printf("  %-9s %8s %8s %9s%n", "state", "before", "after", "change");
        for (ReportDiff.StateChange c : d.states()) {
            String change = signed(c.points());
            boolean regressed = d.regressions().contains(c);
            out.printf(Locale.US, "  %-9s %7.1f%% %7.1f%% %s%n", c.state().label(), c.before() * 100, c.after() * 100,
                    regressed ? style.red(change + "!") : change);
        }
        if (!d.frames().isEmpty()) {
            out.println();
            out.println(style.bold("FRAMES THAT MOVED") + " (ms per second of window)");
            for (ReportDiff.FrameMove m : d.frames()) {
                String note = m.beforeMsPerSecond() == 0 ? " (new)" : m.afterMsPerSecond() == 0 ? " (gone)" : "";
                out.printf(Locale.US, "  %-9s %s  %s%s%n", m.state().label(), signed(m.change()), escape(m.frame()), note);
            }
        }
        if (d.thresholdPoints() >= 0) {
            out.println();
            out.println(style.bold("REGRESSION") + " " + (d.passed()
                    ? style.green(String.format(Locale.US, "none: no waiting state rose by more than %.1f points", d.thresholdPoints()))
                    : style.red(String.join("; ", d.regressions().stream().map(c -> String.format(Locale.US,
                    "%s rose %.1f points (%.1f%% → %.1f%%), more than %.1f", c.state().label(), c.points(), c.before() * 100,
                    c.after() * 100, d.thresholdPoints())).toList()))));
        }
        out.flush();
    }

    /** "+1.5", "-0.3", and "+0.0" for what rounds to nothing either way (not "-0.0"). */
    private static String signed(double points) {
        return String.format(Locale.US, "%+8.1f", Math.abs(points) < 0.05 ? 0.0 : points);
    }
}

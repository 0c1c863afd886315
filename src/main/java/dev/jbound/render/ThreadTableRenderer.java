package dev.jbound.render;

import dev.jbound.model.Breakdown;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadState;

import java.io.PrintWriter;
import java.util.Locale;

import static dev.jbound.render.TerminalText.escape;

/**
 * Every thread of a report, one line each: what it did (each state's share of its time), its CPU,
 * and where it spent its main state. The application's threads first, busiest first, as recorded.
 */
public final class ThreadTableRenderer {
    private static final int NAME = 28;

    private final Style style;

    public ThreadTableRenderer(boolean color) {
        this.style = new Style(color);
    }

    public void render(Report r, PrintWriter out) {
        out.println(style.bold(String.format(Locale.US, "%-" + NAME + "s %-8s %5s %5s %5s %5s %5s %5s %7s  %s",
                "THREAD", "KIND", "cpu", "runq", "io", "lock", "gc", "wait", "CPU", "TOP FRAME")));
        for (ThreadRow t : r.threads()) {
            Breakdown b = t.breakdown();
            StringBuilder sb = new StringBuilder(String.format(Locale.US, "%-" + NAME + "s %-8s", trim(escape(t.name())),
                    t.kind() == ThreadKind.APP ? "app" : t.kind().name().toLowerCase(Locale.ROOT)));
            for (ThreadState s : ThreadState.SHOWN) sb.append(String.format(Locale.US, " %5s", Units.percent(b.shareOfTotal(s))));
            sb.append(String.format(Locale.US, " %7s  ", Units.seconds(t.cpuNanos()))).append(escape(t.topFrame()));
            String line = sb.toString();
            out.println(t.idle() ? style.dim(line) : line);
        }
        out.flush();
    }

    private static String trim(String s) {
        return s.length() <= NAME ? s : s.substring(0, NAME - 1) + "~";
    }
}

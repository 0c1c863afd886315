package dev.jbound.render;

import dev.jbound.model.FlameProfile;
import dev.jbound.model.Report;

import java.io.PrintWriter;

/**
 * {@code --flame FILE.html}: the two flame graphs on one self-contained page, CPU time first and
 * blocked time (io + lock) under it, so "where do we wait" is as visible as "where do we burn CPU".
 */
public final class FlamePage {
    static final String CPU_TITLE = "CPU time (µs)";
    static final String BLOCKED_TITLE = "Blocked time: io + lock (µs)";

    private FlamePage() {
    }

    public static void render(Report r, FlameProfile flames, PrintWriter out) {
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>jbound flame graphs · pid "
                + r.target().pid() + "</title>");
        out.println("<style>body{font-family:system-ui,sans-serif;margin:16px}h2{font-size:18px;margin:18px 0 6px}"
                + "p{color:#444;margin:4px 0}</style></head><body>");
        out.println("<h1 style=\"font-size:20px\">jbound · " + Html.text(HtmlReport.title(r)) + "</h1>");
        out.println("<p>Verdict: <b id=\"verdict\">" + Html.text(r.verdict().workloadClass().label()) + "</b> · "
                + Html.text(r.verdict().evidence()) + "</p>");
        sections(flames, out);
        out.println("</body></html>");
        out.flush();
    }

    /** Both graphs, each in its own frame (async-profiler's page script expects to be alone). */
    static void sections(FlameProfile flames, PrintWriter out) {
        out.println("<h2>Where the CPU time goes</h2>");
        out.println(flames.cpu().isEmpty() ? "<p>No CPU samples.</p>"
                : Html.iframe("CPU flame graph", FlameGraphHtml.of(CPU_TITLE, flames.cpu()), 520));
        out.println("<h2>Where threads wait: io and lock</h2>");
        out.println(flames.blocked().isEmpty() ? "<p>No thread was blocked in io or on a lock.</p>"
                : Html.iframe("Blocked flame graph", FlameGraphHtml.of(BLOCKED_TITLE, flames.blocked()), 520));
    }
}

package dev.jbound.render;

import dev.jbound.model.Breakdown;
import dev.jbound.model.FlameProfile;
import dev.jbound.model.FrameCount;
import dev.jbound.model.IoShare;
import dev.jbound.model.LockSite;
import dev.jbound.model.Phases;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WorkloadClass;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --html FILE.html}: the whole report as one self-contained page (inline CSS and SVG, no
 * script of its own, nothing fetched): the verdict and strategy, the breakdown chart, the window
 * slice by slice with each thread's lane, the contended locks, the pools, and the flame graphs.
 */
public final class HtmlReport {
    private static final Map<ThreadState, String> STATE_COLOUR = new EnumMap<>(Map.of(
            ThreadState.CPU, "#2e9d4b", ThreadState.RUNQUEUE, "#d9a400", ThreadState.IO, "#2f6fdb",
            ThreadState.LOCK, "#d63030", ThreadState.GC, "#a23ec9", ThreadState.WAIT, "#e4e4e4"));
    private static final Map<WorkloadClass, String> CLASS_COLOUR = new EnumMap<>(Map.of(
            WorkloadClass.CPU_BOUND, "#2e9d4b", WorkloadClass.CPU_SATURATED, "#e07b00", WorkloadClass.IO_BOUND, "#2f6fdb",
            WorkloadClass.LOCK_BOUND, "#d63030", WorkloadClass.GC_BOUND, "#a23ec9", WorkloadClass.IDLE, "#9a9a9a",
            WorkloadClass.MIXED, "#138a8a"));
    private static final int LANE_HEIGHT = 14;
    private static final int NAME_WIDTH = 220;
    private static final int PLOT_WIDTH = 900;

    private HtmlReport() {
    }

    /** "pid 12 · com.x.Main · JDK 17.0.15 · 10.0 s window · 2 cores", as the text report's header says it. */
    static String title(Report r) {
        StringBuilder sb = new StringBuilder();
        if (r.target().pid() > 0) sb.append("pid ").append(r.target().pid()).append(" · ");
        if (!r.target().mainClass().isBlank()) sb.append(r.target().mainClass()).append(" · ");
        if (!r.target().jvmVersion().isBlank()) sb.append("JDK ").append(r.target().jvmVersion()).append(" · ");
        sb.append(String.format(Locale.US, "%.1f s window · %s cores", r.window().durationNanos() / 1e9,
                dev.jbound.model.CpuBudget.format(r.cores().effectiveCpus())));
        return sb.toString();
    }

    /** @param flames the flame graphs' stacks, or null to leave them out */
    public static void render(Report r, FlameProfile flames, PrintWriter out) {
        out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<title>jbound: " + Html.text(r.verdict().workloadClass().label()) + " · " + Html.text(title(r)) + "</title>");
        out.println("<style>" + CSS + "</style></head><body>");
        out.println("<header><h1>jbound</h1><p class=\"dim\">" + Html.text(title(r)) + " · recorded with "
                + Html.text(r.sampling().recorder()) + "</p></header>");
        verdict(r, out);
        breakdown(r, out);
        timeline(r, out);
        ioTargets(r, out);
        locks(r.locks(), out);
        pools(r.pools(), out);
        frames(r, out);
        if (flames != null) FlamePage.sections(flames, out);
        if (!r.notes().isEmpty()) {
            out.println("<h2>Notes</h2><ul>");
            r.notes().forEach(n -> out.println("<li>" + Html.text(n) + "</li>"));
            out.println("</ul>");
        }
        out.println("</body></html>");
        out.flush();
    }

    private static void verdict(Report r, PrintWriter out) {
        var v = r.verdict();
        out.println("<section class=\"verdict\" style=\"border-color:" + CLASS_COLOUR.get(v.workloadClass()) + "\">");
        out.println("<div id=\"verdict\" class=\"class\" style=\"color:" + CLASS_COLOUR.get(v.workloadClass()) + "\">"
                + Html.text(v.workloadClass().label()) + "</div>");
        out.println(String.format(Locale.US, "<p>%s confidence (%.2f): %s%s</p>", v.confidenceLabel(), v.confidence(),
                Html.text(v.evidence()), v.secondary() == null ? "" : "; secondary: " + Html.text(v.secondary().label())));
        out.println("<h2>Strategy: " + Html.text(r.strategy().headline()) + "</h2><ul>");
        r.strategy().advice().forEach(a -> out.println("<li>" + Html.text(a) + "</li>"));
        out.println("</ul>");
        if (r.strategy().poolSizeFormula() != null) out.println("<p class=\"dim\">" + Html.text(r.strategy().poolSizeFormula()) + "</p>");
        out.println("</section>");
    }

    /** One stacked bar of active time, then a bar per state. */
    private static void breakdown(Report r, PrintWriter out) {
        Breakdown b = r.breakdown();
        out.println("<h2>Where the threads' active time goes</h2>");
        StringBuilder svg = new StringBuilder("<svg id=\"breakdown\" width=\"" + (PLOT_WIDTH + NAME_WIDTH) + "\" height=\""
                + (36 + ThreadState.ACTIVE.size() * 22) + "\" role=\"img\" aria-label=\"breakdown\">");
        double x = NAME_WIDTH;
        for (ThreadState s : ThreadState.ACTIVE) {
            double w = b.shareOfActive(s) * PLOT_WIDTH;
            if (w > 0) svg.append(rect(x, 4, w, 22, STATE_COLOUR.get(s), s.label() + " " + percent(b.shareOfActive(s))));
            x += w;
        }
        int y = 40;
        for (ThreadState s : ThreadState.ACTIVE) {
            double share = b.shareOfActive(s);
            svg.append(label(8, y + 12, s.label()));
            svg.append(rect(NAME_WIDTH, y, Math.max(0.5, share * PLOT_WIDTH), 16, STATE_COLOUR.get(s), s.label()));
            svg.append(label(NAME_WIDTH + share * PLOT_WIDTH + 6, y + 12, percent(share) + " · "
                    + String.format(Locale.US, "%.1f s", b.nanos(s) / 1e9)));
            y += 22;
        }
        out.println(svg.append("</svg>"));
        out.println(String.format(Locale.US, "<p class=\"dim\">%d active threads (%.1f busy on average%s), %d idle; %.1f s waiting for work"
                        + " (idle capacity, not counted above) · %d cpu + %d wall samples, %d lock events</p>",
                r.appThreads() - r.idleThreads(), r.busyThreads(), Units.gcIncluded(r), r.idleThreads(), b.nanos(ThreadState.WAIT) / 1e9,
                r.sampling().cpuSamples(), r.sampling().wallSamples(), r.sampling().lockEvents()));
    }

    /** The phases strip, the slices' shares as columns, and a lane per thread: time runs left to right. */
    private static void timeline(Report r, PrintWriter out) {
        Phases p = r.phases();
        out.println("<h2>Over time</h2>");
        if (p.slices().isEmpty()) {
            out.println("<p>No timeline: the samples do not cover enough of the window (see the notes).</p>");
            return;
        }
        if (p.changed()) {
            StringBuilder sb = new StringBuilder("<p id=\"phases\">Phases: ");
            for (int i = 0; i < p.phases().size(); i++) {
                var ph = p.phases().get(i);
                if (i > 0) sb.append(" → ");
                sb.append("<b>").append(Html.text(ph.workloadClass().label())).append("</b> ")
                        .append(String.format(Locale.US, "%.1f–%.1f s", ph.offsetNanos() / 1e9, (ph.offsetNanos() + ph.lengthNanos()) / 1e9));
            }
            out.println(sb.append("</p>"));
        } else {
            out.println("<p id=\"phases\">One phase: " + Html.text(p.phases().get(0).workloadClass().label()) + " throughout.</p>");
        }
        long total = p.slices().get(p.slices().size() - 1).offsetNanos() + p.slices().get(p.slices().size() - 1).lengthNanos();
        double perNano = (double) PLOT_WIDTH / Math.max(1, total);
        int height = 20 + 70 + 8 + p.lanes().size() * LANE_HEIGHT + 24;
        StringBuilder svg = new StringBuilder("<svg id=\"timeline\" width=\"" + (PLOT_WIDTH + NAME_WIDTH + 10) + "\" height=\"" + height
                + "\" role=\"img\" aria-label=\"timeline\">");
        svg.append(label(8, 14, "phase"));
        for (var ph : p.phases()) {
            svg.append(rect(NAME_WIDTH + ph.offsetNanos() * perNano, 2, ph.lengthNanos() * perNano, 16,
                    CLASS_COLOUR.get(ph.workloadClass()), ph.workloadClass().label()));
        }
        svg.append(label(8, 60, "active time by state"));
        for (var s : p.slices()) {
            double x = NAME_WIDTH + s.offsetNanos() * perNano, w = Math.max(1, s.lengthNanos() * perNano - 1), y = 90;
            for (ThreadState st : ThreadState.ACTIVE) {
                double h = s.breakdown().shareOfActive(st) * 68;
                if (h <= 0) continue;
                y -= h;
                svg.append(rect(x, y, w, h, STATE_COLOUR.get(st), String.format(Locale.US, "%.1f s: %s %s, %s",
                        s.offsetNanos() / 1e9, st.label(), percent(s.breakdown().shareOfActive(st)), s.workloadClass().label())));
            }
        }
        int y = 98;
        for (Phases.Lane lane : p.lanes()) {
            svg.append(label(8, y + LANE_HEIGHT - 3, lane.name().length() > 30 ? lane.name().substring(0, 29) + "…" : lane.name()));
            for (int i = 0; i < lane.states().size() && i < p.slices().size(); i++) {
                ThreadState st = lane.states().get(i);
                if (st == null) continue;
                var s = p.slices().get(i);
                svg.append(rect(NAME_WIDTH + s.offsetNanos() * perNano, y, Math.max(1, s.lengthNanos() * perNano - 1), LANE_HEIGHT - 2,
                        STATE_COLOUR.get(st), lane.name() + " " + String.format(Locale.US, "%.1f s", s.offsetNanos() / 1e9) + ": " + st.label()));
            }
            y += LANE_HEIGHT;
        }
        for (int sec = 0; sec <= total / 1_000_000_000L; sec += Math.max(1, (int) (total / 1_000_000_000L / 10))) {
            svg.append(label(NAME_WIDTH + sec * 1e9 * perNano - 4, y + 16, sec + " s"));
        }
        out.println(svg.append("</svg>"));
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (ThreadState s : ThreadState.values()) {
            legend.append("<span><i style=\"background:").append(STATE_COLOUR.get(s)).append("\"></i>").append(s.label()).append("</span> ");
        }
        out.println(legend.append("</p>"));
    }

    private static void locks(List<LockSite> locks, PrintWriter out) {
        out.println("<h2>Contended locks</h2>");
        if (locks.isEmpty()) {
            out.println("<p>No lock was contended.</p>");
            return;
        }
        out.println("<table id=\"locks\"><tr><th>lock</th><th>where threads waited</th><th>waited</th><th>events</th><th>waiters</th><th>held by</th></tr>");
        for (LockSite l : locks) {
            out.println("<tr><td>" + Html.text(l.lockClass()) + "</td><td>" + Html.text(l.site()) + "</td><td>"
                    + String.format(Locale.US, "%.1f s", l.waitNanos() / 1e9) + "</td><td>" + l.events() + "</td><td>"
                    + Html.text(String.join(", ", l.waiters())) + "</td><td>"
                    + (l.owner() == null ? "" : Html.text(l.owner()) + " in " + Html.text(l.ownerFrame())) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static void ioTargets(Report r, PrintWriter out) {
        if (r.io().targets().isEmpty()) return;
        out.println("<h2>What the I/O waits on</h2><table id=\"io\"><tr><th>target</th><th>kind</th><th>waited</th><th>share of I/O</th>"
                + "<th>threads</th><th>connections</th><th>local process</th></tr>");
        for (IoShare s : r.io().targets()) {
            out.println("<tr><td>" + Html.text(s.target().name()) + "</td><td>" + s.target().kind().label() + "</td><td>"
                    + String.format(Locale.US, "%.2f s", s.nanos() / 1e9) + "</td><td>"
                    + String.format(Locale.US, "%.0f%%", s.shareOfIo() * 100) + "</td><td>" + s.threads() + "</td><td>"
                    + (s.endpoint() == null ? "" : s.endpoint().connections()) + "</td><td>"
                    + (s.endpoint() == null ? "" : Html.text(s.endpoint().local())) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static void pools(List<PoolRow> pools, PrintWriter out) {
        if (pools.isEmpty()) return;
        out.println("<h2>Pools</h2><table id=\"pools\"><tr><th>pool</th><th>threads</th><th>active</th><th>verdict</th><th>advice</th></tr>");
        for (PoolRow p : pools) {
            out.println("<tr><td>" + Html.text(p.name()) + "</td><td>" + p.threads() + "</td><td>" + p.activeThreads() + "</td><td>"
                    + Html.text(p.verdict().workloadClass().label()) + "</td><td>" + Html.text(p.strategy().headline()) + "</td></tr>");
        }
        out.println("</table>");
    }

    private static void frames(Report r, PrintWriter out) {
        out.println("<h2>Top frames by state</h2><table id=\"frames\"><tr><th>state</th><th>frame</th><th>time</th></tr>");
        for (ThreadState s : ThreadState.ACTIVE) {
            for (FrameCount f : r.topFrames().getOrDefault(s, List.of())) {
                out.println("<tr><td>" + s.label() + "</td><td>" + Html.text(f.frame()) + "</td><td>"
                        + String.format(Locale.US, "%.2f s", f.nanos() / 1e9) + "</td></tr>");
            }
        }
        out.println("</table>");
    }

    private static String rect(double x, double y, double w, double h, String colour, String title) {
        return String.format(Locale.US, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                x, y, w, h, colour, Html.text(title));
    }

    private static String label(double x, double y, String text) {
        return String.format(Locale.US, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x, y, Html.text(text));
    }

    private static String percent(double share) {
        return String.format(Locale.US, "%.0f%%", share * 100);
    }

    private static final String CSS = "body{font-family:system-ui,-apple-system,sans-serif;margin:20px 28px;color:#222;max-width:1200px}"
            + "h1{font-size:24px;margin:0}h2{font-size:18px;margin:22px 0 8px}.dim{color:#666}"
            + ".verdict{border-left:6px solid;padding:6px 14px;margin:14px 0;background:#f7f7f7}"
            + ".verdict .class{font-size:30px;font-weight:700}"
            + "svg text{font-size:12px;fill:#333}table{border-collapse:collapse;font-size:13px}"
            + "td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}"
            + ".legend span{margin-right:12px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}";
}

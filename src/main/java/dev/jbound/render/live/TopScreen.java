package dev.jbound.render.live;

import dev.jbound.model.Breakdown;
import dev.jbound.model.JvmOverhead;
import dev.jbound.model.LiveTick;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.render.LaneLetters;
import dev.jbound.render.TerminalText;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out one frame of top: a header (process CPU, the last interval's breakdown, the verdict so
 * far), one row per thread (name, state bar, CPU%, the lock it waits for or holds, else its top
 * frame), and a key line. A pure function of what it is given, so every size can be checked.
 */
public final class TopScreen {
    /** Lines above the thread rows and below them. */
    static final int HEADER_LINES = 7;
    static final int FOOTER_LINES = 1;

    /** What the header names; fixed for the session. */
    public record Target(long pid, String mainClass, String jvmVersion, double intervalSeconds) {
    }

    private static final Map<ThreadState, Integer> COLOUR = new EnumMap<>(Map.of(
            ThreadState.CPU, AttributedStyle.GREEN, ThreadState.RUNQUEUE, AttributedStyle.YELLOW,
            ThreadState.IO, AttributedStyle.BLUE, ThreadState.LOCK, AttributedStyle.RED,
            ThreadState.GC, AttributedStyle.MAGENTA));
    /** The order of the bar's segments: load first, waiting last. */
    private static final List<ThreadState> BAR_ORDER = ThreadState.SHOWN;

    private final Target target;
    private final boolean color;
    private final String dot;
    private final String ellipsis;
    private final String up;
    private final String down;

    public TopScreen(Target target, boolean color, boolean unicode) {
        this.target = target;
        this.color = color;
        this.dot = unicode ? " · " : " - ";
        this.ellipsis = unicode ? "…" : "~";
        this.up = unicode ? "↑" : "^";
        this.down = unicode ? "↓" : "v";
    }

    /** The threads top shows, in order: the filter and sort applied, the JVM's own threads only on request. */
    public static List<ThreadRow> visible(TopState state, Report report) {
        if (report == null) return List.of();
        String f = state.filter().toLowerCase(Locale.ROOT);
        return report.threads().stream()
                .filter(r -> state.jvmThreads() || r.kind() == ThreadKind.APP)
                .filter(r -> f.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(f))
                .sorted(state.sort().order(state.reversed()))
                .toList();
    }

    /** One line for after the view: "pid 12 OrderService over 14 s: mixed (medium confidence): cpu 50%, io 45%". */
    public static String summary(LiveTick tick) {
        Report.Target t = tick.report().target();
        StringBuilder sb = new StringBuilder("pid ").append(t.pid());
        if (t.mainClass() != null && !t.mainClass().isBlank()) sb.append(' ').append(TerminalText.escape(t.mainClass()));
        Verdict v = tick.soFarVerdict();
        sb.append(" over ").append(seconds(tick.soFarNanos() / 1e9)).append(": ").append(v.workloadClass().label())
                .append(" (").append(v.confidenceLabel()).append(" confidence)");
        String sep = ": ";
        for (ThreadState s : BAR_ORDER) {
            double share = tick.soFar().shareOfActive(s);
            if (!s.isActive() || share < 0.005) continue;
            sb.append(sep).append(s.label()).append(' ').append(String.format(Locale.US, "%.0f%%", share * 100));
            sep = ", ";
        }
        return sb.toString();
    }

    /** Thread rows that fit below the header: the key loop scrolls by this much a page. */
    public static int rowsForThreads(int rows) {
        return Math.max(1, rows - HEADER_LINES - FOOTER_LINES);
    }

    /**
     * @param tick    the interval on screen, or null before the first one ends
     * @param status  a line of news for the user ("pid 12 exited"), or null
     */
    public List<AttributedString> render(TopState state, LiveTick tick, int cols, int rows, String status) {
        List<AttributedString> out = new ArrayList<>();
        Report r = tick == null ? null : tick.report();
        out.add(titleLine(tick, cols));
        if (r == null) {
            out.add(plain("recording the first " + seconds(target.intervalSeconds()) + " interval" + ellipsis));
            while (out.size() < rows - FOOTER_LINES) out.add(AttributedString.EMPTY);
            out.add(footer(state, cols));
            return clip(out, cols, rows);
        }
        out.add(nowLine(r));
        out.add(sharesLine("      ", r.breakdown()));
        out.add(soFarLine(tick));
        out.add(adviceLine(tick));
        List<ThreadRow> shown = visible(state, r);
        out.add(statusLine(state, shown.size(), r, status));
        if (state.help()) {
            List<AttributedString> help = helpLines();
            out.addAll(help.subList(0, Math.min(help.size(), Math.max(0, rows - out.size() - FOOTER_LINES))));
        } else {
            out.add(styled(columnsHeader(cols, shown), AttributedStyle.BOLD));
            out.addAll(threadLines(state, shown, tick.dump(), r.window().durationNanos(), cols, rowsForThreads(rows)));
        }
        while (out.size() < rows - FOOTER_LINES) out.add(AttributedString.EMPTY);
        out.add(footer(state, cols));
        return clip(out, cols, rows);
    }

    private AttributedString titleLine(LiveTick tick, int cols) {
        StringBuilder sb = new StringBuilder(" jbound top").append(dot).append("pid ").append(target.pid());
        if (target.mainClass() != null && !target.mainClass().isBlank()) sb.append(dot).append(TerminalText.escape(target.mainClass()));
        if (target.jvmVersion() != null && !target.jvmVersion().isBlank()) sb.append(dot).append("JDK ").append(TerminalText.escape(target.jvmVersion()));
        if (tick != null) {
            sb.append(dot).append(TerminalText.escape(tick.report().sampling().recorder()));
        }
        return new AttributedString(pad(sb.toString(), cols), AttributedStyle.INVERSE);
    }

    private AttributedString nowLine(Report r) {
        JvmOverhead j = r.jvm();
        double window = Math.max(1, r.window().durationNanos());
        double cpu = j.totalCpuNanos() / window * 100;
        int app = r.appThreads();
        int active = app - r.idleThreads();
        return plain(String.format(Locale.US, "now   CPU %.0f%% of %s cores%sthreads %d (%d active)%sGC %.0f%% of CPU",
                cpu, trimmed(r.cores().effectiveCpus()), dot, app, active, dot, j.gcShareOfCpu() * 100));
    }

    /** Each active state's share of active time, coloured as in the bars. */
    private AttributedString sharesLine(String lead, Breakdown b) {
        AttributedStringBuilder sb = new AttributedStringBuilder().append(lead);
        if (b.activeNanos() == 0) return sb.append("no thread was active").toAttributedString();
        for (ThreadState s : BAR_ORDER) {
            // the states that had a share; cpu always, so the line never reads as nothing
            if (!s.isActive() || s != ThreadState.CPU && b.shareOfActive(s) < 0.005) continue;
            String text = String.format(Locale.US, "%s %.0f%%", s == ThreadState.RUNQUEUE ? "runq" : s.label(), b.shareOfActive(s) * 100);
            sb.styled(color ? AttributedStyle.DEFAULT.foreground(COLOUR.get(s)) : AttributedStyle.DEFAULT, text).append("  ");
        }
        return sb.toAttributedString();
    }

    private AttributedString soFarLine(LiveTick tick) {
        Verdict v = tick.soFarVerdict();
        AttributedStringBuilder sb = new AttributedStringBuilder().append("so far ");
        sb.styled(AttributedStyle.BOLD, v.workloadClass().label().toUpperCase(Locale.ROOT));
        sb.append(" (").append(v.confidenceLabel()).append(") over ").append(seconds(tick.soFarNanos() / 1e9)).append(":");
        return sb.append(sharesLine(" ", tick.soFar())).toAttributedString();
    }

    /** The last interval's advice, when that interval agrees with the verdict so far. */
    private AttributedString adviceLine(LiveTick tick) {
        Report r = tick.report();
        if (r.verdict().workloadClass() != tick.soFarVerdict().workloadClass() || r.strategy() == null) {
            return plain("      last " + seconds(r.window().durationNanos() / 1e9) + ": " + r.verdict().workloadClass().label());
        }
        return plain("      " + TerminalText.escape(r.strategy().headline()));
    }

    private AttributedString statusLine(TopState state, int shown, Report r, String status) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int all = (int) r.threads().stream().filter(t -> state.jvmThreads() || t.kind() == ThreadKind.APP).count();
        sb.append("sort ").append(state.sort().label()).append(state.reversed() ? up : down);
        if (!state.filter().isEmpty()) sb.append(dot).append("filter '").append(TerminalText.escape(state.filter())).append("'");
        sb.append(dot).append(Integer.toString(shown)).append(" of ").append(Integer.toString(all))
                .append(state.jvmThreads() ? " threads (JVM's own too)" : " threads");
        if (state.paused()) sb.append(dot).styled(AttributedStyle.BOLD.inverse(), " PAUSED ");
        if (status != null) sb.append(dot).styled(AttributedStyle.BOLD, TerminalText.escape(status));
        return sb.toAttributedString();
    }

    private String columnsHeader(int cols, List<ThreadRow> shown) {
        Widths w = Widths.of(cols, shown);
        return pad("THREAD", w.name) + " " + pad("STATE " + (w.bar >= 36 ? "C cpu R runq I io L lock G gc" : "C R I L G ."), w.bar) + " "
                + String.format(Locale.US, "%5s", "CPU%") + " " + "LOCK OR I/O · TOP FRAME";
    }

    private List<AttributedString> threadLines(TopState state, List<ThreadRow> shown, ThreadSnapshot dump, long window,
                                               int cols, int room) {
        Widths w = Widths.of(cols, shown);
        Map<Long, ThreadSnapshot.DumpThread> byTid = new HashMap<>();
        Map<String, ThreadSnapshot.DumpLock> locks = new HashMap<>();
        if (dump != null) {
            dump.threads().forEach(t -> byTid.put(t.tid(), t));
            dump.locks().forEach(l -> locks.put(l.address(), l));
        }
        int selectedIndex = selectedIndex(state, shown);
        List<AttributedString> lines = new ArrayList<>();
        int first = Math.max(0, Math.min(state.scroll(), Math.max(0, shown.size() - 1)));
        for (int i = first; i < shown.size() && lines.size() < room; i++) {
            ThreadRow row = shown.get(i);
            ThreadSnapshot.DumpThread dt = byTid.get(row.osTid());
            AttributedStringBuilder sb = new AttributedStringBuilder();
            sb.append(pad(TerminalText.escape(row.name()), w.name)).append(" ");
            bar(sb, row.breakdown(), w.bar);
            sb.append(" ").append(String.format(Locale.US, "%5.1f", cpuPercent(row, window))).append(" ");
            String lock = lockText(dt, locks);
            if (lock != null) {
                sb.styled(color ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT, lock);
                if (!row.topFrame().isEmpty()) sb.append(dot);
            } else if (row.mainState() == ThreadState.IO && !row.ioTarget().isEmpty()) {
                // what its I/O waits on: a peer, a file
                sb.styled(color ? AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE) : AttributedStyle.DEFAULT,
                        "io " + TerminalText.escape(row.ioTarget()));
                if (!row.topFrame().isEmpty()) sb.append(dot);
            }
            sb.append(TerminalText.escape(row.topFrame()));
            AttributedString line = sb.toAttributedString().columnSubSequence(0, cols);
            if (i == selectedIndex) line = new AttributedStringBuilder().style(AttributedStyle.INVERSE).append(line).toAttributedString();
            lines.add(line);
            if (row.osTid() == state.expanded() && state.expanded() != 0) {
                for (String s : stackLines(dt, locks)) {
                    if (lines.size() >= room) break;
                    lines.add(plain("    " + s));
                }
            }
        }
        if (shown.isEmpty()) lines.add(plain(state.filter().isEmpty() ? "(no threads)" : "(no thread name contains '" + TerminalText.escape(state.filter()) + "')"));
        return lines;
    }

    /** CPU% of one core over the interval. */
    private static double cpuPercent(ThreadRow row, long windowNanos) {
        return windowNanos <= 0 ? 0 : Math.min(100.0 * row.cpuNanos() / windowNanos, 999.9);
    }

    static int selectedIndex(TopState state, List<ThreadRow> shown) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).osTid() == state.selected()) return i;
        }
        return shown.isEmpty() ? -1 : 0;
    }

    /** "waits Object held by worker-2" or "holds ReentrantLock (3 waiting)", or null. */
    private static String lockText(ThreadSnapshot.DumpThread t, Map<String, ThreadSnapshot.DumpLock> locks) {
        if (t == null) return null;
        if (t.waitingFor() != null) {
            ThreadSnapshot.DumpLock l = locks.get(t.waitingFor());
            String cls = l == null ? t.waitingFor() : simpleName(l.lockClass());
            return "waits " + TerminalText.escape(cls) + (l != null && l.holder() != null ? " held by " + TerminalText.escape(l.holder()) : "");
        }
        for (String a : t.holding()) {
            ThreadSnapshot.DumpLock l = locks.get(a);
            if (l != null && !l.waiters().isEmpty()) {
                return "holds " + TerminalText.escape(simpleName(l.lockClass())) + " (" + l.waiters().size() + " waiting)";
            }
        }
        return null;
    }

    private List<String> stackLines(ThreadSnapshot.DumpThread t, Map<String, ThreadSnapshot.DumpLock> locks) {
        if (t == null) return List.of("(taking a thread dump" + ellipsis + ")");
        List<String> out = new ArrayList<>();
        String lock = lockText(t, locks);
        out.add((t.javaState().isEmpty() ? t.state().label() : TerminalText.escape(t.javaState()))
                + (lock == null ? "" : dot + lock));
        if (t.frames().isEmpty()) out.add("(no Java frames)");
        t.frames().forEach(f -> out.add("at " + TerminalText.escape(f)));
        return out;
    }

    private List<AttributedString> helpLines() {
        List<AttributedString> out = new ArrayList<>();
        out.add(styled("Keys", AttributedStyle.BOLD));
        for (String s : List.of(
                "  q, Ctrl-C      quit (the profiler stops in the target)",
                "  p, space       pause or resume the display",
                "  s              sort by the next column: cpu%, active, io, lock, name",
                "  r              reverse the sort",
                "  /              filter threads by name (Enter applies; Esc, or an empty filter, clears it)",
                "  " + up + " " + down + " k j        select a thread; PgUp PgDn page",
                "  Enter, Esc     show or hide the selected thread's stack (from a thread dump each interval)",
                "  t              show or hide the JVM's own threads (GC, JIT, ...)",
                "  ?, h           this help; any key closes it",
                "State bar: C cpu, R waiting for a CPU, I io, L lock, G gc, . waiting for work")) {
            out.add(plain(s));
        }
        return out;
    }

    private AttributedString footer(TopState state, int cols) {
        if (state.filterInput() != null) {
            return plain("filter: " + TerminalText.escape(state.filterInput()) + "_   (Enter applies, Esc cancels)");
        }
        return new AttributedString(pad("q quit  p pause  s sort  r reverse  / filter  " + up + down
                + " Enter stack  t JVM  ? help", cols), AttributedStyle.INVERSE);
    }

    /** The state bar: each state's share of the thread's time as that many cells. */
    private void bar(AttributedStringBuilder sb, Breakdown b, int width) {
        long total = b.totalNanos();
        int[] cells = new int[BAR_ORDER.size()];
        if (total > 0) {
            double[] exact = new double[BAR_ORDER.size()];
            int used = 0;
            for (int i = 0; i < BAR_ORDER.size(); i++) {
                exact[i] = (double) b.nanos(BAR_ORDER.get(i)) / total * width;
                cells[i] = (int) exact[i];
                used += cells[i];
            }
            // largest remainders get the cells rounding left over
            while (used < width) {
                int best = 0;
                for (int i = 1; i < cells.length; i++) {
                    if (exact[i] - cells[i] > exact[best] - cells[best]) best = i;
                }
                cells[best]++;
                exact[best] = cells[best];
                used++;
            }
        } else {
            cells[cells.length - 1] = width;
        }
        for (int i = 0; i < BAR_ORDER.size(); i++) {
            if (cells[i] == 0) continue;
            ThreadState s = BAR_ORDER.get(i);
            String run = String.valueOf(LaneLetters.letter(s)).repeat(cells[i]);
            AttributedStyle style = !color ? AttributedStyle.DEFAULT
                    : s == ThreadState.WAIT ? AttributedStyle.DEFAULT.faint()
                    : AttributedStyle.DEFAULT.background(COLOUR.get(s)).foreground(AttributedStyle.BLACK);
            sb.styled(style, run);
        }
    }

    /**
     * Column widths for a terminal this wide: names as long as the longest shown, up to a quarter
     * of the width; the bar a quarter too; the frame gets the rest (at 80 columns, 29 or more).
     */
    private record Widths(int name, int bar) {
        static Widths of(int cols, List<ThreadRow> shown) {
            int longest = shown.stream().mapToInt(r -> new AttributedString(TerminalText.escape(r.name())).columnLength()).max().orElse(0);
            int name = Math.max(12, Math.min(Math.min(40, cols / 4 + 2), longest));
            int bar = Math.max(10, Math.min(40, cols / 4));
            return new Widths(name, bar);
        }
    }

    private static String simpleName(String cls) {
        if (cls == null) return "?";
        int dot = cls.lastIndexOf('.');
        return dot >= 0 ? cls.substring(dot + 1) : cls;
    }

    private String pad(String s, int width) {
        AttributedString a = new AttributedString(s);
        if (a.columnLength() > width) return a.columnSubSequence(0, Math.max(0, width - 1)).toString() + ellipsis;
        return s + " ".repeat(width - a.columnLength());
    }

    private static List<AttributedString> clip(List<AttributedString> lines, int cols, int rows) {
        List<AttributedString> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < rows; i++) {
            AttributedString l = lines.get(i);
            out.add(l.columnLength() > cols ? l.columnSubSequence(0, cols) : l);
        }
        return out;
    }

    private static AttributedString plain(String s) {
        return new AttributedString(s);
    }

    private static AttributedString styled(String s, AttributedStyle style) {
        return new AttributedString(s, style);
    }

    private static String seconds(double s) {
        return s < 10 ? String.format(Locale.US, "%.1f s", s) : String.format(Locale.US, "%.0f s", s);
    }

    private static String trimmed(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.US, "%.1f", d);
    }
}

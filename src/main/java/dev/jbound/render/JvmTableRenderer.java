package dev.jbound.render;

import dev.jbound.model.FoundJvm;
import dev.jbound.model.JvmScan;
import dev.jbound.model.JvmStatus;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.jbound.render.TerminalText.escape;

/** {@code jbound ps} as an aligned table; the main class comes last, so a long one cannot push the others about. */
public final class JvmTableRenderer implements Renderer<JvmScan> {
    private static final String[] HEADER = {"PID", "USER", "UPTIME", "THREADS", "CPU%", "JDK", "ATTACHABLE", "MAIN"};
    /** Columns of figures, aligned right. */
    private static final boolean[] RIGHT = {true, false, true, true, true, false, false, false};

    private final Style style;

    public JvmTableRenderer(boolean color) {
        this.style = new Style(color);
    }

    @Override
    public void render(JvmScan scan, PrintWriter out) {
        if (scan.jvms().isEmpty()) {
            out.println("no JVMs found (none running that jbound can see, besides itself)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (JvmStatus s : scan.jvms()) rows.add(row(s));
        int[] width = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            width[c] = HEADER[c].length();
            for (String[] r : rows) width[c] = Math.max(width[c], r[c].length());
        }
        out.println(style.bold(line(HEADER, width)));
        for (String[] r : rows) out.println(line(r, width));
    }

    private static String[] row(JvmStatus s) {
        FoundJvm j = s.jvm();
        String attach = j.attachability().attachable() ? "yes" : "no (" + j.attachability().reason() + ")";
        return new String[]{
                Long.toString(j.pid()),
                escape(j.user()),
                s.uptimeMillis() < 0 ? "?" : Units.uptime(s.uptimeMillis()),
                Integer.toString(s.threads()),
                String.format(Locale.US, "%.0f", s.cpuPercent()),
                s.jvmVersion().isEmpty() ? "?" : escape(s.jvmVersion()),
                attach,
                j.mainClass().isEmpty() ? "?" : escape(j.mainClass())};
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) sb.append("  ");
            if (c == cells.length - 1) {
                sb.append(cells[c]);
            } else {
                String pad = " ".repeat(width[c] - cells[c].length());
                sb.append(RIGHT[c] ? pad + cells[c] : cells[c] + pad);
            }
        }
        return sb.toString();
    }
}

package dev.jbound.render;

import dev.jbound.model.CheckResult;
import dev.jbound.model.Report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * JUnit XML as CI servers read it (the Ant/Surefire format): one test suite, one test case per
 * assertion, a {@code <failure>} naming the measured value and the bound; the verdict and the
 * breakdown in {@code <system-out>} so a failure can be judged without the full report.
 */
public final class CheckJunitRenderer implements Renderer<CheckResult> {

    @Override
    public void render(CheckResult result, PrintWriter out) {
        Report r = result.report();
        String suite = "jbound check " + (r.target().mainClass().isBlank() ? "pid " + r.target().pid() : r.target().mainClass());
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf(Locale.US, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\" timestamp=\"%s\">%n",
                xml(suite), result.outcomes().size(), result.failures().size(), r.window().durationNanos() / 1e9,
                Instant.ofEpochMilli(r.window().startEpochMillis()).toString().replaceFirst("\\.\\d+Z$", "Z").replace("Z", ""));
        for (CheckResult.Outcome o : result.outcomes()) {
            out.printf("  <testcase classname=\"jbound.check\" name=\"%s\" time=\"0\"", xml(o.assertion().describe()));
            if (o.passed()) {
                out.println("/>");
            } else {
                out.println(">");
                out.printf("    <failure message=\"%s\" type=\"jbound.CheckFailed\">%s</failure>%n", xml(o.message()), xml(o.message()));
                out.println("  </testcase>");
            }
        }
        out.println("  <system-out>" + xml(plainReport(r)) + "</system-out>");
        out.println("</testsuite>");
        out.flush();
    }

    private static String plainReport(Report r) {
        StringWriter text = new StringWriter();
        new TextRenderer(false, false).render(r, new PrintWriter(text));
        return text.toString();
    }

    /** Escapes text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n', '\t' -> b.append(c);
                case '\r' -> b.append("&#13;");
                default -> b.append(c < 0x20 || c == 0xfffe || c == 0xffff ? '\ufffd' : c);
            }
        }
        return b.toString();
    }
}

package dev.jbound.render;

import java.util.Locale;

/** Human figures for durations, shares and byte counts; locale-independent so output is stable. */
final class Units {
    private Units() {
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s >= 10) return String.format(Locale.ROOT, "%.0f s", s);
        if (s >= 0.1) return String.format(Locale.ROOT, "%.1f s", s);
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String bytes(long n) {
        if (n < 0) return "?";
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
        return String.format(Locale.ROOT, "%.1f GiB", n / 1073741824.0);
    }
}

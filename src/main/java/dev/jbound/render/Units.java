package dev.jbound.render;

import java.util.Locale;

/** Human figures for durations, shares and byte counts; locale-independent so output is stable. */
final class Units {
    private Units() {
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        if (s >= 10) return String.format(Locale.US, "%.0f s", s);
        if (s >= 0.1) return String.format(Locale.US, "%.1f s", s);
        return String.format(Locale.US, "%.0f ms", nanos / 1e6);
    }

    static String percent(double share) {
        return String.format(Locale.US, "%.0f%%", share * 100);
    }

    /** How long a process has run, in its two largest units: 42s, 3m07s, 5h02m, 12d04h. */
    static String uptime(long millis) {
        long s = millis / 1000;
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.US, "%dm%02ds", s / 60, s % 60);
        if (s < 86400) return String.format(Locale.US, "%dh%02dm", s / 3600, s % 3600 / 60);
        return String.format(Locale.US, "%dd%02dh", s / 86400, s % 86400 / 3600);
    }

    static String bytes(long n) {
        if (n < 0) return "?";
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.US, "%.1f KiB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.US, "%.1f MiB", n / 1048576.0);
        return String.format(Locale.US, "%.1f GiB", n / 1073741824.0);
    }

    /**
     * ", the GC's threads included" where the busy threads outnumber the active ones: the average
     * counts the GC threads' CPU (the breakdown's gc), the active count only the application's.
     */
    static String gcIncluded(dev.jbound.model.Report r) {
        int active = r.appThreads() - r.idleThreads();
        return r.breakdown().nanos(dev.jbound.model.ThreadState.GC) > 0 && r.busyThreads() >= active + 0.05 ? ", the GC's threads included" : "";
    }
}

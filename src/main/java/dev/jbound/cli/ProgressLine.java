package dev.jbound.cli;

import dev.jbound.record.Recorder;

import java.time.Duration;
import java.util.Locale;

/** A one-line progress indicator on stderr, redrawn in place; used on a terminal only. */
final class ProgressLine implements Recorder.Progress {
    private static final int WIDTH = 20;
    private final Console console;
    private final long pid;
    private boolean drawn;

    ProgressLine(Console console, long pid) {
        this.console = console;
        this.pid = pid;
    }

    @Override
    public void update(Duration elapsed, Duration total) {
        double f = Math.min(1, elapsed.toNanos() / (double) Math.max(1, total.toNanos()));
        int full = (int) Math.round(f * WIDTH);
        String on = console.unicode() ? "█" : "#";
        String off = console.unicode() ? "░" : ".";
        console.err().printf(Locale.US, "\rrecording pid %d  %s%s  %.1f / %.1f s (Ctrl-C stops early) ",
                pid, on.repeat(full), off.repeat(WIDTH - full), elapsed.toMillis() / 1000.0, total.toMillis() / 1000.0);
        console.err().flush();
        drawn = true;
    }

    void clear() {
        if (!drawn) return;
        console.err().print("\r\u001b[2K");
        console.err().flush();
        drawn = false;
    }
}

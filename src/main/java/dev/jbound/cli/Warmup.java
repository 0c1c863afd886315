package dev.jbound.cli;

import dev.jbound.model.Report;
import dev.jbound.profile.WarmupReport;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Loads and initialises the analysis and rendering classes (the frame-rule tables, Jackson) on
 * a background thread before the window opens, so that the verdict follows the window's end
 * quickly instead of waiting for a cold JVM. Done before the window, not during it, so that it
 * takes no CPU from the target while it is measured.
 */
final class Warmup {
    private final Thread thread;

    private Warmup(Thread thread) {
        this.thread = thread;
    }

    static Warmup start(OutputFormat format) {
        Thread t = new Thread(() -> run(format), "jbound-warmup");
        t.setDaemon(true);
        t.start();
        return new Warmup(t);
    }

    /** Waits for the warm-up to finish (bounded: a slow machine must not delay recording much). */
    void await() {
        try {
            thread.join(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(OutputFormat format) {
        try {
            Report report = WarmupReport.analyze();
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            format.renderer(Report.class, new Console(sink, sink, false, false, true, false)).render(report, sink);
        } catch (RuntimeException | LinkageError ignored) {
            // warm-up is an optimisation only
        }
    }
}

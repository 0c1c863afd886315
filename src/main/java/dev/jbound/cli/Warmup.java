package dev.jbound.cli;

import dev.jbound.analyze.Analyzer;
import dev.jbound.model.Frame;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.WallSample;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

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
            Stack stack = Stack.of(Frame.nativeFrame("libc.so.6", "__futex_abstimed_wait_common"),
                    Frame.java("jdk.internal.misc.Unsafe", "park"),
                    Frame.java("java.util.concurrent.locks.LockSupport", "park"),
                    Frame.java("dev.jbound.Warmup", "run"));
            Recording rec = new Recording(0, 1_000_000_000L, 10_000_000L, 20_000_000L,
                    Map.of(1L, new ThreadInfo(1, "warmup-1", 1)), List.of(),
                    List.of(new WallSample(0, 1, stack, 1_000_000_000L)), List.of(), false);
            Report report = Analyzer.analyze(new Analyzer.Input(rec, null, null, new Report.Target(0, "", ""), "warmup", List.of()));
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            format.renderer(new Console(sink, sink, false, false, true, false)).render(report, sink);
        } catch (RuntimeException | LinkageError ignored) {
            // warm-up is an optimisation only
        }
    }
}

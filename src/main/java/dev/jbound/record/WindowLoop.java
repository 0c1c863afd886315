package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waits out a recording window: reports progress, notices a target that exits and an interrupt
 * (Ctrl-C), and keeps a shutdown hook that stops the recorder in the target should jbound itself
 * be terminated. Both recorders also give the target a timer of its own against SIGKILL.
 */
final class WindowLoop {

    /** How often the loop checks that the target lives and reports progress. */
    private static final long TICK_MILLIS = 100;

    record Outcome(boolean interrupted, boolean exited, List<String> notes) {
    }

    private WindowLoop() {
    }

    /** @param stopQuietly stops the recorder in the target, best effort, from a shutdown hook */
    static Outcome run(long pid, Duration window, Recorder.Progress progress, Runnable stopQuietly) {
        Thread hook = new Thread(stopQuietly, "jbound-stop-recorder");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> notes = new ArrayList<>();
        try {
            long total = window.toNanos();
            long t0 = System.nanoTime();
            while (true) {
                long elapsed = System.nanoTime() - t0;
                if (elapsed >= total) return new Outcome(false, false, notes);
                if (!ProcessIdentity.isAlive(pid)) {
                    notes.add(String.format(Locale.US, "the target exited %.1f s into the %.1f s window; the verdict covers what was recorded",
                            elapsed / 1e9, total / 1e9));
                    return new Outcome(false, true, notes);
                }
                progress.update(Duration.ofNanos(elapsed), window);
                try {
                    Thread.sleep(Math.min(TICK_MILLIS, Math.max(1, (total - elapsed) / 1_000_000)));
                } catch (InterruptedException e) {
                    notes.add(String.format(Locale.US, "interrupted %.1f s into the window", elapsed / 1e9));
                    return new Outcome(true, false, notes);
                }
            }
        } finally {
            removeHook(hook);
        }
    }

    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }
}

package dev.jbound.profile;

import dev.jbound.model.Report;
import dev.jbound.record.Recorder;
import dev.jbound.record.RecorderChoice;
import dev.jbound.record.RecordingException;
import dev.jbound.record.RecordingSettings;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import dev.jbound.target.TargetJvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code jbound watch}: a window recorded every period, on one JVM by pid, on the JVM a name
 * matches (found again each period, so a restart under a new pid is followed), or on every JVM
 * that can be attached ({@code --all}: new ones picked up, gone ones dropped). Each window is the
 * same attach → record → analyse as {@code jbound attach}, so the profiler stops in the target
 * after every window and whatever ends jbound. The windows of several JVMs run side by side.
 *
 * <p>A JVM that cannot be recorded (attach refused, a recording unreadable) is reported and tried
 * again after a pause that doubles each time, up to {@link #MAX_BACKOFF_PERIODS} periods.
 */
public final class Watch {
    static final int MAX_BACKOFF_PERIODS = 8;
    private static final long STOP_WAIT_SECONDS = 30;

    /** Which JVMs: a pid, a name (the one JVM it matches), or all (every one the name matches, or every one without a name). */
    public record Selection(long pid, String name, boolean all) {
        public static Selection ofPid(long pid) {
            return new Selection(pid, null, false);
        }

        public static Selection ofName(String name) {
            return new Selection(0, name, false);
        }

        /** @param name null for every JVM jbound can attach to */
        public static Selection ofAll(String name) {
            return new Selection(0, name, true);
        }
    }

    /**
     * @param rounds  how many periods to run, 0 for until interrupted
     * @param archive where each window's recording is kept (rotated), or null to keep none
     */
    public record Options(Selection selection, RecordingSettings window, Duration every, RecorderChoice recorder, long rounds,
                          RecordingArchive archive) {
    }

    /** What the loop tells its caller; called from the loop's thread, one call at a time. */
    public interface Listener {
        void recorded(TargetJvm jvm, Report report);

        void failed(long pid, String jvm, String why);

        /** A JVM recorded before is no longer there (ended, or no longer the one the name matches). */
        void gone(long pid, String jvm);

        /** No JVM to record this period, and why (a name that matches none now). */
        void idle(String why);

        /** A period ended. */
        void period(long number);
    }

    private record Backoff(long untilNanos, int periods) {
    }

    private final Options options;
    private final Listener listener;
    private final Map<Long, String> known = new LinkedHashMap<>();
    private final Map<Long, Backoff> backoff = new HashMap<>();

    private Watch(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
    }

    /**
     * Runs until interrupted, {@code options.rounds()} periods have passed, or the JVM named by pid
     * has ended. An interrupt ends the windows under way (each stops its profiler) and returns.
     */
    public static void run(Options options, Listener listener) {
        new Watch(options, listener).loop();
    }

    private void loop() {
        ExecutorService windows = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jbound-watch-window");
            t.setDaemon(true);
            return t;
        });
        try {
            long every = options.every().toNanos();
            for (long period = 1; options.rounds() == 0 || period <= options.rounds(); period++) {
                long start = System.nanoTime();
                List<TargetJvm> targets = targets();
                if (targets == null) return; // the pid has ended
                forgetGone(targets);
                List<Map.Entry<TargetJvm, Future<Report>>> running = new ArrayList<>();
                for (TargetJvm t : targets) {
                    if (pausing(t.pid())) continue;
                    running.add(Map.entry(t, windows.submit(() -> record(t))));
                }
                for (var r : running) collect(r.getKey(), r.getValue());
                if (Thread.currentThread().isInterrupted()) return;
                listener.period(period);
                if (options.rounds() != 0 && period == options.rounds()) return;
                long left = every - (System.nanoTime() - start);
                if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // a window still running sees the interrupt, stops its profiler and returns: wait for
            // that, or the JVM could end with a profiler still running in a target
            windows.shutdownNow();
            awaitStopped(windows);
        }
    }

    /**
     * Waits up to {@value #STOP_WAIT_SECONDS} s, through interrupts (a second Ctrl-C), keeping the
     * interrupt for the caller; a target that does not answer by then stops its profiler itself
     * (RecordingSettings.selfStopSeconds).
     */
    private static void awaitStopped(ExecutorService windows) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                if (windows.awaitTermination(left, TimeUnit.NANOSECONDS)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private Report record(TargetJvm t) throws TargetException, RecordingException {
        RecordingArchive archive = options.archive();
        Report report = LiveProfile.run(t, options.window(), Recorder.Progress.NONE, archive == null ? null : archive.next(t.pid()),
                options.recorder()).report();
        if (archive != null) {
            try {
                archive.rotate();
            } catch (java.io.IOException e) {
                throw new RecordingException("cannot rotate the kept recordings: " + e.getMessage(), e);
            }
        }
        return report;
    }

    private void collect(TargetJvm t, Future<Report> window) throws InterruptedException {
        String name = t.mainClass();
        try {
            Report report = window.get();
            backoff.remove(t.pid());
            known.put(t.pid(), name);
            listener.recorded(t, report);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable why = e.getCause();
            if (!ProcessIdentity.isAlive(t.pid())) {
                // it ended during the window: gone, not failed
                if (known.remove(t.pid()) != null) listener.gone(t.pid(), name);
                return;
            }
            refused(t.pid(), name, why.getMessage() == null ? why.toString() : why.getMessage());
        } catch (InterruptedException e) {
            window.cancel(true);
            throw e;
        }
    }

    /** Reports a JVM that could not be recorded and pauses it: one period, then twice as long each time. */
    private void refused(long pid, String name, String why) {
        Backoff b = backoff.get(pid);
        int periods = b == null ? 1 : Math.min(MAX_BACKOFF_PERIODS, b.periods() * 2);
        backoff.put(pid, new Backoff(System.nanoTime() + periods * options.every().toNanos(), periods));
        listener.failed(pid, name, why);
    }

    private boolean pausing(long pid) {
        Backoff b = backoff.get(pid);
        return b != null && System.nanoTime() < b.untilNanos();
    }

    /** The JVMs to record this period; null when the pid watched has ended. */
    private List<TargetJvm> targets() {
        Selection s = options.selection();
        List<TargetJvm> out = new ArrayList<>();
        try {
            if (s.all()) {
                out.addAll(TargetFinder.allAttachable(s.name()));
                if (out.isEmpty()) listener.idle(s.name() == null ? "no JVM to attach to" : "no JVM matches '" + s.name() + "'");
            } else if (s.name() != null) {
                out.add(TargetFinder.byPidOrName(s.name()));
            } else if (!pausing(s.pid())) {
                out.add(TargetFinder.byPid(s.pid()));
            }
        } catch (TargetException e) {
            if (s.name() == null && !s.all()) {
                if (!ProcessIdentity.isAlive(s.pid())) {
                    String name = known.remove(s.pid());
                    listener.gone(s.pid(), name == null ? "" : name);
                    return null;
                }
                refused(s.pid(), "", e.getMessage()); // alive but refuses attach (disabled, another user's)
                return out;
            }
            listener.idle(e.getMessage());
        }
        return out;
    }

    /**
     * Drops the JVMs recorded before that this period's look did not find. One paused after a
     * failed window is not looked for (by pid) but is still there: it stays while it runs.
     */
    private void forgetGone(List<TargetJvm> now) {
        List<Long> current = now.stream().map(TargetJvm::pid).toList();
        for (var it = known.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            long pid = e.getKey();
            if (!current.contains(pid) && !(pausing(pid) && ProcessIdentity.isAlive(pid))) {
                it.remove();
                backoff.remove(pid);
                listener.gone(pid, e.getValue());
            }
        }
    }
}

package dev.jbound.record;

import dev.jbound.model.OsActivity;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Records one window of a running JVM with async-profiler (cpu + wall clock + lock, one JFR file)
 * and the OS sensor side by side.
 *
 * <p>The target must never be left profiled: the profiler is started with its own timeout, so it
 * stops by itself even when jbound is killed with SIGKILL; SIGTERM and Ctrl-C stop it at once.
 */
public final class AsyncProfilerRecorder implements Recorder {

    /**
     * The OS sensor's polls are evidence of their own: each finds every sleeping thread's blocking
     * call, and a 5 s window needs dozens of them to tell a flush from a futex or a client's read
     * from a server's. The sensor stretches the interval for big JVMs to stay under 0.5% of a core
     * (OsSensor: ~14 us a thread a poll, so a 35-thread JVM is polled every 100 ms, one of 2,000
     * threads about every 5.6 s).
     */
    static final Duration OS_POLL_INTERVAL = OsSensor.DEFAULT_POLL_INTERVAL;

    private final NativeProfiler profiler;
    private final Asprof asprof;
    private final ProfilerSessions sessions;

    /** @throws RecorderUnavailableException when the profiler cannot be unpacked on this machine */
    public AsyncProfilerRecorder() throws RecordingException {
        try {
            this.profiler = NativeProfiler.unpack();
        } catch (RecordingException e) {
            throw new RecorderUnavailableException(e.getMessage(), e);
        }
        this.asprof = new Asprof(profiler);
        this.sessions = new ProfilerSessions();
        ScratchFiles.sweep();
    }

    @Override
    public RecordedWindow record(TargetJvm target, RecordingSettings settings, Progress progress)
            throws RecordingException, TargetException {
        long pid = target.pid();
        Duration selfStop = Duration.ofSeconds(settings.selfStopSeconds());
        Path jfr = ScratchFiles.forTarget(pid, selfStop);
        dev.jbound.Timing.mark("record-called");
        long start = epochNanos();
        dev.jbound.Timing.mark("attach-start");
        try {
            start(pid, jfr, settings);
            ScratchFiles.profilerStarted(jfr, pid, selfStop);
        } catch (RecordingException | TargetException | RuntimeException e) {
            ScratchFiles.delete(jfr);
            throw e;
        }
        // The OS's counters span the recording's window, not the attach before it nor the stop after
        // it: on a busy machine attaching takes seconds, and rates over the longer span came out 2× high.
        OsSensor os = OsSensor.start(pid, OS_POLL_INTERVAL);
        dev.jbound.Timing.mark("window-start");
        WindowLoop.Outcome outcome;
        try {
            outcome = WindowLoop.run(pid, settings.duration(), progress, () -> stopQuietly(pid, jfr));
        } finally {
            dev.jbound.Timing.mark("window-end");
        }
        boolean exited = outcome.exited();
        OsActivity activity = os.stop();
        try {
            if (!exited) stop(pid, jfr);
        } finally {
            sessions.clear(pid);
        }
        long end = epochNanos();
        dev.jbound.Timing.mark("stopped");
        if (exited && !Files.isRegularFile(jfr)) {
            ScratchFiles.delete(jfr);
            throw new RecordingException("the target exited before the recording could be written");
        }
        // The interrupt is reported in the result, not left set: reading the file back would fail on it.
        return new RecordedWindow(jfr, start, end, activity, outcome.notes(), outcome.interrupted());
    }

    private void start(long pid, Path jfr, RecordingSettings s) throws RecordingException, TargetException {
        long timeout = s.selfStopSeconds();
        List<String> args = List.of("start", "-e", "cpu", "-i", nanos(s.cpuInterval()),
                "--wall", nanos(s.wallIntervalFor(threadCount(pid))), "--lock", nanos(s.lockThreshold()),
                "-o", "jfr", "-f", jfr.toString(), "--timeout", Long.toString(timeout));
        var previous = sessions.find(pid);
        // Marked before the start, not after: a jbound killed between the two must still leave a
        // marker, or the next attach could not tell its orphan from another user's session.
        boolean othersLive = previous.filter(ProfilerSessions.Session::ownerAlive).isPresent();
        if (!othersLive) sessions.mark(pid, jfr);
        Asprof.Result r = asprof.run(pid, args);
        if (!r.ok() && r.message().contains("already")) {
            // Our own orphan (a jbound killed mid-window) may stop; another user's session may not.
            var orphan = previous.filter(s2 -> !s2.ownerAlive());
            if (orphan.isEmpty()) {
                if (!othersLive) sessions.clear(pid);
                throw new RecordingException("pid " + pid + " is already being profiled by async-profiler; wait for it to finish");
            }
            stopQuietly(pid, orphan.get().jfr());
            ScratchFiles.delete(orphan.get().jfr());
            r = asprof.run(pid, args);
        }
        if (!r.ok()) {
            if (!othersLive) sessions.clear(pid);
            String msg = r.message();
            if (r.attachRefused() || msg.contains("not found")) {
                throw new TargetException("cannot attach to pid " + pid + ": " + msg);
            }
            throw new RecorderUnavailableException("async-profiler did not start in pid " + pid + ": " + msg);
        }
    }

    private void stop(long pid, Path jfr) throws RecordingException {
        Asprof.Result r = asprof.run(pid, List.of("stop", "-o", "jfr", "-f", jfr.toString()));
        // "not active" means the target's own timer stopped it first: the file is complete.
        if (!r.ok() && !r.message().contains("not active") && ProcessIdentity.isAlive(pid)) {
            throw new RecordingException("async-profiler did not stop cleanly in pid " + pid + ": " + r.message());
        }
    }

    private void stopQuietly(long pid, Path jfr) {
        try {
            if (ProcessIdentity.isAlive(pid)) asprof.run(pid, List.of("stop", "-o", "jfr", "-f", jfr.toString()));
        } catch (RecordingException ignored) {
            // best effort while exiting; the target's own timeout remains the guarantee
        }
    }

    @Override
    public String name() {
        return "async-profiler";
    }

    /** Taken after the window, so it costs the target nothing while measured. */
    @Override
    public String threadDump(long pid) {
        return asprof.threadDump(pid);
    }

    private static int threadCount(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }



    private static String nanos(Duration d) {
        return Long.toString(d.toNanos());
    }

    private static long epochNanos() {
        return WindowLoop.epochNanos();
    }
}

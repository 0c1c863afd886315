package dev.jbound.record;

import dev.jbound.model.OsActivity;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Records one window with the JDK's own Flight Recorder, started in the target through the attach
 * mechanism ({@code jcmd JFR.start}), for targets where async-profiler's library cannot load
 * (e.g. -XX:-EnableDynamicAgentLoading). The recording is given a duration of its own, so the
 * target stops it even if jbound is killed; the OS sensor runs alongside as for async-profiler.
 *
 * <p>Mind: JFR merges the settings of concurrent recordings, so a recording the target already
 * runs sees jbound's lower thresholds while jbound's window lasts.
 */
public final class JfrRecorder implements Recorder {


    private final Asprof jattach;

    public JfrRecorder() throws RecordingException {
        this.jattach = new Asprof(NativeProfiler.unpack());
        ScratchFiles.sweep();
    }

    @Override
    public String name() {
        return "JDK Flight Recorder";
    }

    @Override
    public RecordedWindow record(TargetJvm target, RecordingSettings settings, Progress progress)
            throws RecordingException, TargetException {
        long pid = target.pid();
        Duration selfStop = Duration.ofSeconds(settings.selfStopSeconds());
        Path jfr = ScratchFiles.forTarget(pid, selfStop);
        // the recording, its file and its settings share one random name
        String name = jfr.getFileName().toString().replace(".jfr", "");
        Path jfc = writeSettings(settings, name, JfrSettingsFile.hasCpuTimeSampler(target.jvmVersion()));
        long start = WindowLoop.epochNanos();
        try {
            start(pid, name, jfc, jfr, settings);
            ScratchFiles.profilerStarted(jfr, pid, selfStop);
        } catch (RecordingException | TargetException | RuntimeException e) {
            ScratchFiles.delete(jfr);
            throw e;
        } finally {
            ScratchFiles.delete(jfc);
        }
        // over the recording's window only, as for async-profiler
        OsSensor os = OsSensor.start(pid, AsyncProfilerRecorder.OS_POLL_INTERVAL);
        WindowLoop.Outcome outcome = WindowLoop.run(pid, settings.duration(), progress, () -> stopQuietly(pid, name));
        OsActivity activity = os.stop();
        long end;
        try {
            if (!outcome.exited()) stop(pid, name);
        } finally {
            end = WindowLoop.epochNanos();
        }
        if (outcome.exited() && !Files.isRegularFile(jfr)) {
            ScratchFiles.delete(jfr);
            throw new RecordingException("the target exited before the JDK Flight Recorder wrote its recording");
        }
        return new RecordedWindow(jfr, start, end, activity, outcome.notes(), outcome.interrupted());
    }

    private void start(long pid, String name, Path jfc, Path jfr, RecordingSettings s) throws RecordingException, TargetException {
        long duration = s.selfStopSeconds();
        Asprof.Result r = jattach.jattach("jcmd", pid, List.of("JFR.start", "name=" + name, "settings=" + jfc,
                "filename=" + jfr, "duration=" + duration + "s"));
        String out = (r.stdout() + r.stderr()).strip();
        if (!r.ok() || !out.contains("Started recording")) {
            if (out.contains("Connection refused") || out.contains("No such process") || out.contains("not found")
                    || r.attachRefused()) {
                throw new TargetException("cannot attach to pid " + pid + ": " + r.message());
            }
            throw new RecorderUnavailableException("the JDK Flight Recorder did not start in pid " + pid + ": " + lastLine(out));
        }
    }

    private void stop(long pid, String name) throws RecordingException {
        jattach.stopJfr(pid, name);
    }

    private void stopQuietly(long pid, String name) {
        try {
            if (ProcessIdentity.isAlive(pid)) jattach.jattach("jcmd", pid, List.of("JFR.stop", "name=" + name));
        } catch (RecordingException ignored) {
            // best effort while exiting; the recording's own duration remains the guarantee
        }
    }

    @Override
    public String threadDump(long pid) {
        return jattach.threadDump(pid);
    }

    /** The target reads the settings, possibly as another user: world-readable, randomly named in /tmp. */
    private static Path writeSettings(RecordingSettings s, String name, boolean cpuTimeSampler) throws RecordingException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), name + ".jfc");
        JfrSettingsFile.write(s, file, "rw-r--r--", cpuTimeSampler, !cpuTimeSampler);
        return file;
    }

    private static String lastLine(String text) {
        int nl = text.lastIndexOf('\n');
        return nl >= 0 ? text.substring(nl + 1).strip() : text;
    }
}

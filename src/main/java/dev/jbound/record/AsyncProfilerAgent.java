package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * async-profiler loaded as an agent ({@code -agentpath:libasyncProfiler.so=start,...}): the JVM
 * records cpu, wall-clock and lock samples from its start into {@code DIR/PID.jfr}, which the
 * agent creates the moment profiling starts and completes when the JVM exits.
 */
public final class AsyncProfilerAgent implements StartupRecorder {

    /**
     * The agent logs ("Profiling started", warnings) to stdout by default, which would mix into the
     * command's output; every JVM writes this one file instead (the last one's lines survive).
     */
    static final String LOG_FILE = "agent.log";
    private static final Pattern RECORDING = Pattern.compile("(\\d+)\\.jfr");

    private final NativeProfiler profiler;
    private final Asprof asprof;

    public AsyncProfilerAgent() throws RecordingException {
        this.profiler = NativeProfiler.unpack();
        this.asprof = new Asprof(profiler);
    }

    @Override
    public String name() {
        return "async-profiler";
    }

    /**
     * The wall interval cannot follow the thread count (no JVM runs yet): it is the shortest, which
     * a JVM's first threads can afford. {@code timeout} stops each JVM's profiler by itself one
     * window (plus grace) after that JVM started, should jbound be killed before it can.
     */
    @Override
    public List<String> javaToolOptions(Path dir, RecordingSettings s) throws RecordingException {
        Path library = profiler.library();
        for (Path p : List.of(library, dir)) {
            // async-profiler splits its options at commas; there is no escape
            if (p.toString().contains(",")) throw new RecordingException("cannot pass " + p + " to async-profiler: the path contains a comma");
        }
        long timeoutSeconds = s.selfStopSeconds();
        return List.of("-agentpath:" + library + "=" + String.join(",", "start", "event=cpu",
                "interval=" + nanos(s.cpuInterval()), "wall=" + nanos(s.wallIntervalFor(0)), "lock=" + nanos(s.lockThreshold()),
                "timeout=" + timeoutSeconds, "jfr", "log=" + dir.resolve(LOG_FILE), "file=" + dir.resolve("%p.jfr")));
    }

    @Override
    public Set<Long> recordingJvms(Path dir) {
        Set<Long> pids = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = RECORDING.matcher(f.getFileName().toString());
                if (m.matches()) pids.add(Long.parseLong(m.group(1)));
            });
        } catch (IOException | RuntimeException e) {
            // the directory is gone (jbound is ending): no news
        }
        return pids;
    }

    @Override
    public Path recording(Path dir, long pid) {
        return dir.resolve(pid + ".jfr");
    }

    @Override
    public void stop(long pid, Path dir) throws RecordingException {
        Asprof.Result r = asprof.run(pid, List.of("stop", "-o", "jfr", "-f", recording(dir, pid).toString()));
        // "not active": the JVM's own timeout stopped it first, and the file is complete
        if (!r.ok() && !r.message().contains("not active") && ProcessIdentity.isAlive(pid)) {
            throw new RecordingException("async-profiler did not stop cleanly in pid " + pid + ": " + r.message());
        }
    }

    @Override
    public String threadDump(long pid) {
        return asprof.threadDump(pid);
    }

    private static String nanos(Duration d) {
        return Long.toString(d.toNanos());
    }
}

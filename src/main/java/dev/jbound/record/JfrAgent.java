package dev.jbound.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK Flight Recorder started with the JVM ({@code -XX:StartFlightRecording}) with jbound's
 * settings. The recording is written when the JVM exits or jbound stops it, into a file the JVM
 * names {@code hotspot-pid-PID-id-N-TIME.jfr} (JDK 17's filename takes no %p, but a directory);
 * a JVM shows it began recording by the directory it makes in the shared repository
 * ({@code TIME_PID}), so that is where jbound looks for new JVMs.
 */
public final class JfrAgent implements StartupRecorder {

    private static final String RECORDING_NAME = "jbound";
    private static final String REPOSITORY = "repository";
    private static final Pattern REPOSITORY_ENTRY = Pattern.compile(".*_(\\d+)");

    private final Asprof jattach;

    public JfrAgent() throws RecordingException {
        this.jattach = new Asprof(NativeProfiler.unpack());
    }

    @Override
    public String name() {
        return "JDK Flight Recorder";
    }

    /**
     * Two options in one: the recording, and where its repository is. {@code duration} stops each
     * JVM's recording by itself one window (plus grace) after it started, should jbound be killed;
     * the start-up message is silenced, as it would go to the command's stdout.
     */
    @Override
    public List<String> javaToolOptions(Path dir, RecordingSettings s) throws RecordingException {
        // JFR splits its options at commas; there is no escape
        if (dir.toString().contains(",")) {
            throw new RecordingException("cannot pass " + dir + " to the JDK Flight Recorder: the path contains a comma");
        }
        Path jfc = dir.resolve("jbound.jfc");
        // The launched JVMs may be of any version: both samplers, the CPU-time one ignored before JDK 25
        // and preferred by the reader where it ran.
        if (!Files.exists(jfc)) JfrSettingsFile.write(s, jfc, "rw-------", true, true);
        try {
            Files.createDirectories(dir.resolve(REPOSITORY));
        } catch (IOException e) {
            throw new RecordingException("cannot create " + dir.resolve(REPOSITORY) + ": " + e.getMessage(), e);
        }
        long duration = s.selfStopSeconds();
        return List.of("-XX:StartFlightRecording:name=" + RECORDING_NAME + ",settings=" + jfc + ",filename=" + dir + "/"
                        + ",duration=" + duration + "s",
                "-XX:FlightRecorderOptions:repository=" + dir.resolve(REPOSITORY),
                "-Xlog:jfr+startup=error");
    }

    @Override
    public Set<Long> recordingJvms(Path dir) {
        Set<Long> pids = new TreeSet<>();
        try (Stream<Path> entries = Files.list(dir.resolve(REPOSITORY))) {
            entries.forEach(e -> {
                Matcher m = REPOSITORY_ENTRY.matcher(e.getFileName().toString());
                if (m.matches()) pids.add(Long.parseLong(m.group(1)));
            });
        } catch (IOException | RuntimeException e) {
            // no JVM yet, or the directory is gone (jbound is ending)
        }
        return pids;
    }

    @Override
    public Path recording(Path dir, long pid) {
        String prefix = "hotspot-pid-" + pid + "-";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jfr"))
                    .findFirst().orElse(dir.resolve(pid + ".jfr"));
        } catch (IOException e) {
            return dir.resolve(pid + ".jfr");
        }
    }

    @Override
    public void stop(long pid, Path dir) throws RecordingException {
        jattach.stopJfr(pid, RECORDING_NAME);
    }

    @Override
    public String threadDump(long pid) {
        return jattach.threadDump(pid);
    }
}

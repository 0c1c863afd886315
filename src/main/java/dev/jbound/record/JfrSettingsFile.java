package dev.jbound.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;

/** jbound's JDK Flight Recorder settings (jbound.jfc), filled in with the sampling period and wait threshold. */
final class JfrSettingsFile {

    private JfrSettingsFile() {
    }

    /**
     * Writes the settings to a new {@code file} with these POSIX permissions (e.g. "rw-r--r--").
     *
     * @param cpuTimeSampler turn on JDK 25's CPU-time sampler ({@link #hasCpuTimeSampler})
     * @param executionSampler turn on the execution sampler (every JDK's)
     */
    static void write(RecordingSettings s, Path file, String permissions, boolean cpuTimeSampler, boolean executionSampler)
            throws RecordingException {
        String template;
        try (InputStream in = JfrSettingsFile.class.getResourceAsStream("jbound.jfc")) {
            if (in == null) throw new IOException("jbound.jfc missing from the jar");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordingException("cannot read jbound's JFR settings: " + e.getMessage(), e);
        }
        String jfc = template.replace("@SAMPLE@", millis(s.cpuInterval())).replace("@THRESHOLD@", millis(s.lockThreshold()))
                .replace("@THROTTLE@", Math.max(1, s.cpuInterval().toMillis()) + "ms")
                .replace("@CPU_TIME@", Boolean.toString(cpuTimeSampler)).replace("@EXECUTION@", Boolean.toString(executionSampler));
        try {
            Files.writeString(file, jfc, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            throw new RecordingException("cannot write JFR settings to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * JDK 25 added a sampler that takes threads by the CPU time they use (jdk.CPUTimeSample, on
     * Linux). An unknown or unreadable version says no: the execution sampler works everywhere.
     */
    static boolean hasCpuTimeSampler(String jvmVersion) {
        if (!System.getProperty("os.name", "").startsWith("Linux") || jvmVersion == null) return false;
        int digits = 0;
        while (digits < jvmVersion.length() && Character.isDigit(jvmVersion.charAt(digits))) digits++;
        if (digits == 0 || digits > 4) return false;
        return Integer.parseInt(jvmVersion.substring(0, digits)) >= 25;
    }

    private static String millis(Duration d) {
        return String.format(Locale.US, "%d ms", Math.max(1, d.toMillis()));
    }
}

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

    /** Writes the settings to a new {@code file} with these POSIX permissions (e.g. "rw-r--r--"). */
    static void write(RecordingSettings s, Path file, String permissions) throws RecordingException {
        String template;
        try (InputStream in = JfrSettingsFile.class.getResourceAsStream("jbound.jfc")) {
            if (in == null) throw new IOException("jbound.jfc missing from the jar");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecordingException("cannot read jbound's JFR settings: " + e.getMessage(), e);
        }
        String jfc = template.replace("@SAMPLE@", millis(s.cpuInterval())).replace("@THRESHOLD@", millis(s.lockThreshold()));
        try {
            Files.writeString(file, jfc, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            throw new RecordingException("cannot write JFR settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%d ms", Math.max(1, d.toMillis()));
    }
}

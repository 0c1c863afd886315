package dev.jbound.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory only jbound's user can enter, where launched JVMs write their recordings: a
 * recording shows the program's code and thread names, which other users have no business reading.
 */
public final class ScratchDirectory {
    private ScratchDirectory() {
    }

    public static Path create() throws RecordingException {
        try {
            return Files.createTempDirectory("jbound-run-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new RecordingException("cannot create a private directory for the recordings in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the directory and what is in it; what cannot be deleted stays in the temp directory. */
    public static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a JVM still writing into it: left for the temp directory's cleaner
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
    }
}

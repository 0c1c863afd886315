package dev.jbound.record;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads small /proc files with one reused buffer: the poll reads thousands of them, so it avoids
 * a fresh buffer per file. Not thread-safe; one per polling thread.
 */
final class ProcFileReader {

    // /proc stat, schedstat, io and status files are all well under 4 KiB.
    private final byte[] buffer = new byte[8192];

    /** The file's text, or null when it vanished (a thread that exited) or cannot be read. */
    String readOrNull(String path) {
        try {
            return read(path);
        } catch (IOException e) {
            return null;
        }
    }

    String read(String path) throws IOException {
        try (FileInputStream in = new FileInputStream(path)) {
            int total = 0;
            int n;
            while (total < buffer.length && (n = in.read(buffer, total, buffer.length - total)) > 0) {
                total += n;
            }
            return new String(buffer, 0, total, StandardCharsets.ISO_8859_1);
        }
    }
}

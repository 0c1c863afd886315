package dev.jbound.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recordings {@code jbound watch --jfr-dir} keeps: one file per window,
 * {@code jbound-PID-yyyyMMdd'T'HHmmss'Z'.jfr} (UTC, so names sort by time), and, after each, the oldest
 * of them deleted while together they hold more than the bound (the newest is kept whatever its size). Only files named so are counted
 * or deleted: whatever else is in the directory stays.
 */
public final class RecordingArchive {
    static final String PREFIX = "jbound-";
    static final String SUFFIX = ".jfr";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final long maxBytes;

    public RecordingArchive(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** Where the window of {@code pid} starting now is kept (a second window in the same second gets a suffix). */
    public synchronized Path next(long pid) {
        String stem = PREFIX + pid + "-" + STAMP.format(Instant.now());
        Path p = dir.resolve(stem + SUFFIX);
        for (int i = 2; Files.exists(p); i++) p = dir.resolve(stem + "-" + i + SUFFIX);
        return p;
    }

    /** Deletes the oldest kept recordings until the rest fit the bound; returns how many went. */
    public synchronized int rotate() throws IOException {
        List<Path> kept = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            files.forEach(kept::add);
        }
        kept.sort(Comparator.comparing(RecordingArchive::modified).thenComparing(Path::toString));
        long total = 0;
        for (Path p : kept) total += size(p);
        int deleted = 0;
        // the newest stays whatever its size: it is the window just recorded
        for (Path p : kept.subList(0, Math.max(0, kept.size() - 1))) {
            if (total <= maxBytes) break;
            total -= size(p);
            if (Files.deleteIfExists(p)) deleted++;
        }
        return deleted;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}

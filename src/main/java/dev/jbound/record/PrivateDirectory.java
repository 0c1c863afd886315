package dev.jbound.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory that only its owner can write to but everyone may read, for the profiler library
 * that target JVMs load. A library in a path others can write would let them inject code into
 * every JVM jbound attaches to, so every component of the path is checked, not only the last.
 */
final class PrivateDirectory {
    static final Set<PosixFilePermission> READ_ONLY_FOR_OTHERS = PosixFilePermissions.fromString("rwxr-xr-x");

    private PrivateDirectory() {
    }

    /** Creates {@code dir} (and parents) if needed and returns it when it is safe; null when it is not. */
    static Path prepare(Path dir, int uid) {
        return prepare(dir, uid, READ_ONLY_FOR_OTHERS);
    }

    /** As {@link #prepare(Path, int)}, with the directory's own permissions (its parents are made as they are). */
    static Path prepare(Path dir, int uid, Set<PosixFilePermission> permissions) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, permissions);
            return isSafe(dir, uid) ? dir : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Safe: each directory from the root down is owned by root or by {@code uid}, is not a link,
     * and is writable by nobody else (a sticky world-writable directory such as /tmp is allowed
     * as an ancestor, since others cannot rename what they do not own there).
     */
    static boolean isSafe(Path dir, int uid) throws IOException {
        Path real = dir.toRealPath();
        if (!real.equals(dir.toAbsolutePath().normalize())) return false;
        for (Path p = real; p != null; p = p.getParent()) {
            int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            boolean othersWrite = (mode & 0022) != 0;
            boolean sticky = (mode & 01000) != 0;
            if (owner != 0 && owner != uid) return false;
            if (othersWrite && !(sticky && p != real)) return false;
        }
        return true;
    }
}

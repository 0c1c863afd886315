package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Marks which targets a jbound process is profiling, so that after a {@code kill -9} of jbound the
 * next jbound can tell its own orphaned session (safe to stop) from someone else's (left alone).
 */
final class ProfilerSessions {

    record Session(long ownerPid, Path jfr) {
        boolean ownerAlive() {
            return ProcessIdentity.isAlive(ownerPid);
        }
    }

    /** Null when no safe directory could be made: no markers, so orphans only stop at their timeout. */
    private final Path dir = StateDirectory.of("sessions");

    void mark(long targetPid, Path jfr) {
        if (dir == null) return;
        try {
            Files.writeString(file(targetPid), ProcessHandle.current().pid() + "\n" + jfr + "\n");
        } catch (IOException e) {
            // Without a marker an orphan still stops at its own timeout; only the quick restart is lost.
        }
    }

    Optional<Session> find(long targetPid) {
        if (dir == null) return Optional.empty();
        try {
            String[] lines = Files.readString(file(targetPid), StandardCharsets.UTF_8).split("\n");
            return Optional.of(new Session(Long.parseLong(lines[0].trim()), Path.of(lines[1].trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void clear(long targetPid) {
        if (dir == null) return;
        try {
            Files.deleteIfExists(file(targetPid));
        } catch (IOException ignored) {
            // a stale marker names a dead owner and is replaced on the next attach
        }
    }

    private Path file(long targetPid) {
        return dir.resolve(Long.toString(targetPid));
    }
}

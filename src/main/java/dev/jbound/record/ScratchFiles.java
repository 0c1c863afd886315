package dev.jbound.record;

import dev.jbound.target.ProcessIdentity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * jbound's scratch recordings in the temp directory, with a ledger of them, so that a jbound
 * killed before it could delete one (kill -9, a crash) does not leave it there for good: the next
 * jbound of the same user that records deletes every file whose owner is gone and that no target
 * still writes.
 *
 * <p>The ledger is one entry per file, named after it, in a directory only the user can enter
 * (what it lists gets deleted, and the names must stay secret until the target has created the
 * file). An entry holds the owner and the target writing the file (0 for none), each with its
 * start in clock ticks so that a reused pid is not taken for them, and when the target's profiler
 * stops by itself. Entries of files that were deleted normally are dropped by the next sweep.
 */
public final class ScratchFiles {
    /** Only files of this shape are ever deleted, whatever an entry says. */
    private static final Pattern NAME = Pattern.compile("jbound-[A-Za-z0-9-]+\\.jfr");
    /**
     * Past its own timeout (already the window plus 2 s) a profiler has written its file. Should a
     * slow one still be writing, deleting only unlinks the file: async-profiler finishes into a file
     * nobody sees, and JFR, which created the file at its start, fails to reopen it.
     */
    public static final Duration WRITE_GRACE = Duration.ofSeconds(2);

    private ScratchFiles() {
    }

    /**
     * The ledger's directory, made safe once per process: every recording tracks, re-tracks and
     * deletes an entry, and top records each interval. Null when no safe directory can be made.
     */
    private static Path ledger() {
        return Ledger.DIR;
    }

    private static final class Ledger {
        static final Path DIR = StateDirectory.of("scratch");
    }

    /** A new empty file jbound itself writes ({@code <prefix>NNN.jfr} in the temp directory). */
    public static Path create(String prefix) throws RecordingException {
        try {
            Path file = Files.createTempFile(prefix, ".jfr");
            track(file, self(), ProcessIdentity.startTicks(self()), 0, -1, Instant.now());
            return file;
        } catch (IOException e) {
            throw new RecordingException("cannot create a scratch file: " + e.getMessage(), e);
        }
    }

    /**
     * A path for a target to write its recording to. The target may run as another user: the temp
     * directory is writable by all, and the random name keeps others from planting a link there
     * in advance. Tracked from now, as the profiler may start before jbound hears back.
     */
    static Path forTarget(long targetPid, Duration selfStop) {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "jbound-" + targetPid + "-" + HexFormat.of().formatHex(random) + ".jfr");
        profilerStarted(file, targetPid, selfStop);
        return file;
    }

    /** Once the profiler runs: it stops by itself {@code selfStop} from now, however long the attach took. */
    static void profilerStarted(Path file, long targetPid, Duration selfStop) {
        track(file, self(), ProcessIdentity.startTicks(self()), targetPid, ProcessIdentity.startTicks(targetPid),
                Instant.now().plus(selfStop));
    }

    /** Deletes a scratch file (or any file, e.g. a settings file) and forgets it; never fails. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left to the temp directory's own cleaner
        }
        Path ledger = ledger();
        if (ledger != null && file.getFileName() != null) deleteQuietly(ledger.resolve(file.getFileName().toString()));
    }

    /** Deletes the files of owners that are gone and that no target writes any more. Best effort. */
    public static void sweep() {
        Path ledger = ledger();
        if (ledger == null) return;
        try (Stream<Path> entries = Files.list(ledger)) {
            entries.filter(e -> !e.getFileName().toString().startsWith(".")).forEach(ScratchFiles::sweep);
        } catch (IOException | RuntimeException ignored) {
            // the next jbound tries again
        }
    }

    /** Package-private for tests, which need owners and targets that have exited. */
    static void track(Path file, long owner, long ownerStart, long target, long targetStart, Instant writtenUntil) {
        Path ledger = ledger();
        if (ledger == null) return;
        String name = file.getFileName().toString();
        try {
            // written aside and moved in whole, so that a sweep never reads half an entry
            Path tmp = Files.createTempFile(ledger, ".entry", ".tmp");
            Files.writeString(tmp, owner + "\n" + ownerStart + "\n" + target + "\n" + targetStart + "\n"
                    + writtenUntil.toEpochMilli() + "\n" + file + "\n");
            Files.move(tmp, ledger.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ignored) {
            // untracked: the file is still deleted normally, only a killed jbound's would stay
        }
    }

    private static void sweep(Path entry) {
        Entry e;
        try {
            e = Entry.parse(Files.readString(entry, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return; // perhaps only for now: the next sweep tries again
        } catch (RuntimeException malformed) {
            deleteQuietly(entry); // our own private directory, so nothing else can have put it there
            return;
        }
        if (ProcessIdentity.isAlive(e.owner, e.ownerStart)) return;
        boolean targetAlive = e.target != 0 && ProcessIdentity.isAlive(e.target, e.targetStart);
        if (targetAlive && Instant.now().isBefore(e.writtenUntil.plus(WRITE_GRACE))) return;
        String name = e.file.getFileName().toString();
        if (name.equals(entry.getFileName().toString()) && NAME.matcher(name).matches()) {
            deleteQuietly(e.file);
            // a target in a container wrote inside its own root; only while it is that same target
            if (targetAlive && e.targetStart >= 0) deleteQuietly(Path.of("/proc", Long.toString(e.target), "root", e.file.toString()));
        }
        deleteQuietly(entry);
    }

    private record Entry(long owner, long ownerStart, long target, long targetStart, Instant writtenUntil, Path file) {
        static Entry parse(String text) {
            String[] f = text.split("\n");
            if (f.length < 6) throw new IllegalArgumentException("short entry");
            return new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Instant.ofEpochMilli(Long.parseLong(f[4])), Path.of(f[5]));
        }
    }

    private static long self() {
        return ProcessHandle.current().pid();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // another user's file, or already gone
        }
    }
}

package dev.jbound.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * jbound's scratch recordings in the temp directory, with a ledger of them, so that a jbound
 * killed before it could delete one (kill -9, a crash) does not leave it there for good: the next
 * jbound that records deletes every file whose owner is gone and that no target still writes.
 *
 * <p>The ledger is one entry per file, named after it, in a directory only the user can write
 * (what it lists gets deleted). An entry holds the owner (pid and start time, so a reused pid is
 * not mistaken for it), the target writing the file (0 for none) and when the target's profiler
 * stops by itself. Entries of files that were deleted normally are dropped by the next sweep.
 */
public final class ScratchFiles {
    /** Only files of this shape are ever deleted, whatever an entry says. */
    private static final Pattern NAME = Pattern.compile("jbound-[A-Za-z0-9-]+\\.jfr");
    /**
     * Past its own timeout (already the window plus 2 s) a profiler has written its file: async-profiler
     * writes as it goes, JFR copies the file out at the stop. Deleting while the copy runs only
     * unlinks it; the writer finishes into a file nobody sees.
     */
    public static final Duration WRITE_GRACE = Duration.ofSeconds(2);
    /** A file that has not appeared this long after the stop never will (a JFR that failed to write). */
    private static final Duration NEVER_WRITTEN = Duration.ofMinutes(5);

    private ScratchFiles() {
    }

    /** A new empty file jbound itself writes ({@code <prefix>NNN.jfr} in the temp directory). */
    public static Path create(String prefix) throws RecordingException {
        try {
            Path file = Files.createTempFile(prefix, ".jfr");
            track(file, self(), selfStart(), 0, Instant.now());
            return file;
        } catch (IOException e) {
            throw new RecordingException("cannot create a scratch file: " + e.getMessage(), e);
        }
    }

    /**
     * A path for a target to write its recording to, until its profiler stops by itself at
     * {@code writtenUntil}. The target may run as another user: the temp directory is writable by
     * all, and the random name keeps others from planting a link there in advance.
     */
    static Path forTarget(long targetPid, Instant writtenUntil) {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "jbound-" + targetPid + "-" + HexFormat.of().formatHex(random) + ".jfr");
        track(file, self(), selfStart(), targetPid, writtenUntil);
        return file;
    }

    /** Deletes a scratch file (or any file, e.g. a settings file) and forgets it; never fails. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left to the temp directory's own cleaner
        }
        Path ledger = StateDirectory.of("scratch");
        if (ledger != null && file.getFileName() != null) forget(ledger.resolve(file.getFileName().toString()));
    }

    /** Deletes the files of owners that are gone and that no target writes any more. Best effort. */
    public static void sweep() {
        Path ledger = StateDirectory.of("scratch");
        if (ledger == null) return;
        try (Stream<Path> entries = Files.list(ledger)) {
            entries.forEach(ScratchFiles::sweep);
        } catch (IOException | RuntimeException ignored) {
            // the next jbound tries again
        }
    }

    /** Package-private for tests, which need an owner that has already exited. */
    static void track(Path file, long ownerPid, long ownerStartMillis, long targetPid, Instant writtenUntil) {
        Path ledger = StateDirectory.of("scratch");
        if (ledger == null) return;
        try {
            Files.writeString(ledger.resolve(file.getFileName().toString()),
                    ownerPid + "\n" + ownerStartMillis + "\n" + targetPid + "\n" + writtenUntil.toEpochMilli() + "\n" + file + "\n");
        } catch (IOException ignored) {
            // untracked: the file is still deleted normally, only a killed jbound's would stay
        }
    }

    private static void sweep(Path entry) {
        String[] f;
        try {
            f = Files.readString(entry, StandardCharsets.UTF_8).split("\n");
            if (f.length < 5) throw new IOException("short entry");
        } catch (IOException | RuntimeException e) {
            forget(entry); // unreadable: our own directory, so nothing else can have put it there
            return;
        }
        try {
            long owner = Long.parseLong(f[0]);
            long ownerStart = Long.parseLong(f[1]);
            long target = Long.parseLong(f[2]);
            Instant writtenUntil = Instant.ofEpochMilli(Long.parseLong(f[3]));
            Path file = Path.of(f[4]);
            if (isAlive(owner, ownerStart)) return;
            boolean targetAlive = target != 0 && WindowLoop.isAlive(target);
            Instant now = Instant.now();
            if (targetAlive && now.isBefore(writtenUntil.plus(WRITE_GRACE))) return;
            Path inContainer = Path.of("/proc", Long.toString(target), "root", file.toString());
            boolean written = Files.exists(file) || targetAlive && Files.exists(inContainer);
            // a slow JFR may not have copied its file out yet: wait for it rather than lose track of it
            if (targetAlive && !written && now.isBefore(writtenUntil.plus(NEVER_WRITTEN))) return;
            String name = file.getFileName().toString();
            if (name.equals(entry.getFileName().toString()) && NAME.matcher(name).matches()) {
                Files.deleteIfExists(file);
                // a target in a container wrote inside its own root
                if (targetAlive) Files.deleteIfExists(inContainer);
            }
        } catch (IOException | RuntimeException ignored) {
            // another user's file, or already gone: nothing more to do
        }
        forget(entry);
    }

    /** The owner, not another process that has since been given its pid. */
    private static boolean isAlive(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> {
                    long now = startMillis(h);
                    // an unknown start time cannot tell a reused pid apart: count it as the same process
                    return startMillis == 0 || now == 0 || startMillis == now;
                })
                .orElse(false);
    }

    private static long self() {
        return ProcessHandle.current().pid();
    }

    private static long selfStart() {
        return startMillis(ProcessHandle.current());
    }

    private static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static void forget(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException ignored) {
            // tried again by the next sweep
        }
    }
}

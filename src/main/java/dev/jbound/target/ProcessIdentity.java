package dev.jbound.target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Tells a process from a later one that was given the same pid: its start in clock ticks after
 * boot, from /proc/PID/stat. Unlike {@code ProcessHandle.Info.startInstant()}, which adds a boot
 * time each JVM reads once, it does not move when the wall clock is stepped.
 */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    /** The start of {@code pid} in clock ticks after boot; -1 when it is gone or cannot be read. */
    public static long startTicks(long pid) {
        try {
            return TaskStat.parseProcess(Files.readString(ProcessFiles.dir(pid).resolve("stat"), StandardCharsets.ISO_8859_1)).startTicks();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether a process with this pid exists and has not ended. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether {@code pid} still runs and is the process that had {@code startTicks} (-1: any). */
    public static boolean isAlive(long pid, long startTicks) {
        long now = startTicks(pid);
        if (now < 0) return false;
        return startTicks < 0 || now == startTicks;
    }
}

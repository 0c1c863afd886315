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

    /** The start of {@code pid} in clock ticks after boot; -1 when it is gone, has ended (a zombie), or cannot be read. */
    public static long startTicks(long pid) {
        try {
            TaskStat stat = TaskStat.parseProcess(Files.readString(ProcessFiles.dir(pid).resolve("stat"), StandardCharsets.ISO_8859_1));
            return ended(stat.state()) ? -1 : stat.startTicks();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Whether a process with this pid exists and has not ended. Not ProcessHandle.isAlive: that
     * holds a zombie alive until its parent reaps it, which a shell's background job or a
     * container's init may never do, and a target killed mid-window went on being recorded.
     */
    public static boolean isAlive(long pid) {
        return startTicks(pid) >= 0;
    }

    /** Whether {@code pid} still runs and is the process that had {@code startTicks} (-1: any). */
    public static boolean isAlive(long pid, long startTicks) {
        long now = startTicks(pid);
        if (now < 0) return false;
        return startTicks < 0 || now == startTicks;
    }

    /** Z: exited, not yet reaped; X: being torn down. */
    private static boolean ended(char state) {
        return state == 'Z' || state == 'X';
    }
}

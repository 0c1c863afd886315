package dev.jbound.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Asks async-profiler in a target whether it runs ({@code asprof status}). */
public final class ProfilerStatus {
    private static final Path ASPROF = asprof();

    private ProfilerStatus() {
    }

    private static Path asprof() {
        try {
            return dev.jbound.record.NativeProfiler.unpack().asprof();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ASPROF.toString(), "status", Long.toString(pid)).redirectErrorStream(true).start();
        p.waitFor(30, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Waits up to 15 s for the profiler to stop: top stops it after giving the terminal back. */
    public static String awaitStopped(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String s = of(pid);
        while (s.contains("running") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            s = of(pid);
        }
        return s;
    }
}

package dev.jbound.record;

import dev.jbound.target.AttachSocket;
import dev.jbound.target.ProcessIdentity;
import dev.jbound.target.TargetException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the native {@code asprof} launcher against one target and returns what it said. */
final class Asprof {

    /** An attach normally answers in ~30 ms; a target stuck at a safepoint may take much longer. */
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /**
         * jattach could not reach the JVM ("Could not start attach mechanism"), or a stale socket
         * blocks it (AttachSocket's line says "blocks the attach mechanism" to be caught here).
         */
        boolean attachRefused() {
            return message().contains("attach mechanism");
        }

        String message() {
            String text = (stderr.isBlank() ? stdout : stderr).strip();
            int nl = text.lastIndexOf('\n');
            return nl >= 0 ? text.substring(nl + 1).strip() : text;
        }
    }

    private final NativeProfiler profiler;

    Asprof(NativeProfiler profiler) {
        this.profiler = profiler;
    }

    Result run(long pid, List<String> args) throws RecordingException {
        List<String> cmd = new ArrayList<>();
        cmd.add(profiler.asprof().toString());
        cmd.addAll(args);
        cmd.add(Long.toString(pid));
        return execAgainst(pid, cmd);
    }

    /** jattach-style actions ({@code jcmd}, {@code threaddump}) take the pid first. */
    Result jattach(String action, long pid, List<String> args) throws RecordingException {
        List<String> cmd = new ArrayList<>();
        cmd.add(profiler.asprof().toString());
        cmd.add(action);
        cmd.add(Long.toString(pid));
        cmd.addAll(args);
        return execAgainst(pid, cmd);
    }

    /**
     * Every attach first clears a socket a killed JVM left under the target's pid, which the attach
     * client would take for the target's; one that cannot be cleared fails the attach with its line.
     */
    private static Result execAgainst(long pid, List<String> cmd) throws RecordingException {
        try {
            AttachSocket.clearStale(pid);
        } catch (TargetException e) {
            return new Result(1, "", e.getMessage());
        }
        return exec(cmd);
    }

    /**
     * Stops the JDK Flight Recorder recording {@code name} in {@code pid}, which writes its file.
     * "No recording" means the recording's own duration ended it first: the file is written.
     */
    void stopJfr(long pid, String name) throws RecordingException {
        Result r = jattach("jcmd", pid, List.of("JFR.stop", "name=" + name));
        String out = (r.stdout() + r.stderr()).strip();
        if ((!r.ok() || out.contains("Exception")) && !out.contains("No recording")
                && ProcessIdentity.isAlive(pid)) {
            int nl = out.lastIndexOf('\n');
            throw new RecordingException("the JDK Flight Recorder did not stop cleanly in pid " + pid + ": "
                    + (nl >= 0 ? out.substring(nl + 1).strip() : out));
        }
    }

    /**
     * One thread dump ({@code Thread.print -l}), for the owners of contended locks; null when the
     * target is gone or cannot give one.
     */
    String threadDump(long pid) {
        if (!ProcessIdentity.isAlive(pid)) return null;
        try {
            Result r = jattach("jcmd", pid, List.of("Thread.print", "-l"));
            return r.ok() ? r.stdout() : null;
        } catch (RecordingException e) {
            return null;
        }
    }

    private static Result exec(List<String> cmd) throws RecordingException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new RecordingException("cannot run async-profiler: " + e.getMessage(), e);
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RecordingException("the target did not answer the attach request within "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            // Let the command finish: a stop interrupted half-way would leave the profiler running.
            try {
                p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                p.destroyForcibly();
            }
            Thread.currentThread().interrupt();
            return new Result(p.isAlive() ? -1 : p.exitValue(), out.getNow(""), err.getNow(""));
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        }, "asprof-output");
        t.setDaemon(true);
        t.start();
        return f;
    }
}

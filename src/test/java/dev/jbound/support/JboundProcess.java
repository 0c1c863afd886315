package dev.jbound.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * jbound as a real process ({@code java -cp <test classpath> dev.jbound.Main ...}), for commands
 * whose child writes to jbound's own stdout and stderr, and for signals. Both streams are read
 * line by line with the time each line arrived.
 */
public final class JboundProcess implements AutoCloseable {

    /** A line and when it arrived ({@link System#nanoTime()}). */
    public record Line(String text, long nanos) {
    }

    private final Process process;
    private final List<Line> out = new ArrayList<>();
    private final List<Line> err = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private JboundProcess(Process process) {
        this.process = process;
        this.outReader = drain(process.getInputStream(), out, "jbound-stdout");
        this.errReader = drain(process.getErrorStream(), err, "jbound-stderr");
    }

    public static JboundProcess start(List<String> args) throws IOException {
        return start(Map.of(), args);
    }

    /** @param env added to (or replacing in) the test's environment */
    public static JboundProcess start(Map<String, String> env, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.jbound.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return new JboundProcess(pb.start());
    }

    private static Thread drain(InputStream in, List<Line> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(new Line(line, System.nanoTime()));
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** What jbound reads: close it to send end-of-file. */
    public java.io.OutputStream stdin() {
        return process.getOutputStream();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The first stdout line starting with {@code prefix}, waiting for it up to {@code timeout}; null if none came. */
    public Line awaitOut(String prefix, Duration timeout) throws InterruptedException {
        return await(out, outReader, l -> l.startsWith(prefix), timeout);
    }

    /** The first stderr line containing {@code text}, waiting for it up to {@code timeout}; null if none came. */
    public Line awaitErr(String text, Duration timeout) throws InterruptedException {
        return await(err, errReader, l -> l.contains(text), timeout);
    }

    private static Line await(List<Line> lines, Thread reader, Predicate<String> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (Line l : lines) {
                    if (match.test(l.text())) return l;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !reader.isAlive()) return null;
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    /** Waits for jbound to end and for both streams to be read to their end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("jbound still runs after " + timeout + "\nstdout:\n" + out() + "\nstderr:\n" + err());
        }
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    public String out() {
        return text(out);
    }

    public String err() {
        return text(err);
    }

    private static String text(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        synchronized (lines) {
            for (Line l : lines) sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Ends jbound and everything it started, should a test fail half-way: SIGTERM first, so that
     * jbound removes its recordings directory, then SIGKILL for whatever is left.
     */
    @Override
    public void close() {
        List<ProcessHandle> started = process.descendants().toList(); // orphans are no descendants once jbound is gone
        try {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

package dev.jbound.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Starts a demo workload in a child JVM built from jbound's own classpath and waits until it is ready. */
public final class WorkloadLauncher {
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private WorkloadLauncher() {
    }

    /** {@link #start(Workload, Path, List)} on the current JVM with no extra options. */
    public static RunningWorkload start(Workload workload) throws IOException {
        return start(workload, null, List.of());
    }

    /**
     * Starts {@code java <workload options> <extraJvmArgs> -cp <our classpath> WorkloadMain <id>}
     * and returns once the child printed its ready line.
     *
     * @param javaExecutable the {@code java} to run, e.g. a JDK 25 one; null for this JVM's
     * @param extraJvmArgs   come after the workload's own options, so they win (e.g. -Xmx)
     * @throws IOException if the child cannot start, exits, or is not ready within
     *                     {@link #READY_TIMEOUT}; the message has the child's stderr and the
     *                     child has been destroyed
     */
    public static RunningWorkload start(Workload workload, Path javaExecutable, List<String> extraJvmArgs)
            throws IOException {
        Path java = javaExecutable != null ? javaExecutable
                : Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(workload.jvmOptions());
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                WorkloadMain.class.getName(), workload.id(), "--exit-with-parent"));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close(); // the child reads nothing

        // both streams are drained for the child's whole life on daemon threads, so it never blocks
        // on a full pipe (-Xlog goes to stdout; crashes go to stderr)
        OutputTail stderr = new OutputTail();
        drain(process.getErrorStream(), "demo-stderr-" + workload.id(), stderr);
        String readyPrefix = "ready " + workload.id() + " ";
        CompletableFuture<Long> ready = new CompletableFuture<>();
        OutputTail stdout = new OutputTail();
        drain(process.getInputStream(), "demo-stdout-" + workload.id(), line -> {
            stdout.accept(line);
            if (!ready.isDone() && line.startsWith(readyPrefix)) {
                ready.complete(Long.parseLong(line.substring(readyPrefix.length()).trim()));
            }
        });
        process.onExit().thenRun(() -> ready.completeExceptionally(
                new IllegalStateException("exited with code " + process.exitValue())));

        String problem;
        try {
            long pid = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new RunningWorkload(workload, process, pid, stdout, stderr);
        } catch (TimeoutException e) {
            problem = "did not print its ready line within " + READY_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            problem = e.getCause().getMessage() + " before it was ready";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while waiting for it to become ready";
        } catch (NumberFormatException e) {
            problem = "printed a malformed ready line";
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            Thread.sleep(100); // let the drain threads pick up the last of stderr
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("demo workload '" + workload.id() + "' " + problem
                + "\ncommand: " + String.join(" ", command)
                + "\nstderr:\n" + stderr.text() + "\nstdout:\n" + stdout.text());
    }

    private static void drain(InputStream in, String threadName, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the child is gone: nothing more to read
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }
}

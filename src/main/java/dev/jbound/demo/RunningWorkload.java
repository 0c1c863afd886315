package dev.jbound.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A demo workload running in a child JVM; {@link #close()} ends it. */
public final class RunningWorkload implements AutoCloseable {
    private final Workload workload;
    private final Process process;
    private final long pid;
    private final OutputTail stdout;
    private final OutputTail stderr;

    RunningWorkload(Workload workload, Process process, long pid,
                    OutputTail stdout, OutputTail stderr) {
        this.workload = workload;
        this.process = process;
        this.pid = pid;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public Workload workload() {
        return workload;
    }

    /** The child's pid, as it reported it in its ready line. */
    public long pid() {
        return pid;
    }

    public Process process() {
        return process;
    }

    /** The last lines the child wrote to stdout (e.g. -Xlog:gc output); bounded. */
    public String stdoutTail() {
        return stdout.text();
    }

    /** The last lines the child wrote to stderr; bounded. */
    public String stderrTail() {
        return stderr.text();
    }

    /**
     * Ends the child as a JVM should end: SIGTERM, so that it runs its shutdown (its slow server
     * goes with it) and removes its attach socket, which jbound's attach made. SIGKILL left
     * /tmp/.java_pidN behind after every demo, in the way of the next JVM given that pid. One that
     * does not end within 5 s is killed, and its socket removed here.
     */
    @Override
    public void close() {
        try {
            process.destroy();
            if (process.waitFor(5, TimeUnit.SECONDS)) return;
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("demo workload " + workload.id() + " (pid " + pid + ") survived SIGKILL for 10 s");
            }
            Files.deleteIfExists(Path.of("/tmp", ".java_pid" + pid));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a socket we could not remove is the next attach's to find stale, as it does for any killed JVM
        }
    }
}

package dev.jbound.demo;

import java.util.concurrent.TimeUnit;

/** A demo workload running in a child JVM; {@link #close()} kills it. */
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

    /** Kills the child (SIGKILL: it holds nothing that needs a clean shutdown) and waits for it. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("demo workload " + workload.id() + " (pid " + pid
                        + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.jbound.target;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command jbound launched: its process, and the signals jbound passes on to it. */
public final class LaunchedCommand {
    private final Process process;
    private final List<String> command;

    LaunchedCommand(Process process, List<String> command) {
        this.process = process;
        this.command = List.copyOf(command);
    }

    public long pid() {
        return process.pid();
    }

    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code nanos} for the command to end; true once it has. */
    public boolean awaitExit(long nanos) throws InterruptedException {
        return process.waitFor(nanos, TimeUnit.NANOSECONDS);
    }

    /** Its exit code; 128 + N when signal N ended it, as a shell reports it. Call after it ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Passes Ctrl-C on. From a terminal the command already got its own SIGINT (it shares jbound's
     * process group), but a SIGINT sent to jbound alone must reach it too; JVMs and shells take a
     * second one in their stride while they shut down. Java has no way to send SIGINT but kill(1).
     */
    public void interrupt() {
        if (!process.isAlive()) return;
        try {
            Process kill = new ProcessBuilder("kill", "-s", "INT", Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): fall back to SIGTERM, which ends the command as Ctrl-C would have
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, when jbound itself is being terminated: the command should not outlive it unnoticed. */
    public void terminate() {
        process.destroy();
    }
}

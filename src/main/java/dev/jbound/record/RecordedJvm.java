package dev.jbound.record;

import dev.jbound.model.OsActivity;
import dev.jbound.target.TargetJvm;

import java.nio.file.Path;

/**
 * One JVM a launched command started, as recording left it.
 *
 * @param target       who it is (empty command line when it ended before it was seen)
 * @param jfr          its recording (may be incomplete: a JVM killed with SIGKILL never completes it)
 * @param os           the OS sensor's view, or null when the JVM was not followed
 * @param followed     it is reported (the first JVM, or every JVM with --subprocesses)
 * @param runningAtEnd it still ran when recording ended, and jbound stopped its recording
 * @param stopProblem  why stopping its recording failed, or null
 */
public record RecordedJvm(TargetJvm target, Path jfr, OsActivity os, boolean followed, boolean runningAtEnd,
                          String stopProblem) {
    public long pid() {
        return target.pid();
    }
}

package dev.jbound.target;

import java.util.List;

/** A JVM process jbound may attach to, as the operating system describes it ({@code jvmVersion} may be empty). */
public record TargetJvm(long pid, int uid, String user, List<String> commandLine, String mainClass, String jvmVersion) {
    public TargetJvm {
        commandLine = List.copyOf(commandLine);
    }
}

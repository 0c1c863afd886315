package dev.jbound.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Why the OS sensor cannot watch a process at all, before it tries. */
final class UnavailableOsSensor {

    private UnavailableOsSensor() {
    }

    static Optional<String> reason(long pid) {
        String os = System.getProperty("os.name", "");
        if (!os.startsWith("Linux")) return Optional.of("the OS sensor needs Linux /proc (this is " + os + ")");
        if (!Files.isDirectory(Path.of("/proc/" + pid + "/task"))) return Optional.of("no process " + pid + " in /proc");
        return Optional.empty();
    }
}

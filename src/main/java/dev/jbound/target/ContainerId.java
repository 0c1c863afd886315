package dev.jbound.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container a process runs in, as its cgroup path names it: Docker, containerd and CRI-O put
 * the container's 64-hex-digit id in it ({@code /docker/ID}, {@code cri-containerd-ID.scope},
 * {@code crio-ID.scope}, {@code /kubepods/.../ID}). Empty outside a container, or when /proc does
 * not say (cgroup namespaces hide the path from outside).
 */
public final class ContainerId {
    private static final Pattern ID = Pattern.compile("(?:^|[/-])([0-9a-f]{64})(?:\\.scope)?$");

    private ContainerId() {
    }

    public static Optional<String> of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
                Optional<String> id = fromCgroupLine(line);
                if (id.isPresent()) return id;
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return Optional.empty();
    }

    /** One line of /proc/PID/cgroup ({@code hierarchy:controllers:path}). */
    static Optional<String> fromCgroupLine(String line) {
        int colon = line.indexOf(':', line.indexOf(':') + 1);
        String path = colon < 0 ? line : line.substring(colon + 1);
        Matcher m = ID.matcher(path);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

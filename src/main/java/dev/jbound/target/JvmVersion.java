package dev.jbound.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The target's Java version, from the {@code release} file of the JDK its executable belongs to. */
final class JvmVersion {
    private JvmVersion() {
    }

    static String of(long pid) {
        try {
            Path exe = Files.readSymbolicLink(ProcessFiles.dir(pid).resolve("exe"));
            // <java.home>/bin/java; the release file sits in java.home
            Path home = exe.getParent() == null ? null : exe.getParent().getParent();
            if (home == null) return "";
            Path release = ProcessFiles.dir(pid).resolve("root").resolve(home.toString().substring(1)).resolve("release");
            if (!Files.isReadable(release)) release = home.resolve("release");
            return fromRelease(Files.readAllLines(release));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String fromRelease(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("JAVA_VERSION=")) {
                return line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
            }
        }
        return "";
    }
}

package dev.jbound.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK with virtual threads (21+) for targets, found under /usr/lib/jvm (the machine image has
 * Temurin's beside the default JDK 17). Tests that need one fail, not skip, without it: the
 * environment promises it, and a silently skipped JDK 25 test would hide a regression.
 */
public final class ModernJdk {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private ModernJdk() {
    }

    /** The newest JDK 21+ under /usr/lib/jvm: its {@code bin/java}. */
    public static Path java() {
        return find().orElseThrow(() -> new AssertionError(
                "no JDK 21 or newer under /usr/lib/jvm; install one (e.g. Temurin 25) to test virtual threads"));
    }

    public static int feature(Path java) {
        return release(java.getParent().getParent()).orElse(0);
    }

    private static Optional<Path> find() {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(d -> Files.isExecutable(d.resolve("bin/java")) && release(d).orElse(0) >= 21)
                    .max(Comparator.comparingInt(d -> release(d).orElse(0)))
                    .map(d -> d.resolve("bin/java"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> release(Path jdk) {
        try {
            Matcher m = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

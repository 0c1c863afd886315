package dev.jbound.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names in the temp directory that a test looks for, taken before and after: the directory is
 * shared with every other run on the machine, so only what appeared meanwhile is this test's.
 */
public final class TempFiles {
    private TempFiles() {
    }

    public static Set<String> named(String prefix, String suffix) throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(suffix))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    /** What matches now and did not before. */
    public static Set<String> since(Set<String> before, String prefix, String suffix) throws IOException {
        Set<String> now = named(prefix, suffix);
        now.removeAll(before);
        return now;
    }
}

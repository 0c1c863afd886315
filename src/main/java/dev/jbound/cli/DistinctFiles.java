package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one command reads and writes, each under the option that names it: no two may be the
 * same file, or one would quietly overwrite the other (`--jfr x.jfr -o x.jfr` kept the text report
 * and lost the recording; `report app.jfr -o app.jfr` would write over the recording it reads).
 */
final class DistinctFiles {
    private final CommandSpec spec;
    private final List<String> options = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private DistinctFiles(CommandSpec spec) {
        this.spec = spec;
    }

    static DistinctFiles of(CommandSpec spec) {
        return new DistinctFiles(spec);
    }

    /** Adds a file (none when null) named by {@code option}; a usage error when an earlier one is the same file. */
    DistinctFiles and(String option, Path file) {
        if (file == null) return this;
        for (int i = 0; i < files.size(); i++) {
            if (same(files.get(i), file)) {
                throw new ParameterException(spec.commandLine(), options.get(i) + " and " + option + " name the same file, "
                        + file + "; give each its own");
            }
        }
        options.add(option);
        files.add(file);
        return this;
    }

    /** Devices are not files to lose: /dev/null twice is two discards. */
    private static boolean same(Path a, Path b) {
        if (Files.exists(a) && !Files.isRegularFile(a)) return false;
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b); // links, bind mounts
        } catch (IOException e) {
            return false;
        }
    }
}

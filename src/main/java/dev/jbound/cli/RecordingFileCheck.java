package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.nio.file.Files;
import java.nio.file.Path;

/** A recording named on the command line must be a readable file: a usage error (exit 2) otherwise. */
final class RecordingFileCheck {
    private RecordingFileCheck() {
    }

    static void check(CommandSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), Files.isDirectory(file)
                    ? file + " is a directory; name a .jfr file" : "no such file: " + file);
        }
        if (!Files.isReadable(file)) throw new ParameterException(spec.commandLine(), file + " is not readable");
    }
}

package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where and how to write the report; shared by the commands that produce one. */
public final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OutputFormat format = OutputFormat.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout (for run: instead of stderr).")
    Path output;

    /** Fail before recording, not after ten seconds of it, when a file cannot be written. */
    void validate() {
        checkWritable(spec, output, "--output");
    }

    /** A directory files are written into (watch's --textfile and --jfr-dir). */
    static void checkWritableDirectory(CommandSpec spec, Path dir, String option) {
        if (dir != null && !(Files.isDirectory(dir) && Files.isWritable(dir))) {
            throw new ParameterException(spec.commandLine(), option + " " + dir + " is not a directory jbound can write");
        }
    }

    static void checkWritable(CommandSpec spec, Path p, String option) {
        if (p == null) return;
        Path abs = p.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new ParameterException(spec.commandLine(), option + " " + p + " is a directory; name a file");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + p + ": directory " + dir + " does not exist");
        }
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + p + " is not writable");
        }
    }
}

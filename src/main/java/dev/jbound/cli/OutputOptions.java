package dev.jbound.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
        String refused = refusal(abs, dir);
        if (refused != null) throw new ParameterException(spec.commandLine(), option + " " + p + " cannot be written: " + refused);
    }

    /**
     * Why the file cannot be written, found by writing, or null. Permission bits say yes to root on
     * /proc, on a read-only mount until the write; so an existing file is opened to append (its
     * contents untouched) and a new one is tried as a scratch file beside it, removed at once.
     * Devices and pipes (/dev/stdout, /dev/null) are left to the permission bits.
     */
    private static String refusal(Path file, Path dir) {
        try {
            if (Files.isRegularFile(file)) {
                Files.newOutputStream(file, StandardOpenOption.APPEND).close();
            } else if (!Files.exists(file)) {
                Files.delete(Files.createTempFile(dir, ".jbound-", ".probe"));
            }
            return null;
        } catch (IOException e) {
            return reason(e);
        } catch (SecurityException e) {
            return e.getMessage();
        }
    }

    /** What went wrong, for after "cannot write FILE: ": the JDK's file exceptions often say only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

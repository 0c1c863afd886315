package dev.jbound.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's training runs for the class-data archives: each runs commands so that the JVM's
 * list of loaded classes ({@code -XX:DumpLoadedClassList}) names what an archive is to hold.
 * Output is discarded and failures are ignored: a command that fails still loaded its classes.
 * {@code java -XX:DumpLoadedClassList=target/jbound.classlist -cp target/jbound.jar dev.jbound.cli.ArchiveTraining}
 * <p>
 * Two archives, as the JVM relocates the whole archive as it starts, so that every class in it
 * costs every command: {@code jbound.jsa} holds help, version, usage errors and ps (trained
 * without arguments); {@code jbound-analysis.jsa} those and the JFR reader, the analysis and the
 * renderers besides (argument {@value #ANALYSIS}: report of a small recording in each format),
 * which bin/jbound starts the commands that read or make recordings with. With all in one
 * archive --help took some 10 ms longer; without the second, report took 0.13 s longer.
 */
public final class ArchiveTraining {
    private ArchiveTraining() {
    }

    static final String ANALYSIS = "analysis";
    /** The recording WarmupReport reads, kept in the jar. */
    private static final String RECORDING = "/dev/jbound/profile/warmup.jfr";

    public static void main(String[] args) throws IOException {
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"--help"});
        runs.add(new String[] {"--version"});
        runs.add(new String[] {"nosuchcommand"});
        for (Class<?> c : JboundCommand.SUBCOMMANDS) {
            runs.add(new String[] {c.getAnnotation(picocli.CommandLine.Command.class).name(), "--help"});
        }
        runs.add(new String[] {"ps"});
        runs.add(new String[] {"ps", "--format", "json"});
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        for (String[] run : runs) JboundCli.run(run, sink, sink);
        if (args.length > 0 && args[0].equals(ANALYSIS)) analysis(sink);
    }

    private static void analysis(PrintStream sink) throws IOException {
        Path dir = Files.createTempDirectory("jbound-training-");
        try (InputStream in = ArchiveTraining.class.getResourceAsStream(RECORDING)) {
            if (in == null) throw new IOException("no " + RECORDING + " in the jar");
            Path recording = dir.resolve("warmup.jfr");
            Files.copy(in, recording);
            String file = recording.toString();
            JboundCli.run(new String[] {"report", file}, sink, sink);
            JboundCli.run(new String[] {"report", file, "--format", "json", "--html", dir.resolve("r.html").toString(),
                    "--flame", dir.resolve("f.html").toString()}, sink, sink);
            JboundCli.run(new String[] {"check", file, "--format", "json"}, sink, sink);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }
}

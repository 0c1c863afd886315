package dev.jbound.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's training run for the class-data archive (target/jbound.jsa): runs the commands
 * whose start-up should be fast, so that the JVM's list of loaded classes
 * ({@code -XX:DumpLoadedClassList}) names what the archive is to hold. Output is discarded and
 * failures are ignored: a command that fails still loaded its classes.
 * {@code java -XX:DumpLoadedClassList=target/jbound.classlist -cp target/jbound.jar dev.jbound.cli.ArchiveTraining}
 * <p>
 * Help, version, usage errors and ps only: the JVM relocates the whole archive as it starts, so
 * every class in it costs every command (with report's JFR reading and Jackson the archive was
 * twice the size, and --help 13 ms slower), while the commands that record or read recordings
 * take seconds anyway.
 */
public final class ArchiveTraining {
    private ArchiveTraining() {
    }

    public static void main(String[] ignored) {
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
        for (String[] args : runs) JboundCli.run(args, sink, sink);
    }
}

package dev.jbound.cli;

import dev.jbound.target.TargetException;
import dev.jbound.target.TargetFinder;
import dev.jbound.target.TargetJvm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.List;

/** The top-level command: only dispatches to subcommands. */
@Command(name = "jbound", scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"What is this JVM waiting on, and what concurrency strategy fits it?",
                "Attaches to a running JVM (or launches a command and follows its JVMs), samples what every thread does, and prints a verdict"
                        + " (cpu-bound, cpu-saturated, io-bound, lock-bound, gc-bound, idle, mixed) with a strategy."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound demo                 profile a built-in workload",
                "  jbound ps                   list the JVMs jbound can profile",
                "  jbound attach 12345         profile pid 12345 for 10 s",
                "  jbound attach OrderService  profile the one JVM whose main class or jar",
                "                              contains OrderService",
                "  jbound run -- mvn test      profile the JVMs a command starts",
                "  jbound attach 12345 --duration 30s --format json | jq .verdict.class",
                "",
                "Exit codes: 0 ok, 1 check failed, 2 usage error, 3 target not found or not",
                "attachable, 4 recording failed, 130 interrupted; run exits as its command does."})
public final class JboundCommand implements Runnable {

    /**
     * The subcommands, in the order help lists them. Not in {@code @Command(subcommands)}: picocli
     * would build every one's model on every start, and {@link Subcommands} builds only the one
     * the arguments name.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(PsCommand.class, AttachCommand.class, RunCommand.class,
            ReportCommand.class, CheckCommand.class, DiffCommand.class, DumpCommand.class, TopCommand.class,
            WatchCommand.class, ShellCommand.class, DemoCommand.class);

    @Spec
    CommandSpec spec;

    /** Whether stdout is a terminal: set by {@link JboundCli}, read by the subcommands. */
    boolean tty;

    /** The shell the commands run in, or null on the command line. */
    Session session;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces and diagnostics on errors.")
    boolean verbose;

    /**
     * The JVM a command names, or inside the shell the one attached to when it names none.
     * @throws ParameterException when there is neither
     */
    TargetJvm target(CommandLine commandLine, String pidOrName) throws TargetException {
        if (pidOrName != null && !pidOrName.isBlank()) return TargetFinder.byPidOrName(pidOrName);
        if (session != null && session.attached() != null) return session.attached();
        throw new ParameterException(commandLine, session != null
                ? "name the JVM by pid or main class, or attach to one first (list them with: ps)"
                : "name the JVM by pid or main class (list them with: jbound ps)");
    }

    Console console() {
        return Console.of(spec.commandLine().getOut(), spec.commandLine().getErr(), tty, session != null);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}

package dev.jbound.cli;

import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Builds the command line and runs it. Tests call {@link #run} with their own streams; what
 * errors print is {@link ErrorReporter}'s.
 */
public final class JboundCli {
    static {
        // picocli registers converters for java.time and java.sql types by loading and initialising
        // those classes on every start (java.time's spin lambdas); jbound's options use neither,
        // its durations have their own converter
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.time\\..*|java\\.sql\\..*");
        }
    }

    private JboundCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean tty = out == System.out && System.console() != null;
        return run(args, writer(out), writer(err), tty);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, boolean tty) {
        CommandLine cmd = create(out, err, tty, args);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command model, every subcommand built: for the docs, the shell and tests. */
    static CommandLine create(PrintWriter out, PrintWriter err, boolean tty) {
        return create(out, err, tty, null);
    }

    /** @param args the arguments of this run, to build only the subcommand they name; null for all */
    static CommandLine create(PrintWriter out, PrintWriter err, boolean tty, String[] args) {
        JboundCommand top = new JboundCommand();
        CommandLine cmd = new CommandLine(top);
        // before the settings below: picocli passes them on to the subcommands it already has
        if (args == null) Subcommands.addAll(cmd);
        else Subcommands.addNamedIn(cmd, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // `jbound run java -version`: after the command's name, every option is the command's own.
        CommandLine run = cmd.getSubcommands().get("run");
        if (run != null) run.setStopAtPositional(true); // not built for a run of another command
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(tty ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        top.tty = tty;
        ErrorReporter errors = new ErrorReporter(top);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        return cmd;
    }

    /**
     * The shell's commands: the command line's own definitions (ps, dump, top, diff, report,
     * check) and the shell's (attach as "make it the target", detach, record, verdict, threads,
     * stack, locks, save, help, exit), so that their options never disagree with the CLI's.
     */
    /** @param tty the shell talks to a terminal (not a pipe or a dumb one): colour and progress lines */
    static CommandLine createShell(ShellSession session, PrintWriter out, PrintWriter err, boolean tty) {
        CommandLine cmd = create(out, err, tty);
        JboundCommand top = cmd.getCommand();
        top.session = session;
        for (String cliOnly : new String[] {"attach", "run", "demo", "shell"}) cmd.getCommandSpec().removeSubcommand(cliOnly);
        cmd.addSubcommand(new ShellAttachCommand());
        cmd.addSubcommand(new DetachCommand());
        cmd.addSubcommand(new RecordCommand());
        cmd.addSubcommand(new VerdictCommand());
        cmd.addSubcommand(new ThreadsCommand());
        cmd.addSubcommand(new StackCommand());
        cmd.addSubcommand(new LocksCommand());
        cmd.addSubcommand(new SaveCommand());
        cmd.addSubcommand(new ShellHelpCommand());
        cmd.addSubcommand(new ExitCommand());
        return cmd;
    }

    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new OutputStreamWriter(s, Charset.defaultCharset()), true);
    }
}

package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import dev.jbound.target.TargetException;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Builds the command line and runs it. Tests call {@link #run} with their own streams; errors a
 * user can fix are one line (plus a hint) on stderr, with the stack trace only under --verbose.
 */
public final class JboundCli {
    private JboundCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean tty = out == System.out && System.console() != null;
        return run(args, writer(out), writer(err), tty);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, boolean tty) {
        CommandLine cmd = create(out, err, tty);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine create(PrintWriter out, PrintWriter err, boolean tty) {
        JboundCommand top = new JboundCommand();
        CommandLine cmd = new CommandLine(top);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // `jbound run java -version`: after the command's name, every option is the command's own.
        cmd.getSubcommands().get("run").setStopAtPositional(true);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(tty ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        top.tty = tty;
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine, top.verbose));
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("jbound: " + firstLine(ex.getMessage()));
            String name = ex.getCommandLine().getCommandName();
            if (top.session != null) e.println("hint: see 'help " + name + "'");
            else e.println("hint: see '" + (name.equals("jbound") ? "jbound --help" : "jbound " + name + " --help") + "'");
            if (top.verbose) ex.printStackTrace(e);
            return ExitCodes.USAGE;
        });
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

    private static int handle(Exception ex, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof TargetException) {
            code = ExitCodes.TARGET;
        } else if (ex instanceof RecordingException) {
            code = ExitCodes.RECORDING;
        } else if (ex instanceof CommandLine.ParameterException) {
            code = ExitCodes.USAGE;
        } else {
            err.println("jbound: internal error, please report it: " + ex);
            ex.printStackTrace(err);
            return ExitCodes.RECORDING;
        }
        err.println("jbound: " + firstLine(ex.getMessage()));
        if (verbose) ex.printStackTrace(err);
        return code;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return dev.jbound.render.TerminalText.escape(nl >= 0 ? s.substring(0, nl) : s);
    }

    private static PrintWriter writer(PrintStream s) {
        return new PrintWriter(new OutputStreamWriter(s, Charset.defaultCharset()), true);
    }
}

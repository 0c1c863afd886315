package dev.jbound.cli;

import dev.jbound.shell.Repl;
import dev.jbound.target.JvmScanner;
import dev.jbound.target.TargetException;
import dev.jbound.target.TargetJvm;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** jbound shell [PID|NAME]: an interactive session with a JVM. */
@Command(name = "shell",
        description = {"Start an interactive session: attach to a JVM once, then record, look at threads, stacks and locks,"
                + " watch it live (top), dump, save and diff without repeating the pid.",
                "Commands: attach, detach, ps, record, verdict, threads, stack, locks, top, dump, save, diff, report, check,"
                        + " help, exit. Tab completes commands, options, pids (with their main class) and thread names;"
                        + " history persists in ~/.jbound_history. Ctrl-C stops a recording, not the shell."},
        footerHeading = "%nExamples:%n",
        footer = {"  jbound shell",
                "  jbound shell OrderService",
                "  printf 'attach 12345\\nrecord 5s\\nsave run.json\\n' | jbound shell"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:left with exit or Ctrl-D",
                "2:usage error, or no terminal"})
public final class ShellCommand implements Callable<Integer> {
    static final String HISTORY_FILE = ".jbound_history";

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PID|NAME", description = "A JVM to attach to at once, as attach takes it.")
    String target;

    @Override
    public Integer call() {
        Terminal terminal;
        try {
            // Ctrl-C is the reader's (clears the line) or a recording's (stops it), never the process's
            terminal = TerminalBuilder.builder().system(true).nativeSignals(true).dumb(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot open the terminal: " + e.getMessage());
        }
        ShellSession session = new ShellSession(terminal);
        // a terminated shell must not leave its last recording in /tmp
        Thread cleanup = new Thread(session::forgetRecording, "jbound-shell-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (terminal) {
            PrintWriter out = terminal.writer();
            // On a pipe JLine reads commands from a dumb terminal: no colour or progress into the output
            boolean tty = parent.tty && !TopCommand.dumb(terminal);
            CommandLine commands = JboundCli.createShell(session, out, out, tty);
            if (target != null) commands.execute("attach", target);
            Path history = historyFile();
            // no prompt into a script's output
            Repl.run(terminal, commands, sources(session), history, () -> tty ? prompt(session) : "", session::exitRequested);
        } catch (IOException e) {
            // closing the terminal failed: the session is over anyway
        } finally {
            session.forgetRecording();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
        return ExitCodes.OK;
    }

    /** In $HOME, as shells keep theirs (the JVM's user.home ignores $HOME). */
    static Path historyFile() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, HISTORY_FILE);
    }

    private static Repl.Sources sources(ShellSession session) {
        return new Repl.Sources() {
            @Override
            public List<Repl.Jvm> jvms() {
                try {
                    return JvmScanner.find().stream().map(j -> new Repl.Jvm(j.pid(), j.mainClass())).toList();
                } catch (TargetException e) {
                    return List.of();
                }
            }

            @Override
            public List<String> threads() {
                return session.threadNames();
            }
        };
    }

    private static String prompt(ShellSession session) {
        TargetJvm jvm = session.attached();
        if (jvm == null) return "jbound> ";
        String main = jvm.mainClass();
        int dot = main.lastIndexOf('.');
        String simple = dot >= 0 && !main.endsWith(".jar") ? main.substring(dot + 1) : main;
        return "jbound " + jvm.pid() + (simple.isBlank() ? "" : " " + dev.jbound.render.TerminalText.escape(simple)) + "> ";
    }
}

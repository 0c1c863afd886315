package dev.jbound.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The read-run loop of {@code jbound shell}: JLine reads a line (editing, history, completion),
 * picocli runs it with the same command definitions as the command line. No error ends the loop;
 * only exit, quit or Ctrl-D do. Ctrl-C at the prompt clears the line.
 */
public final class Repl {

    /** A JVM offered for PID completion. */
    public record Jvm(long pid, String mainClass) {
    }

    /** What completion lists that the command model cannot know. */
    public interface Sources {
        List<Jvm> jvms();

        List<String> threads();
    }

    private static final int HISTORY_SIZE = 1000;

    private Repl() {
    }

    /**
     * @param history   where history persists between sessions
     * @param prompt    asked before each line: it names the attached JVM
     * @param exit      true once a command asked to leave
     */
    public static void run(Terminal terminal, CommandLine commands, Sources sources, Path history,
                           Supplier<String> prompt, BooleanSupplier exit) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jbound")
                .parser(parser)
                .completer(new CommandCompleter(commands, sources))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        createParent(history);
        PrintWriter err = commands.getErr();
        while (!exit.getAsBoolean()) {
            String line;
            try {
                line = reader.readLine(prompt.get());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = new ArrayList<>(reader.getParsedLine().words());
            words.removeIf(String::isEmpty);
            if (words.isEmpty()) continue;
            if (!commands.getSubcommands().containsKey(words.get(0))) {
                err.println("jbound: no command '" + dev.jbound.render.TerminalText.escape(words.get(0)) + "'; help lists them");
                err.flush();
                continue;
            }
            run(commands, words);
            save(reader.getHistory());
        }
        save(reader.getHistory());
    }

    /** One command; anything it throws that its handlers did not take is one line, not the end of the shell. */
    private static void run(CommandLine commands, List<String> words) {
        try {
            commands.execute(words.toArray(String[]::new));
        } catch (RuntimeException e) {
            commands.getErr().println("jbound: " + e);
        } finally {
            // Ctrl-C interrupts a recording: the interrupt is spent, the prompt comes back
            Thread.interrupted();
            commands.getOut().flush();
            commands.getErr().flush();
        }
    }

    /** Saved after every command, so a killed shell keeps what was typed. */
    private static void save(History history) {
        try {
            history.save();
        } catch (IOException ignored) {
            // an unwritable history file only loses history
        }
    }

    private static void createParent(Path history) {
        try {
            if (history.getParent() != null) Files.createDirectories(history.getParent());
        } catch (IOException ignored) {
            // history then stays in memory
        }
    }
}

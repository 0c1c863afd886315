package dev.jbound.shell;

import dev.jbound.render.TerminalText;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Map;

/**
 * Tab completion read from the picocli model, so it always matches the commands: command names
 * first, then the command's options, an option's values (its enum), and positionals by their label:
 * PID|NAME completes the running JVMs (shown with their main class), THREAD the attached JVM's
 * thread names, and any label with FILE, or an option taking a path, file names.
 */
final class CommandCompleter implements Completer {
    private final CommandLine commands;
    private final Repl.Sources sources;
    private final Completer files = new Completers.FileNameCompleter();

    CommandCompleter(CommandLine commands, Repl.Sources sources) {
        this.commands = commands;
        this.sources = sources;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            commandNames(out);
            return;
        }
        CommandLine sub = commands.getSubcommands().get(words.get(0));
        if (sub == null) return;
        CommandSpec spec = sub.getCommandSpec();
        String previous = words.get(index - 1);
        OptionSpec takingValue = spec.findOption(previous);
        if (takingValue != null && takingValue.arity().max() > 0) {
            optionValues(takingValue, reader, line, out);
            return;
        }
        if (line.word().startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                String description = o.description().length == 0 ? null : shortText(o.description()[0]);
                for (String name : o.names()) out.add(new Candidate(name, name, null, description, null, null, true));
            }
            return;
        }
        PositionalParamSpec positional = positionalAt(spec, words, index);
        if (positional == null) return;
        String label = positional.paramLabel();
        if (label.contains("PID")) {
            for (Repl.Jvm jvm : sources.jvms()) {
                // main classes and thread names are other processes' text: escaped before the terminal shows them
                out.add(new Candidate(Long.toString(jvm.pid()), jvm.pid() + "  " + TerminalText.escape(jvm.mainClass()), "JVMs",
                        null, null, null, true));
            }
        } else if (label.contains("THREAD")) {
            for (String name : sources.threads()) {
                out.add(new Candidate(name, TerminalText.escape(name), "threads", null, null, null, true));
            }
        } else if (label.contains("COMMAND") && spec.name().equals("help")) {
            commandNames(out);
        } else if (label.contains("FILE") || positional.type() == java.nio.file.Path.class) {
            files.complete(reader, line, out);
        }
    }

    private void commandNames(List<Candidate> out) {
        for (Map.Entry<String, CommandLine> e : commands.getSubcommands().entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            out.add(new Candidate(e.getKey(), e.getKey(), null, d.length == 0 ? null : shortText(d[0]), null, null, true));
        }
    }

    private void optionValues(OptionSpec option, LineReader reader, ParsedLine line, List<Candidate> out) {
        Iterable<String> values = option.completionCandidates();
        if (values != null) {
            for (String v : values) out.add(new Candidate(v));
        } else if (option.type() == java.nio.file.Path.class || option.paramLabel().contains("FILE")) {
            files.complete(reader, line, out);
        }
    }

    /** The positional the word at {@code index} fills: words that are options, or their values, do not count. */
    private static PositionalParamSpec positionalAt(CommandSpec spec, List<String> words, int index) {
        int position = 0;
        for (int i = 1; i < index; i++) {
            String w = words.get(i);
            if (w.equals("--")) return null;
            OptionSpec o = spec.findOption(w);
            if (o != null) {
                if (o.arity().max() > 0 && !w.contains("=")) i++;
                continue;
            }
            if (w.startsWith("-")) continue;
            position++;
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(position)) return p;
        }
        return null;
    }

    private static String shortText(String s) {
        String text = s.replace("%n", " ").replace("%%", "%");
        int end = text.indexOf(". ");
        if (end > 0) text = text.substring(0, end);
        return text.length() <= 60 ? text : text.substring(0, 59) + "~";
    }
}

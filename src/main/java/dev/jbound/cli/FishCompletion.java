package dev.jbound.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fish completion script for the command line, written from picocli's command model (picocli
 * generates bash only): the subcommands with what they do, each one's options with their
 * descriptions, and the values of enum options and of positionals that list candidates.
 */
final class FishCompletion {
    private FishCompletion() {
    }

    static String of(CommandLine cmd) {
        String name = cmd.getCommandName();
        StringBuilder sb = new StringBuilder();
        sb.append("# fish completion for ").append(name).append(", generated from its command model by")
                .append(" dev.jbound.cli.DocsGenerator; do not edit.\n")
                .append("# Install as ~/.config/fish/completions/").append(name).append(".fish or in a vendor_completions.d directory.\n\n")
                .append("# no file names unless an option or argument takes a file\n")
                .append("complete -c ").append(name).append(" -f\n");
        String top = "__fish_use_subcommand";
        options(sb, name, top, cmd.getCommandSpec());
        sb.append('\n');
        for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) continue;
            sb.append("complete -c ").append(name).append(" -n ").append(top).append(" -a ").append(quote(e.getKey()))
                    .append(" -d ").append(quote(summary(sub.usageMessage().description()))).append('\n');
        }
        for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) continue; // an alias: its command's names cover it
            String when = quote("__fish_seen_subcommand_from " + String.join(" ", names(sub)));
            sb.append("\n# ").append(name).append(' ').append(e.getKey()).append('\n');
            options(sb, name, when, sub);
            for (PositionalParamSpec p : sub.positionalParameters()) {
                if (p.hidden()) continue;
                String values = values(p);
                if (!values.isEmpty()) sb.append("complete -c ").append(name).append(" -n ").append(when).append(" -a ").append(values)
                        .append(" -d ").append(quote(p.paramLabel())).append('\n');
                else if (takesFile(p)) sb.append("complete -c ").append(name).append(" -n ").append(when).append(" -F\n");
            }
        }
        return sb.toString();
    }

    private static void options(StringBuilder sb, String name, String when, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            sb.append("complete -c ").append(name).append(" -n ").append(when);
            for (String n : o.names()) {
                if (n.startsWith("--")) sb.append(" -l ").append(n.substring(2));
                else if (n.length() == 2) sb.append(" -s ").append(n.substring(1));
                else sb.append(" -o ").append(n.substring(1));
            }
            if (o.arity().max > 0) {
                String values = values(o);
                if (!values.isEmpty()) sb.append(" -x -a ").append(values);
                else if (takesFile(o)) sb.append(" -r -F");
                else sb.append(" -x");
            }
            sb.append(" -d ").append(quote(summary(o.description()))).append('\n');
        }
    }

    private static String[] names(CommandSpec sub) {
        String[] aliases = sub.aliases();
        String[] all = new String[aliases.length + 1];
        all[0] = sub.name();
        System.arraycopy(aliases, 0, all, 1, aliases.length);
        return all;
    }

    /** The candidates picocli knows (an enum's constants, a completionCandidates class), quoted as one word list. */
    private static String values(ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates == null) return "";
        StringBuilder words = new StringBuilder();
        for (String c : candidates) words.append(words.length() > 0 ? " " : "").append(c);
        return words.length() == 0 ? "" : quote(words.toString());
    }

    private static boolean takesFile(ArgSpec arg) {
        Class<?> type = arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        return Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type)
                || arg.paramLabel().equals("COMMAND"); // run's and check's command: a program and its files
    }

    /** The description's first line, plain, without its closing full stop: fish shows one short line. */
    private static String summary(String[] description) {
        if (description.length == 0) return "";
        String line = DescriptionText.plain(description[0]).lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /** Single quotes for fish: only backslash and single quote are special inside them. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

package dev.jbound.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;

/**
 * Adds jbound's subcommands to the top-level command line. picocli builds a subcommand's model by
 * reflecting over its class, mixins and options, some 10 ms each in a JVM that has not warmed up;
 * one run of jbound uses at most one subcommand, so on the command line only that one is built,
 * and the others are left out or, where the top-level help may list them, stubs carrying what it
 * lists: name, aliases and description from their {@code @Command}. The docs, the shell and the
 * completions see every model in full.
 */
final class Subcommands {
    private Subcommands() {
    }

    /** Every subcommand, fully built. */
    static void addAll(CommandLine top) {
        for (Class<?> c : JboundCommand.SUBCOMMANDS) top.addSubcommand(new CommandLine(c));
    }

    /**
     * The subcommand the arguments name, fully built; the others, as stubs, only where the
     * top-level command may print its usage, which lists them: when the arguments name none (or
     * something that is none) or put an option other than --verbose before the name (--help).
     */
    static void addNamedIn(CommandLine top, String[] args) {
        int at = namedAt(args);
        Class<?> used = null;
        for (Class<?> c : JboundCommand.SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            if (at >= 0 && (a.name().equals(args[at]) || Arrays.asList(a.aliases()).contains(args[at]))) used = c;
        }
        boolean usageMayList = used == null || !onlyVerboseBefore(args, at);
        for (Class<?> c : JboundCommand.SUBCOMMANDS) {
            if (c == used) top.addSubcommand(new CommandLine(c));
            else if (usageMayList) top.addSubcommand(new CommandLine(stub(c.getAnnotation(Command.class))));
        }
    }

    /** The first argument that is not an option: the top-level options take no values. */
    static String named(String[] args) {
        int at = namedAt(args);
        return at < 0 ? null : args[at];
    }

    private static int namedAt(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) return i;
        }
        return -1;
    }

    private static boolean onlyVerboseBefore(String[] args, int at) {
        for (int i = 0; i < at; i++) {
            if (!args[i].equals("--verbose")) return false;
        }
        return true;
    }

    private static CommandSpec stub(Command a) {
        CommandSpec spec = CommandSpec.create().name(a.name()).aliases(a.aliases());
        spec.usageMessage().description(a.description()).header(a.header()).hidden(a.hidden());
        return spec;
    }
}

package dev.jbound.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;

/**
 * Adds jbound's subcommands to the top-level command line. picocli builds a subcommand's model by
 * reflecting over its class, mixins and options, some 10 ms each in a JVM that has not warmed up;
 * one run of jbound uses at most one subcommand, so on the command line only that one is built
 * and the others are stubs carrying what the top-level help lists: name, aliases and description
 * from their {@code @Command}. The docs, the shell and the completions see every model in full.
 */
final class Subcommands {
    private Subcommands() {
    }

    /** Every subcommand, fully built. */
    static void addAll(CommandLine top) {
        for (Class<?> c : JboundCommand.SUBCOMMANDS) top.addSubcommand(new CommandLine(c));
    }

    /** The subcommand the arguments name fully built, the rest as stubs. */
    static void addNamedIn(CommandLine top, String[] args) {
        String named = named(args);
        for (Class<?> c : JboundCommand.SUBCOMMANDS) {
            Command a = c.getAnnotation(Command.class);
            boolean used = a.name().equals(named) || Arrays.asList(a.aliases()).contains(named);
            top.addSubcommand(used ? new CommandLine(c) : new CommandLine(stub(a)));
        }
    }

    /** The first argument that is not an option: the top-level options take no values. */
    static String named(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) return arg;
        }
        return null;
    }

    private static CommandSpec stub(Command a) {
        CommandSpec spec = CommandSpec.create().name(a.name()).aliases(a.aliases());
        spec.usageMessage().description(a.description()).header(a.header()).hidden(a.hidden());
        return spec;
    }
}

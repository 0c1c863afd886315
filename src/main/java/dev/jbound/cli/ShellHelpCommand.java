package dev.jbound.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Shell: help lists the commands; help COMMAND shows one's usage, the same text as its --help. */
@Command(name = "help", description = "List the shell's commands, or show one command's options (the same as COMMAND --help).")
final class ShellHelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    JboundCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command to explain.")
    String command;

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        PrintWriter out = parent.console().out();
        Map<String, CommandLine> commands = root.getSubcommands();
        if (command != null) {
            CommandLine c = commands.get(command);
            if (c == null) throw new ParameterException(spec.commandLine(), "no command '" + command + "'; help lists them");
            c.usage(out, root.getColorScheme());
            return ExitCodes.OK;
        }
        out.println("Commands (Tab completes commands, options, pids and thread names; help COMMAND for its options):");
        commands.forEach((name, c) -> {
            if (!c.getCommandName().equals(name)) return; // an alias: listed under its command
            String[] description = c.getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : firstSentence(description[0].replace("%n", " ").replace("%%", "%"));
            out.printf(Locale.US, "  %-8s %s%n", name, first);
        });
        out.println("Ctrl-C stops a recording (the shell goes on); Ctrl-D or exit leaves.");
        out.flush();
        return ExitCodes.OK;
    }

    private static String firstSentence(String s) {
        int end = s.indexOf(". ");
        String first = end < 0 ? s : s.substring(0, end + 1);
        return first.length() <= 70 ? first : first.substring(0, 69) + "~";
    }
}

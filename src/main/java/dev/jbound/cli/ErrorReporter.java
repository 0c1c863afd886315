package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import dev.jbound.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * What a failed command prints and returns: errors a user can fix are one line (plus a hint) on
 * stderr, with the stack trace only under --verbose; anything else is a bug and says so.
 * A class rather than two lambdas: picocli's handler interfaces are Java 5 class files, for which
 * the class-data archive cannot keep a lambda, so each lambda would be spun at every start.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final JboundCommand top;

    ErrorReporter(JboundCommand top) {
        this.top = top;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof TargetException) {
            code = ExitCodes.TARGET;
        } else if (ex instanceof RecordingException) {
            code = ExitCodes.RECORDING;
        } else if (ex instanceof ParameterException || ex instanceof OutputWriteException) {
            code = ExitCodes.USAGE;
        } else {
            err.println("jbound: internal error, please report it: " + ex);
            ex.printStackTrace(err);
            return ExitCodes.RECORDING;
        }
        err.println("jbound: " + firstLine(ex.getMessage()));
        if (top.verbose) ex.printStackTrace(err);
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter e = ex.getCommandLine().getErr();
        e.println("jbound: " + usageMessage(ex));
        String name = ex.getCommandLine().getCommandName();
        if (top.session != null) e.println("hint: see 'help " + name + "'");
        else e.println("hint: see '" + (name.equals("jbound") ? "jbound --help" : "jbound " + name + " --help") + "'");
        if (top.verbose) ex.printStackTrace(e);
        return ExitCodes.USAGE;
    }

    /**
     * picocli's words in jbound's: "unknown command 'foo'" for "Unmatched argument at index 0: 'foo'",
     * an unexpected argument or an unknown option by name, with picocli's suggestions; its other
     * messages begin in lower case, as jbound's own do.
     */
    static String usageMessage(ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = dev.jbound.render.TerminalText.escape(u.getUnmatched().get(0));
            List<String> near = u.getSuggestions();
            String meant = near.isEmpty() ? "" : "; did you mean " + near.get(0) + "?";
            CommandLine cl = u.getCommandLine();
            if (arg.startsWith("-")) return "unknown option '" + arg + "'" + meant;
            if (cl.getParent() == null && !cl.getSubcommands().isEmpty()) {
                return "unknown command '" + arg + "'" + (meant.isEmpty() ? "; the commands: " + String.join(", ", cl.getSubcommands().keySet()) : meant);
            }
            return "unexpected argument '" + arg + "'" + meant;
        }
        String m = firstLine(ex.getMessage());
        // "Invalid value ...", "Missing required ...": a capital then lower case is picocli's sentence, not a name like JFR
        boolean sentence = m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1));
        return sentence ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return dev.jbound.render.TerminalText.escape(nl >= 0 ? s.substring(0, nl) : s);
    }
}

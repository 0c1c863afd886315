package dev.jbound.cli;

import dev.jbound.record.RecordingException;
import dev.jbound.target.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

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
        e.println("jbound: " + firstLine(ex.getMessage()));
        String name = ex.getCommandLine().getCommandName();
        if (top.session != null) e.println("hint: see 'help " + name + "'");
        else e.println("hint: see '" + (name.equals("jbound") ? "jbound --help" : "jbound " + name + " --help") + "'");
        if (top.verbose) ex.printStackTrace(e);
        return ExitCodes.USAGE;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return dev.jbound.render.TerminalText.escape(nl >= 0 ? s.substring(0, nl) : s);
    }
}

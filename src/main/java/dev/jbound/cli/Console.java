package dev.jbound.cli;

import dev.jbound.render.Renderers;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What jbound knows about where it prints: colour and progress only on a terminal, never when
 * NO_COLOR is set (https://no-color.org) or TERM is dumb; Unicode bars only on a UTF-8 terminal.
 */
record Console(PrintWriter out, PrintWriter err, boolean tty, boolean color, boolean unicode, boolean inShell) {

    /** How text for this console is drawn. */
    Renderers.Terminal terminal() {
        return new Renderers.Terminal(color, unicode);
    }

    static Console of(PrintWriter out, PrintWriter err, boolean tty) {
        return of(out, err, tty, false);
    }

    /** @param inShell the command runs inside jbound shell, where Ctrl-C must not end the process */
    static Console of(PrintWriter out, PrintWriter err, boolean tty, boolean inShell) {
        String noColor = System.getenv("NO_COLOR");
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        boolean color = tty && !dumb && (noColor == null || noColor.isEmpty());
        boolean unicode = tty && Charset.defaultCharset().equals(StandardCharsets.UTF_8)
                || !tty && StandardCharsets.UTF_8.equals(Charset.defaultCharset());
        return new Console(out, err, tty, color, unicode, inShell);
    }

    /**
     * This console with the report going to stderr ({@code jbound run} leaves stdout to the
     * command): coloured only when stderr is a terminal too, not merely stdout.
     */
    Console reportOnStderr() {
        boolean errTty = tty && stderrIsTerminal();
        return new Console(err, err, errTty, color && errTty, unicode, inShell);
    }

    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

package dev.jbound.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What jbound knows about where it prints: colour and progress only on a terminal, never when
 * NO_COLOR is set (https://no-color.org) or TERM is dumb; Unicode bars only on a UTF-8 terminal.
 */
record Console(PrintWriter out, PrintWriter err, boolean tty, boolean color, boolean unicode) {

    static Console of(PrintWriter out, PrintWriter err, boolean tty) {
        String noColor = System.getenv("NO_COLOR");
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        boolean color = tty && !dumb && (noColor == null || noColor.isEmpty());
        boolean unicode = tty && Charset.defaultCharset().equals(StandardCharsets.UTF_8)
                || !tty && StandardCharsets.UTF_8.equals(Charset.defaultCharset());
        return new Console(out, err, tty, color, unicode);
    }
}

package dev.jbound.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a bash completion script offers for a command line: sources the script in bash and calls
 * its completion function the way bash's complete machinery would, with COMP_WORDS, COMP_CWORD,
 * COMP_LINE and COMP_POINT set; the last word is the one being completed ("" after a space).
 */
public final class BashCompletion {
    private BashCompletion() {
    }

    public static List<String> complete(Path script, String function, String... words) throws Exception {
        // compopt only works inside a real completion; outside one it is a no-op for this check
        String bash = "source " + quote(script.toString()) + "; compopt() { :; }; COMP_WORDS=(" + quoteAll(words) + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE=\"" + String.join(" ", words) + "\"; COMP_POINT=${#COMP_LINE}; "
                + function + "; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", bash).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) throw new AssertionError("bash did not finish completing " + String.join(" ", words));
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String quoteAll(String[] words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) sb.append(quote(w)).append(' ');
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

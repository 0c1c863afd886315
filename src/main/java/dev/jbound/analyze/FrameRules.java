package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringTokenizer;

/**
 * The ordered frame table. A frame takes the first rule that matches it, so a specific rule
 * must come before a broader one that would also match (FileDispatcherImpl.lock0 before the
 * FileDispatcherImpl prefix); a test checks that no rule is shadowed.
 *
 * <p>The tables are text, one rule per line — {@code id state resolution match pattern} —
 * grouped under {@code #} comments, split by family: {@link NativeFrameRules},
 * {@link JdkIoFrameRules}, {@link ConcurrencyFrameRules}, {@link LibraryFrameRules}.
 */
public final class FrameRules {

    private static final FrameRules DEFAULTS = new FrameRules(concat(
            parse("NativeFrameRules", NativeFrameRules.TABLE),
            parse("JdkIoFrameRules", JdkIoFrameRules.TABLE),
            parse("ConcurrencyFrameRules", ConcurrencyFrameRules.TABLE),
            parse("LibraryFrameRules", LibraryFrameRules.TABLE)));

    private final List<FrameRule> rules;

    private FrameRules(List<FrameRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static FrameRules defaults() {
        return DEFAULTS;
    }

    public static FrameRules of(List<FrameRule> rules) {
        return new FrameRules(rules);
    }

    public List<FrameRule> rules() {
        return rules;
    }

    /** The first rule matching the frame, or null. */
    public FrameRule match(Frame frame) {
        for (FrameRule rule : rules) {
            if (rule.matches(frame)) return rule;
        }
        return null;
    }

    /**
     * Parses a table: blank lines and {@code #} comments are skipped, every other line has
     * exactly five whitespace-separated fields. A malformed line fails class initialisation
     * with its table and line number, so a typo cannot silently drop a rule.
     */
    static List<FrameRule> parse(String tableName, String table) {
        List<FrameRule> out = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = fields(line);
            try {
                if (f.length != 5) throw new IllegalArgumentException("expected 5 fields, got " + f.length);
                out.add(new FrameRule(f[0], ThreadState.fromLabel(f[1]),
                        FrameRule.Resolution.valueOf(f[2].toUpperCase(Locale.ROOT)),
                        FrameRule.Match.fromLabel(f[3]), f[4]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(tableName + " line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return out;
    }

    /** A line's whitespace-separated fields, without a regular expression: the tables are read at every start. */
    private static String[] fields(String line) {
        StringTokenizer t = new StringTokenizer(line);
        String[] f = new String[t.countTokens()];
        for (int i = 0; i < f.length; i++) f[i] = t.nextToken();
        return f;
    }

    @SafeVarargs
    private static List<FrameRule> concat(List<FrameRule>... tables) {
        List<FrameRule> all = new ArrayList<>();
        for (List<FrameRule> t : tables) all.addAll(t);
        return all;
    }
}

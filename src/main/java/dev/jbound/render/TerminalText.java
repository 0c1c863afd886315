package dev.jbound.render;

/**
 * Makes text from the target (thread names, class and method names) safe to print: a name with
 * ANSI escapes, newlines or bidi overrides must not move the cursor, recolour the terminal or
 * forge report lines. Such characters become visible {@code \xNN} / {@code \u202E} escapes.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) sb.append(rep != null ? rep : String.valueOf(c));
        }
        return sb == null ? s : sb.toString();
    }

    private static String replacement(char c) {
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) return String.format("\\x%02x", (int) c);
        // bidi embeddings/overrides/isolates and line/paragraph separators reorder or break lines
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || c == 0x200e || c == 0x200f || c == 0x061c) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}

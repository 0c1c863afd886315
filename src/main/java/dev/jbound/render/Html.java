package dev.jbound.render;

/** Escaping for text placed in HTML, and whole pages placed in an iframe's srcdoc attribute. */
final class Html {
    private Html() {
    }

    /** Element text and attribute values: the target's names cannot open a tag or end an attribute. */
    static String text(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** A flame graph page inside the report: its own document, so its script and styles stay apart. */
    static String iframe(String title, String page, int height) {
        return "<iframe title=\"" + text(title) + "\" style=\"width:100%;height:" + height + "px;border:1px solid #ccc\" srcdoc=\""
                + text(page) + "\"></iframe>";
    }
}

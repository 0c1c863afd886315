package dev.jbound.render;

/** Escaping for text placed in HTML, and whole pages placed in an iframe's srcdoc attribute. */
final class Html {
    private Html() {
    }

    /** Element text and attribute values: the target's names cannot open a tag or end an attribute (XML's escaping serves HTML too). */
    static String text(String s) {
        return s == null ? "" : CheckJunitRenderer.xml(s);
    }

    /** A flame graph page inside the report: its own document, so its script and styles stay apart. */
    static String iframe(String title, String page, int height) {
        return "<iframe title=\"" + text(title) + "\" style=\"width:100%;height:" + height + "px;border:1px solid #ccc\" srcdoc=\""
                + text(page) + "\"></iframe>";
    }
}

package dev.jbound.render;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A JSON tree as indented text, in the layout of Jackson's default pretty printer, which jbound's
 * documents have always had: an object a member a line, two spaces a level, {@code "name" : value};
 * an array on its line, {@code [ a, b ]}; empty ones {@code { }} and {@code [ ]}; strings escaped
 * as Jackson's generator escapes them, numbers as Java prints them. Written out rather than through
 * Jackson's generator and printer: a report is jbound's whole run, and their first use (classes,
 * the printer's separators concatenated through method handles) cost more of its tail than the
 * document itself. PrettyJsonTest holds it to Jackson's output on random trees.
 */
final class PrettyJson {

    private static final String NEWLINE = System.lineSeparator();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PrettyJson() {
    }

    /** The document, without a line break after it. */
    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder(8192);
        value(root, out, 0);
        return out.toString();
    }

    /** @param depth how many objects enclose the value (arrays stay on their line and do not indent) */
    private static void value(JsonNode n, StringBuilder out, int depth) {
        switch (n.getNodeType()) {
            case OBJECT -> object(n, out, depth);
            case ARRAY -> array(n, out, depth);
            case STRING -> string(n.stringValue(), out);
            case BOOLEAN -> out.append(n.booleanValue());
            case NULL, MISSING -> out.append("null");
            case NUMBER -> number(n, out);
            default -> throw new IllegalArgumentException("no JSON for a " + n.getNodeType() + " node");
        }
    }

    private static void object(JsonNode n, StringBuilder out, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!first) out.append(',');
            first = false;
            indent(out, depth + 1);
            string(e.getKey(), out);
            out.append(" : ");
            value(e.getValue(), out, depth + 1);
        }
        if (first) {
            out.append(" }");
        } else {
            indent(out, depth);
            out.append('}');
        }
    }

    private static void array(JsonNode n, StringBuilder out, int depth) {
        out.append("[ ");
        boolean first = true;
        for (JsonNode element : n.values()) {
            if (!first) out.append(", ");
            first = false;
            value(element, out, depth);
        }
        out.append(first ? "]" : " ]");
    }

    private static void indent(StringBuilder out, int depth) {
        out.append(NEWLINE);
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private static void number(JsonNode n, StringBuilder out) {
        if (n.isInt() || n.isShort()) out.append(n.intValue());
        else if (n.isLong()) out.append(n.longValue());
        else if (n.isDouble()) decimal(n.doubleValue(), out);
        else if (n.isFloat()) decimal(n.floatValue(), out);
        else if (n.isBigInteger()) out.append(n.bigIntegerValue());
        else out.append(n.decimalValue());
    }

    /** As Jackson writes them: a number as Java prints it, and one JSON has no word for (NaN, infinities) as a string. */
    private static void decimal(double d, StringBuilder out) {
        if (Double.isFinite(d)) out.append(d);
        else out.append('"').append(d).append('"');
    }

    private static void decimal(float f, StringBuilder out) {
        if (Float.isFinite(f)) out.append(f);
        else out.append('"').append(f).append('"');
    }

    /** Quoted and escaped: the quote, the backslash and every control character; the rest as it is. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, s.length()).append('"');
    }
}

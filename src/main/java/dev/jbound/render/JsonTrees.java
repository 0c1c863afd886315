package dev.jbound.render;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON documents' trees, made and written without a JsonMapper: building the mapper and its
 * serializers is most of what Jackson costs a short-lived process (about 40 ms of a report's
 * 0.25 s), and the renderers only need the tree and Jackson's streaming generator, which writes
 * it in the layout the mapper's default pretty printer gave.
 */
final class JsonTrees {

    /** Pretty-printed as {@code writerWithDefaultPrettyPrinter()} did. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonTrees() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The document as indented text, without a trailing line break. */
    static String pretty(JsonNode root) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = generator(text)) {
            write(root, g);
        }
        return text.toString();
    }

    /** A generator writing indented JSON to {@code out}, for a document written as it goes (ps). */
    static JsonGenerator generator(Writer out) {
        return FACTORY.createGenerator(PRETTY, out);
    }

    private static void write(JsonNode n, JsonGenerator g) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n.values()) write(element, g);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.stringValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> number(n, g);
            default -> throw new IllegalArgumentException("no JSON for a " + n.getNodeType() + " node");
        }
    }

    private static void number(JsonNode n, JsonGenerator g) {
        if (n.isInt() || n.isShort()) g.writeNumber(n.intValue());
        else if (n.isLong()) g.writeNumber(n.longValue());
        else if (n.isDouble()) g.writeNumber(n.doubleValue());
        else if (n.isFloat()) g.writeNumber(n.floatValue());
        else if (n.isBigInteger()) g.writeNumber(n.bigIntegerValue());
        else g.writeNumber(n.decimalValue());
    }
}

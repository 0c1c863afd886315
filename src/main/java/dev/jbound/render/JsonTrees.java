package dev.jbound.render;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents' trees, made without a JsonMapper (building the mapper and its serializers is
 * most of what Jackson costs a short-lived process) and written by {@link PrettyJson}.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The document as indented text, without a trailing line break. */
    static String pretty(JsonNode root) {
        return PrettyJson.write(root);
    }
}

package dev.jbound.render;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jbound's documents keep the layout Jackson's default pretty printer gave them: PrettyJson is held
 * to what Jackson's own generator and printer write for the same trees, thousands of random ones
 * (nesting, empty containers, every number kind, strings with every ASCII control character,
 * quotes, backslashes and text beyond ASCII).
 */
class PrettyJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What Jackson writes: its generator with the default pretty printer, which jbound used before. */
    private static String jackson(JsonNode root) {
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }
        };
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().build().createGenerator(pretty, out)) {
            JsonMapper.shared().writeTree(g, root);
        }
        return out.toString();
    }

    @Test
    void writesWhatJacksonsDefaultPrettyPrinterWrites() {
        Random random = new Random(13);
        for (int i = 0; i < 3000; i++) {
            JsonNode root = object(random, 0);
            assertThat(PrettyJson.write(root)).as("tree %d", i).isEqualTo(jackson(root));
        }
    }

    @Test
    void emptyContainersAndNumbersJsonHasNoWordFor() {
        ObjectNode root = NODES.objectNode();
        root.putObject("none");
        root.putArray("nothing");
        root.put("nan", Double.NaN);
        root.put("up", Double.POSITIVE_INFINITY);
        root.put("down", Float.NEGATIVE_INFINITY);
        root.putArray("nested").addObject().putArray("deeper").addArray();
        assertThat(PrettyJson.write(root)).isEqualTo(jackson(root)).contains("\"none\" : { }", "\"nothing\" : [ ]", "\"nan\" : \"NaN\"");
        assertThat(PrettyJson.write(NODES.objectNode())).isEqualTo(jackson(NODES.objectNode())).isEqualTo("{ }");
    }

    @Test
    void everyControlCharacterIsEscapedAsJacksonDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) all.append(c);
        all.append("é€\u2028\uD83D\uDE00\uD800");
        ObjectNode root = NODES.objectNode();
        root.put(all.toString(), all.toString());
        assertThat(PrettyJson.write(root)).isEqualTo(jackson(root)).contains("\\u001F", "\\n", "\\\"", "\\\\");
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode o = NODES.objectNode();
        int n = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < n; i++) o.set(text(random) + i, value(random, depth + 1));
        return o;
    }

    private static ArrayNode array(Random random, int depth) {
        ArrayNode a = NODES.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) a.add(value(random, depth + 1));
        return a;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 10 : 12);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
            case 4 -> NODES.numberNode((float) random.nextGaussian());
            case 5 -> NODES.numberNode((short) random.nextInt());
            case 6 -> NODES.numberNode(new BigInteger(80, random));
            case 7 -> NODES.numberNode(new BigDecimal(random.nextGaussian()).movePointLeft(random.nextInt(5)));
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.nullNode();
            case 10 -> object(random, depth);
            default -> array(random, depth);
        };
    }

    private static String text(Random random) {
        String alphabet = "ab \"\\/\t\n\r\b\f\u0000\u0001\u001fé€\u2028";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}

package dev.jbound.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Parses a JSON document jbound wrote and validates it against schema/jbound.schema.json, so
 * that every test reading jbound's JSON also checks the published schema (a field written but
 * not in the schema fails: the schema forbids undeclared fields).
 */
public final class JsonDocs {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private JsonDocs() {
    }

    public static JsonNode parse(String text) {
        JsonNode doc = MAPPER.readTree(text);
        List<Error> errors = SCHEMA.validate(doc);
        if (!errors.isEmpty()) {
            throw new AssertionError("jbound's JSON does not match schema/jbound.schema.json: " + errors.subList(0, Math.min(5, errors.size()))
                    + "\n" + text.substring(0, Math.min(2000, text.length())));
        }
        return doc;
    }

    public static JsonNode parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        try {
            String schema = Files.readString(Path.of("schema/jbound.schema.json"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.jbound.render;

import dev.jbound.support.Jbound;
import dev.jbound.support.JsonDocs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** schema/jbound.schema.json accepts what jbound writes and rejects what it must not write. */
class JsonSchemaTest {

    private static String report() {
        Jbound.Run run = Jbound.run("report", "src/test/resources/recordings/io.jfr", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void aReportMatches() {
        assertThat(JsonDocs.parse(report()).get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anUndocumentedFieldIsRejected() {
        String doc = report().replaceFirst("\"schemaVersion\" : 1,", "\"schemaVersion\" : 1, \"surprise\" : true,");
        assertThatThrownBy(() -> JsonDocs.parse(doc)).isInstanceOf(AssertionError.class).hasMessageContaining("surprise");
    }

    @Test
    void anUnknownClassOrAnotherVersionIsRejected() {
        String doc = report();
        assertThatThrownBy(() -> JsonDocs.parse(doc.replaceFirst("\"class\" : \"io-bound\"", "\"class\" : \"fast\"")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> JsonDocs.parse(doc.replaceFirst("\"schemaVersion\" : 1", "\"schemaVersion\" : 2")))
                .isInstanceOf(AssertionError.class);
    }
}

package dev.jbound.export;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** schema/jbound-metrics.json, the families watch exposes and the README's table say the same. */
class WatchMetricsSchemaTest {

    @Test
    void theSchemaTheCodeAndTheReadmeListTheSameMetricsAndLabels() throws Exception {
        JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(Path.of("schema/jbound-metrics.json")));
        List<String> inSchema = new ArrayList<>();
        for (JsonNode m : schema.get("metrics")) {
            List<String> labels = new ArrayList<>();
            m.get("labels").forEach(l -> labels.add(l.asString()));
            inSchema.add(m.get("name").asString() + " " + m.get("type").asString() + " " + labels);
        }
        List<String> inCode = WatchSeries.FAMILIES.stream()
                .map(f -> f.name() + " " + f.kind().name().toLowerCase(Locale.ROOT) + " " + f.labelNames()).toList();
        assertThat(inSchema).containsExactlyElementsOf(inCode);

        String readme = Files.readString(Path.of("README.md"));
        for (WatchSeries.Family f : WatchSeries.FAMILIES) {
            String exposed = f.name() + switch (f.kind()) {
                case COUNTER -> "_total";
                case INFO -> "_info";
                case GAUGE -> "";
            };
            assertThat(readme).as("README row for %s", exposed).contains("| `" + exposed + "` |");
        }
    }
}

package dev.jbound;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way through (README, Development): cli → profile (orchestrates a window) → record, target,
 * load → analyze → model. analyze is pure: it refers to model and the JDK only, never to a recorder,
 * a live JVM or a library, so that what it concludes depends on its input alone. load decodes JFR
 * and may classify stacks with analyze's rules (its timeline does, in the one classification of a
 * recording); it knows nothing of recorders or live JVMs. The commands reach analysis and decoding
 * only through profile; they still name a target and its recording settings themselves. The
 * renderers and the metric exporters (export) draw the model alone. Checked on the compiled
 * classes, where a fully qualified name or a nested class cannot slip past.
 */
class ArchitectureTest {

    /** What each package may refer to besides itself and the JDK. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", List.of()),
            Map.entry("analyze", List.of("model")),
            Map.entry("target", List.of("model")),
            Map.entry("record", List.of("model", "target")),
            Map.entry("load", List.of("model", "analyze")),
            Map.entry("profile", List.of("model", "analyze", "load", "record", "target")),
            Map.entry("render", List.of("model")),
            Map.entry("export", List.of("model")),
            Map.entry("shell", List.of("model", "render")),
            Map.entry("cli", List.of("model", "profile", "record", "target", "render", "export", "shell", "demo")),
            Map.entry("demo", List.of()));
    private static final Pattern REFERENCE = Pattern.compile("dev/jbound/([a-z]+)/");
    /** Libraries: none in analyze and model; the recorders and orchestration may load async-profiler. */
    private static final Pattern LIBRARY = Pattern.compile("L?(picocli|org/jline|tools/jackson|com/fasterxml|one/profiler|io/prometheus|io/opentelemetry)/");

    @Test
    void eachPackageRefersOnlyToThoseBelowItAndAnalysisToTheModelAndTheJdk() throws IOException {
        List<String> offending = new ArrayList<>();
        int classes = 0;
        for (var rule : ALLOWED.entrySet()) {
            Path dir = Path.of("target/classes/dev/jbound", rule.getKey());
            assertThat(dir).as("compiled package %s", rule.getKey()).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes++;
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    TreeSet<String> refers = new TreeSet<>();
                    Matcher m = REFERENCE.matcher(text);
                    while (m.find()) refers.add(m.group(1));
                    refers.remove(rule.getKey());
                    refers.removeAll(rule.getValue());
                    for (String r : refers) offending.add(rule.getKey() + "/" + dir.relativize(p) + " refers to " + r);
                    if (rule.getKey().equals("analyze") || rule.getKey().equals("model") || rule.getKey().equals("load")) {
                        Matcher lib = LIBRARY.matcher(text);
                        if (lib.find()) offending.add(rule.getKey() + "/" + dir.relativize(p) + " refers to the library " + lib.group(1));
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(100);
        assertThat(offending).isEmpty();
    }
}

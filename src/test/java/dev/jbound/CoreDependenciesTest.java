package dev.jbound;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampling core knows nothing of picocli, JLine, Jackson or the metric exporters (STYLE.md rule 1). Checked on the
 * compiled classes, so a fully qualified name or a reflective string cannot slip past an import check.
 */
class CoreDependenciesTest {
    private static final List<String> CORE = List.of("target", "record", "model", "analyze", "load", "profile");
    private static final List<String> FORBIDDEN = List.of("picocli/", "org/jline/", "tools/jackson/", "com/fasterxml/",
            "io/prometheus/", "io/opentelemetry/");

    @Test
    void coreClassesReferNoCliTerminalOrJsonLibrary() throws IOException {
        List<String> offending = new ArrayList<>();
        int classes = 0;
        for (String pkg : CORE) {
            Path dir = Path.of("target/classes/dev/jbound", pkg);
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes++;
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    for (String f : FORBIDDEN) {
                        if (text.contains(f)) offending.add(dir.relativize(p) + " refers to " + f);
                    }
                }
            }
        }
        assertThat(classes).isGreaterThan(20);
        assertThat(offending).isEmpty();
    }
}

package dev.jbound.analyze;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier is core: it must not reach for the CLI, terminal or JSON libraries (STYLE.md rule 1). */
class AnalyzeImportsTest {

    @Test
    void analyzeSourcesImportNoPicocliJlineOrJackson() throws IOException {
        Path dir = Path.of("src/main/java/dev/jbound/analyze");
        List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.matches("import\\s+(static\\s+)?(picocli|org\\.jline|tools\\.jackson|com\\.fasterxml)\\..*"))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(dir).isDirectory();
        assertThat(offending).isEmpty();
    }
}

package dev.jbound.load.jfr;

import dev.jbound.support.JfrFuzz;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parser that cannot be knocked over: seeded mutations of every kept recording (JfrFuzz), read
 * through `jbound report`'s path in a JVM with a 256 MB heap. Every input ends as a report or as
 * the one-line error `report` prints with exit code 4, within 10 s each. The count and seed can be
 * raised for a longer run: -Djbound.fuzz.count=20000 -Djbound.fuzz.seed=7.
 */
class JfrFuzzTest {

    @Test
    void everyMutatedRecordingEndsInAReportOrOneLineErrorWithinTheBound() throws Exception {
        String seed = System.getProperty("jbound.fuzz.seed", "20261206");
        String count = System.getProperty("jbound.fuzz.count", "3000");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), JfrFuzz.class.getName(),
                seed, count, "10000", "src/test/resources/recordings", "src/test/resources/recordings/jdk"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) lines.add(line);
        }
        assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
        String summary = lines.stream().filter(l -> l.startsWith("tried ")).findFirst().orElse("");
        System.out.println("jfr fuzz (seed " + seed + "): " + summary);
        lines.stream().filter(l -> l.startsWith("refused ")).forEach(System.out::println);
        assertThat(lines).as("bugs (inputs kept in target/fuzz-failures)").noneMatch(l -> l.startsWith("BUG "));
        String[] left = Path.of("target", "fuzz-work").toFile().list();
        assertThat(p.exitValue()).as("%s; left in target/fuzz-work: %s", lines, left == null ? "" : String.join(", ", left)).isZero();
        assertThat(summary).as("%s", lines).startsWith("tried " + count + " ");
    }
}

package dev.jbound.cli;

import dev.jbound.load.JfrLoader;
import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import dev.jbound.support.TempFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** --output and --jfr: the report goes to the file, stdout stays empty, the raw recording is kept. */
class AttachOutputTest {

    @Test
    void writesTheJsonReportAndKeepsTheRecording(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("verdict.json");
        Path jfr = dir.resolve("raw.jfr");
        Set<String> before = TempFiles.named("jbound-", ".jfr");
        long pid;
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            pid = target.pid();
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s",
                    "--format", "json", "--output", report.toString(), "--jfr", jfr.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("report written to " + report);
            JsonNode json = dev.jbound.support.JsonDocs.parse(report);
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(json.get("target").get("pid").asLong()).isEqualTo(target.pid());
            assertThat(json.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            for (String field : List.of("window", "sampling", "cores", "breakdown", "strategy", "topFrames", "locks",
                    "pools", "threads", "jvm", "io", "notes")) {
                assertThat(json.has(field)).as(field).isTrue();
            }
            var recording = JfrLoader.load(jfr);
            assertThat(recording.cpuSamples()).isNotEmpty();
            assertThat(recording.wallSamples()).isNotEmpty();
            assertThat(recording.threads().values()).anyMatch(t -> t.name().equals("spinner"));
        }
        // the scratch recording in /tmp is gone: only the kept copy remains
        assertThat(TempFiles.since(before, "jbound-" + pid + "-", ".jfr")).isEmpty();
    }
}

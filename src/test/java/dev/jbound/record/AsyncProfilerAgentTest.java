package dev.jbound.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent option jbound run gives every JVM, and how it finds the JVMs that took it. */
class AsyncProfilerAgentTest {

    @Test
    void theOptionCarriesAttachsSamplingSettingsAndATimeoutOneWindowLong(@TempDir Path dir) throws Exception {
        AsyncProfilerAgent agent = new AsyncProfilerAgent();
        String option = agent.javaToolOptions(dir, RecordingSettings.defaults(Duration.ofMillis(2500))).get(0);
        assertThat(option).startsWith("-agentpath:" + NativeProfiler.unpack().library() + "=start,event=cpu,")
                .contains(",interval=20000000,").contains(",wall=20000000,").contains(",lock=1000000,")
                .contains(",timeout=5,") // 2.5 s rounded up, plus the 2 s grace
                .contains(",jfr,").contains(",log=" + dir.resolve("agent.log") + ",").endsWith(",file=" + dir + "/%p.jfr");
    }

    @Test
    void aPathWithACommaCannotBePassedToTheAgent(@TempDir Path dir) throws Exception {
        Path comma = Files.createDirectory(dir.resolve("a,b"));
        assertThatThrownBy(() -> new AsyncProfilerAgent().javaToolOptions(comma, RecordingSettings.defaults(Duration.ofSeconds(1))))
                .isInstanceOf(RecordingException.class).hasMessageContaining("comma");
    }

    @Test
    void theJvmsAreThoseWhoseRecordingsBegan(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("123.jfr"));
        Files.createFile(dir.resolve("45.jfr"));
        Files.createFile(dir.resolve("agent.log"));
        Files.createFile(dir.resolve("x.jfr"));
        assertThat(new AsyncProfilerAgent().recordingJvms(dir)).containsExactly(45L, 123L);
    }
}

package dev.jbound.cli;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** jbound ps against real child JVMs: what it lists is checked against /proc and the JDK's own view. */
class PsCommandTest {

    /** Columns are separated by at least two spaces; the ATTACHABLE cell may hold single ones. */
    private static final String COLUMN_GAP = "\\s{2,}";

    @Test
    void listsAStartedJvmWithItsMainClassThreadsUptimeAndAttachable() throws Exception {
        try (ChildJvm child = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Thread.sleep(1200); // so its uptime is at least a second
            Jbound.Run run = Jbound.run("ps");
            int tasks = taskCount(child.pid());
            long expectedUptime = uptimeSeconds(child);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().findFirst().orElse("").strip().split(COLUMN_GAP))
                    .containsExactly("PID", "USER", "UPTIME", "THREADS", "CPU%", "JDK", "ATTACHABLE", "MAIN");
            String[] row = row(run.out(), child.pid()).orElseThrow(() -> new AssertionError("pid " + child.pid() + " not in:\n" + run.out()));
            assertThat(row).hasSize(8);
            assertThat(row[1]).isEqualTo(System.getProperty("user.name"));
            assertThat(row[2]).matches("\\d+s");
            assertThat(Long.parseLong(row[2].replace("s", ""))).isBetween(expectedUptime - 2, expectedUptime + 1);
            // main, spinner and the JVM's own threads; the JIT may start or end a compiler thread meanwhile
            assertThat(Integer.parseInt(row[3])).isGreaterThanOrEqualTo(5).isBetween(tasks - 4, tasks + 4);
            // the spinner burns a CPU, though on a shared machine it may get less than all of one
            assertThat(Integer.parseInt(row[4])).isBetween(20, 100 * Runtime.getRuntime().availableProcessors() + 10);
            assertThat(row[5]).isEqualTo(System.getProperty("java.version"));
            assertThat(row[6]).isEqualTo("yes");
            assertThat(row[7]).isEqualTo(TargetMain.class.getName());
            // the row lines up under the header
            int mainColumn = run.out().lines().findFirst().orElseThrow().indexOf("MAIN");
            String line = run.out().lines().filter(l -> l.strip().startsWith(child.pid() + " ")).findFirst().orElseThrow();
            assertThat(line.substring(mainColumn)).isEqualTo(TargetMain.class.getName());
        }
    }

    @Test
    void jsonDescribesTheJvmWithTheDocumentedFields() throws Exception {
        try (ChildJvm child = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Instant start = child.process().info().startInstant().orElseThrow();
            long uptimeBefore = Duration.between(start, Instant.now()).toMillis();
            Jbound.Run run = Jbound.run("ps", "--format", "json");
            long uptimeAfter = Duration.between(start, Instant.now()).toMillis();
            int tasks = taskCount(child.pid());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = run.json();
            assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(Instant.parse(json.get("takenAt").asString())).isBetween(Instant.now().minusSeconds(30), Instant.now());
            assertThat(json.get("cpuSampleMs").asLong()).isBetween(100L, 200L);
            JsonNode jvm = find(json, child.pid()).orElseThrow(() -> new AssertionError("pid " + child.pid() + " not in " + json));
            assertThat(jvm.get("mainClass").asString()).isEqualTo(TargetMain.class.getName());
            assertThat(jvm.get("simpleName").asString()).isEqualTo(TargetMain.class.getSimpleName());
            assertThat(jvm.get("jvmVersion").asString()).isEqualTo(System.getProperty("java.version"));
            assertThat(jvm.get("user").asString()).isEqualTo(System.getProperty("user.name"));
            assertThat(jvm.get("uid").asInt()).isEqualTo((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            // jbound counts from /proc/uptime in 10 ms ticks; Java dates the start from the boot time in
            // whole seconds, so its uptimes may be up to a second longer than the real one
            assertThat(jvm.get("uptimeMs").asLong()).isBetween(uptimeBefore - 1100, uptimeAfter + 100);
            assertThat(jvm.get("threads").asInt()).isBetween(tasks - 4, tasks + 4);
            assertThat(jvm.get("cpuPercent").asDouble()).isBetween(20.0, 100.0 * Runtime.getRuntime().availableProcessors() + 10);
            assertThat(jvm.get("attachable").asBoolean()).isTrue();
            assertThat(jvm.get("notAttachableReason").isNull()).isTrue();
            assertThat(jvm.get("jvmConfirmed").asBoolean()).isTrue();
        }
    }

    @Test
    void aJvmWithAttachDisabledIsListedAsNotAttachableWithoutBeingDisturbed() throws Exception {
        try (ChildJvm child = ChildJvm.start(TargetMain.class.getName(), List.of("-XX:+DisableAttachMechanism"))) {
            Jbound.Run run = Jbound.run("ps");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String[] row = row(run.out(), child.pid()).orElseThrow(() -> new AssertionError("pid " + child.pid() + " not in:\n" + run.out()));
            assertThat(row[6]).isEqualTo("no (attach disabled)");
            Jbound.Run json = Jbound.run("ps", "--format", "json");
            JsonNode jvm = find(json.json(), child.pid()).orElseThrow();
            assertThat(jvm.get("attachable").asBoolean()).isFalse();
            assertThat(jvm.get("notAttachableReason").asString()).isEqualTo("attach disabled");
            Thread.sleep(300);
            // listing must not try to attach: that sends SIGQUIT, which makes such a JVM print a thread dump
            assertThat(child.output()).doesNotContain("Full thread dump");
        }
    }

    @Test
    void jboundDoesNotListItself() {
        // the commands run inside this test JVM, so "itself" is this process
        long self = ProcessHandle.current().pid();
        Jbound.Run run = Jbound.run("ps");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(row(run.out(), self)).isEmpty();
        Jbound.Run json = Jbound.run("ps", "--format", "json");
        assertThat(find(json.json(), self)).isEmpty();
    }

    private static Optional<String[]> row(String table, long pid) {
        return table.lines().map(l -> l.strip().split(COLUMN_GAP)).filter(r -> r[0].equals(Long.toString(pid))).findFirst();
    }

    private static Optional<JsonNode> find(JsonNode json, long pid) {
        for (JsonNode j : json.get("jvms")) {
            if (j.get("pid").asLong() == pid) return Optional.of(j);
        }
        return Optional.empty();
    }

    private static int taskCount(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        }
    }

    private static long uptimeSeconds(ChildJvm child) {
        return Duration.between(child.process().info().startInstant().orElseThrow(), Instant.now()).toSeconds();
    }
}

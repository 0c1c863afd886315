package dev.jbound.e2e;

import dev.jbound.cli.ExitCodes;
import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that refuses agents (-XX:-EnableDynamicAgentLoading, as hardened deployments run them)
 * cannot load async-profiler's library, but still answers jcmd: jbound records it with the JDK
 * Flight Recorder instead and says so, or fails in one line when async-profiler was asked for.
 */
class RecorderFallbackTest {

    private static ChildJvm noAgents(String thread) throws Exception {
        return ChildJvm.start(TargetMain.class.getName(), List.of("-XX:-EnableDynamicAgentLoading"), thread);
    }

    @Test
    void autoFallsBackToTheJdkFlightRecorderAndSaysSo() throws Exception {
        try (ChildJvm target = noAgents("hasher")) {
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "2s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = run.json();
            assertThat(r.get("sampling").get("recorder").asString()).isEqualTo("JDK Flight Recorder");
            assertThat(r.get("notes").toString()).contains("async-profiler did not start", "Dynamic agent loading",
                    "recorded with the JDK Flight Recorder instead");
            assertThat(r.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            assertThat(r.get("threads").toString()).contains("hasher");
            assertThat(target.process().isAlive()).isTrue();
        }
    }

    @Test
    void askingForAsyncProfilerWhereItCannotLoadFailsInOneLine() throws Exception {
        try (ChildJvm target = noAgents("hasher")) {
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--recorder", "async");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.RECORDING);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().findFirst().orElse("")).startsWith("jbound: async-profiler did not start");
            assertThat(run.err()).doesNotContain("\tat ");
            assertThat(target.process().isAlive()).isTrue();
        }
    }

    @Test
    void theJdkFlightRecorderStopsInTheTargetAfterTheWindow() throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of(), "hasher")) {
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--recorder", "jfr");
            assertThat(run.exitCode()).as(run.err()).isZero();
            Process check = new ProcessBuilder(java("jcmd"), Long.toString(target.pid()), "JFR.check").redirectErrorStream(true).start();
            String out = new String(check.getInputStream().readAllBytes());
            check.waitFor();
            assertThat(out).contains("No available recordings").doesNotContain("jbound-");
        }
    }

    private static String java(String tool) {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }
}

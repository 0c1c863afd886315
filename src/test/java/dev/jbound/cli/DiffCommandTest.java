package dev.jbound.cli;

import dev.jbound.support.Jbound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** jbound diff on reports of the kept recordings: what changed, and the regression gate. */
class DiffCommandTest {

    @TempDir
    Path dir;
    Path mixed;
    Path lock;

    private Path report(String recording) throws Exception {
        Jbound.Run run = Jbound.run("report", "src/test/resources/recordings/" + recording + ".jfr", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.writeString(dir.resolve(recording + ".json"), run.out());
    }

    @BeforeEach
    void reports() throws Exception {
        mixed = report("mixed");
        lock = report("lock");
    }

    private static void assertUsageError(Jbound.Run run, String text) {
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("jbound: ").contains(text);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aReportAgainstItselfHasNothingToSay() {
        Jbound.Run run = Jbound.run("diff", lock.toString(), lock.toString(), "--fail-on-regression", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("CLASS lock-bound (unchanged)", "lock         74.5%    74.5%     +0.0",
                "REGRESSION none").doesNotContain("FRAMES THAT MOVED");
        assertThat(run.out().lines()).as("no trailing blanks").noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void aChangeThatRoundsToNothingIsPlusZeroNotMinusZero() throws Exception {
        // runqueue 0.81% → 0.77%: 0.04 points down, which one decimal shows as +0.0
        Path after = Files.writeString(dir.resolve("after.json"), Files.readString(lock).replaceFirst(
                "\"shareOfActive\" : 0\\.0081", "\"shareOfActive\" : 0.0077"));
        assertThat(Files.readString(after)).isNotEqualTo(Files.readString(lock));
        Jbound.Run run = Jbound.run("diff", lock.toString(), after.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("-0.0").containsPattern("runqueue +0\\.8% +0\\.8% +\\+0\\.0");
    }

    @Test
    void aNewLockIsARegressionWithItsFrameNamed() {
        Jbound.Run run = Jbound.run("diff", mixed.toString(), lock.toString(), "--fail-on-regression", "5%");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).contains("CLASS mixed → lock-bound", "FRAMES THAT MOVED",
                "dev.jbound.demo.LockWorkload.work (new)", "dev.jbound.demo.SlowServer.roundTrip (gone)");
        assertThat(run.err().lines().toList()).containsExactly(
                "jbound: regression: lock rose 74.5 points (0.0% → 74.5% of active time), more than 5.0");
    }

    @Test
    void theThresholdDecides() {
        // lock → mixed: io rises 46.7 points
        assertThat(Jbound.run("diff", lock.toString(), mixed.toString(), "--fail-on-regression", "40").exitCode())
                .isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(Jbound.run("diff", lock.toString(), mixed.toString(), "--fail-on-regression", "50").exitCode()).isZero();
        // without a threshold diff only reports
        assertThat(Jbound.run("diff", mixed.toString(), lock.toString()).exitCode()).isZero();
    }

    @Test
    void jsonCarriesTheChanges() {
        Jbound.Run run = Jbound.run("diff", mixed.toString(), lock.toString(), "--fail-on-regression", "5", "--format", "json");
        JsonNode d = run.json();
        assertThat(d.get("class").get("changed").asBoolean()).isTrue();
        assertThat(d.get("states").get("lock").get("changePoints").asDouble()).isEqualTo(74.5);
        assertThat(d.get("regressions").toString()).isEqualTo("[\"lock\"]");
        assertThat(d.get("passed").asBoolean()).isFalse();
        assertThat(d.get("frames").get(0).get("frame").asString()).isEqualTo("dev.jbound.demo.LockWorkload.work");
    }

    @Test
    void filesThatAreNotReportsOfThisVersionAreUsageErrors() throws Exception {
        Path ps = Files.writeString(dir.resolve("ps.json"), "{\"schemaVersion\": 1, \"takenAt\": \"x\", \"cpuSampleMs\": 200, \"jvms\": []}");
        assertUsageError(Jbound.run("diff", ps.toString(), lock.toString()), "not a report");
        Path v2 = Files.writeString(dir.resolve("v2.json"), Files.readString(lock).replaceFirst("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
        assertUsageError(Jbound.run("diff", lock.toString(), v2.toString()), "has schemaVersion 2; this jbound reads version 1");
        Path text = Files.writeString(dir.resolve("text.json"), "VERDICT lock-bound");
        assertUsageError(Jbound.run("diff", text.toString(), lock.toString()), "is not JSON");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"not jbound\"}");
        assertUsageError(Jbound.run("diff", other.toString(), lock.toString()), "not a jbound report");
        assertUsageError(Jbound.run("diff", dir.resolve("none.json").toString(), lock.toString()), "no such file");
        // a recording where its report was meant, which read as 'cannot read lock.jfr'
        String jfr = Path.of("src/test/resources/recordings/lock.jfr").toString();
        assertUsageError(Jbound.run("diff", jfr, lock.toString()), jfr + " is a JFR recording, not a report; make one with: jbound report "
                + jfr + " --format json");
        Path binary = Files.write(dir.resolve("core.bin"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});
        assertUsageError(Jbound.run("diff", lock.toString(), binary.toString()), "core.bin is not a report: diff compares two JSON reports");
        assertUsageError(Jbound.run("diff", lock.toString(), lock.toString(), "--fail-on-regression", "ten"), "is not a percentage");
        assertUsageError(Jbound.run("diff", lock.toString(), lock.toString(), "--fail-on-regression", "150%"), "is not a percentage");
    }
}

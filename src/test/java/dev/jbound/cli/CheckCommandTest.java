package dev.jbound.cli;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** jbound check: assertions over a report, exit 0 or 1, and the formats CI servers read. */
class CheckCommandTest {

    /** A lock-bound recording: lock 74.5%, cpu 24.7%, io 0% of active time. */
    private static final String LOCK = Path.of("src/test/resources/recordings/lock.jfr").toString();

    @TempDir
    Path dir;

    private static void assertUsageError(Jbound.Run run, String text) {
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("jbound: ").contains(text);
        assertThat(run.err().lines().count()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void assertionsThatHoldExitZero() {
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--expect", "lock-bound,mixed", "--max", "io=5%", "--min", "lock=40");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("VERDICT lock-bound", "CHECKS passed", "pass  verdict is lock-bound or mixed",
                "pass  io ≤ 5%", "pass  lock ≥ 40%");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\u001b[");
    }

    @Test
    void eachFailedAssertionIsOneLineWithTheMeasuredValueAndTheBound() {
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--expect", "io-bound", "--max", "lock=10%", "--min", "cpu=50%",
                "--max", "gc=5%");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.err().lines().toList()).containsExactly(
                "jbound: check failed: verdict is lock-bound, expected io-bound (75% of active time is lock, leaving out the 1% queued behind other processes)",
                "jbound: check failed: lock is 74.5% of active time, above the maximum 10%",
                "jbound: check failed: cpu is 24.7% of active time, below the minimum 50%");
        assertThat(run.out()).contains("CHECKS 3 of 4 failed", "pass  gc ≤ 5%");
    }

    @Test
    void junitXmlHasOneTestCasePerAssertionAndTheVerdictInSystemOut() throws Exception {
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--expect", "lock-bound", "--max", "lock=10%", "--format", "junit");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("verdict is lock-bound");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("lock is 74.5% of active time, above the maximum 10%");
        assertThat(suite.getElementsByTagName("system-out").item(0).getTextContent()).contains("VERDICT lock-bound", "lock ");
    }

    @Test
    void markdownIsAJobSummaryWithTheAssertionsAsATable() {
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--max", "lock=10%", "--format", "markdown");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(run.out()).startsWith("## jbound check: 1 of 1 failed")
                .contains("| assertion | measured | result |", "| lock ≤ 10% | 74.5% | **FAIL**: lock is 74.5% of active time",
                        "| lock | 74.5% |");
    }

    @Test
    void jsonAddsTheAssertionsToTheReport() {
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--min", "cpu=50%", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("lock-bound");
        JsonNode a = r.get("check").get("assertions").get(0);
        assertThat(r.get("check").get("passed").asBoolean()).isFalse();
        assertThat(a.get("kind").asString()).isEqualTo("min");
        assertThat(a.get("state").asString()).isEqualTo("cpu");
        assertThat(a.get("bound").asDouble()).isEqualTo(0.5);
        assertThat(a.get("measured").asString()).isEqualTo("24.7%");
        assertThat(a.get("passed").asBoolean()).isFalse();
    }

    @Test
    void outputGoesToTheFileAndStdoutStaysEmpty() throws Exception {
        Path xml = dir.resolve("jbound.xml");
        Jbound.Run run = Jbound.run("check", "--report", LOCK, "--expect", "lock-bound", "--format", "junit", "--output", xml.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(xml)).startsWith("<?xml").contains("tests=\"1\" failures=\"0\"");
    }

    @Test
    void aLiveJvmIsCheckedByPid() throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of(), "hasher")) {
            Jbound.Run run = Jbound.run("check", "--pid", Long.toString(target.pid()), "--duration", "1s",
                    "--expect", "cpu-bound", "--max", "lock=5%");
            assertThat(run.exitCode()).as("%s%s", run.out(), run.err()).isZero();
            Jbound.Run wrong = Jbound.run("check", "--pid", Long.toString(target.pid()), "--duration", "1s", "--expect", "io-bound");
            assertThat(wrong.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
            assertThat(wrong.err()).startsWith("jbound: check failed: verdict is cpu-bound, expected io-bound");
        }
    }

    @Test
    void badAssertionsAreUsageErrors() {
        assertUsageError(Jbound.run("check", "--report", LOCK, "--max", "lock=ten"), "'ten' is not a number");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--max", "latency=5%"), "unknown state 'latency'");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--max", "lock=150%"), "outside 0–100%");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--min", "cpu=-1%"), "outside 0–100%");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--max", "lock"), "is not STATE=PERCENT");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--expect", "fast"), "unknown class 'fast'");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--max", "wait=5%"), "wait is idle capacity");
    }

    @Test
    void whatToCheckMustBeNamedOnceAndSomethingAsserted() {
        assertUsageError(Jbound.run("check", "--report", LOCK), "nothing to check");
        assertUsageError(Jbound.run("check", "--expect", "idle"), "name what to check");
        assertUsageError(Jbound.run("check", "--report", LOCK, "--pid", "1", "--expect", "idle"), "one thing at a time");
        assertUsageError(Jbound.run("check", "--report", dir.resolve("none.jfr").toString(), "--expect", "idle"), "no such file");
    }
}

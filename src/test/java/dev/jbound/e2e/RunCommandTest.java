package dev.jbound.e2e;

import dev.jbound.support.Jbound;
import dev.jbound.support.JboundProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jbound run} with real commands: demo workload JVMs started directly and through
 * {@code /bin/sh} scripts, with jbound as a real process so that the command writes to jbound's
 * own stdout and stderr, and Ctrl-C is a real SIGINT.
 */
class RunCommandTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSPATH = System.getProperty("java.class.path");
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile("ready (\\S+) (\\d+)");
    private static final Pattern SCRATCH = Pattern.compile("file=(\\S+)/%p\\.jfr");

    /** {@code java -cp <classpath> WorkloadMain <name> [--seconds N]}; {@code seconds} 0 runs until killed. */
    private static List<String> workload(String name, int seconds) {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", CLASSPATH, "dev.jbound.demo.WorkloadMain", name));
        if (seconds > 0) cmd.addAll(List.of("--seconds", Integer.toString(seconds)));
        return cmd;
    }

    /** The same, as one line of a shell script. */
    private static String shell(String name, int seconds) {
        return String.join(" ", workload(name, seconds).stream().map(a -> "'" + a + "'").toList());
    }

    private static List<String> run(List<String> options, List<String> command) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(options);
        args.add("--");
        args.addAll(command);
        return args;
    }

    /** The pid each workload printed in its "ready NAME PID" line on stdout. */
    private static long readyPid(String stdout, String name) {
        Matcher m = READY.matcher(stdout);
        while (m.find()) {
            if (m.group(1).equals(name)) return Long.parseLong(m.group(2));
        }
        throw new AssertionError("no 'ready " + name + "' line in stdout:\n" + stdout);
    }

    /** The JVMs print the JAVA_TOOL_OPTIONS they picked up on stderr; the recordings' directory is in it. */
    private static Path scratchDirectory(String stderr) {
        Matcher m = SCRATCH.matcher(stderr);
        assertThat(m.find()).as("the agent option in stderr:\n%s", stderr).isTrue();
        return Path.of(m.group(1));
    }

    @Test
    void checkRunsACommandLikeRunAndExitsByTheAssertions() throws Exception {
        List<String> pass = new ArrayList<>(List.of("check", "--expect", "cpu-bound", "--min", "cpu=40%", "--"));
        pass.addAll(workload("cpu", 2));
        try (JboundProcess jbound = JboundProcess.start(pass)) {
            assertThat(jbound.awaitExit(GENEROUS)).as(jbound.err()).isZero();
            assertThat(jbound.out()).matches("ready cpu \\d+\n"); // the command's stdout, untouched
            assertThat(jbound.err()).contains("CHECKS passed");
        }
        List<String> fail = new ArrayList<>(List.of("check", "--expect", "io-bound", "--format", "junit", "--"));
        fail.addAll(workload("cpu", 2));
        try (JboundProcess jbound = JboundProcess.start(fail)) {
            assertThat(jbound.awaitExit(GENEROUS)).isEqualTo(1);
            assertThat(jbound.err()).contains("<testsuite", "failures=\"1\"");
            assertThat(jbound.err()).contains("jbound: check failed: verdict is cpu-bound, expected io-bound");
        }
    }

    @Test
    void theJdkFlightRecorderStartedWithTheJvmGivesTheSameVerdictAndKeepsStdoutClean() throws Exception {
        List<String> script = List.of("/bin/sh", "-c", shell("lock", 3));
        try (JboundProcess jbound = JboundProcess.start(run(List.of("--recorder", "jfr", "--format", "json"), script))) {
            int exit = jbound.awaitExit(GENEROUS);
            assertThat(exit).as(jbound.err()).isZero();
            // the recorder's start-up message would go to the command's stdout: it is silenced
            assertThat(jbound.out()).matches("ready lock \\d+\n");
            String err = jbound.err();
            JsonNode r = dev.jbound.support.JsonDocs.parse(err.substring(err.indexOf('{')));
            assertThat(r.get("sampling").get("recorder").asString()).isEqualTo("JDK Flight Recorder");
            assertThat(r.get("verdict").get("class").asString()).as("%s", r.get("breakdown")).isEqualTo("lock-bound");
            assertThat(r.get("target").get("pid").asLong()).isEqualTo(readyPid(jbound.out(), "lock"));
        }
    }

    @Test
    void flameGraphsOfTheFirstJvmAndNoScratchRecordingLeftBehind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path flame = dir.resolve("flame.html");
        var before = dev.jbound.support.TempFiles.named("jbound-", ".jfr");
        try (JboundProcess jbound = JboundProcess.start(run(List.of("--flame", flame.toString()), workload("cpu", 3)))) {
            assertThat(jbound.awaitExit(GENEROUS)).as(jbound.err()).isZero();
            assertThat(jbound.out()).matches("ready cpu \\d+\n");
            assertThat(jbound.err()).contains("jbound: wrote " + flame);
        }
        String page = java.nio.file.Files.readString(flame);
        assertThat(page).contains("id=\"verdict\">cpu-bound<", "Where the CPU time goes", "CPU flame graph", "srcdoc=");
        assertThat(dev.jbound.support.TempFiles.since(before, "jbound-pages-", ".jfr")).isEmpty();
    }

    @Test
    void aJavaCommandGetsItsVerdictOnStderrWhileStdoutStaysTheCommands() throws Exception {
        try (JboundProcess jbound = JboundProcess.start(run(List.of(), workload("cpu", 3)))) {
            int exit = jbound.awaitExit(GENEROUS);
            assertThat(exit).as(jbound.err()).isZero();
            // stdout is exactly what the workload printed: no report, no agent chatter ("Profiling started")
            assertThat(jbound.out()).matches("ready cpu \\d+\n");
            long pid = readyPid(jbound.out(), "cpu");
            assertThat(jbound.err()).contains("jbound · pid " + pid + " · dev.jbound.demo.WorkloadMain")
                    .contains("VERDICT cpu-bound").contains("OS sensor");
            assertThat(scratchDirectory(jbound.err())).doesNotExist();
        }
    }

    @Test
    void aJvmBehindAShellScriptIsProfiledAndTheScriptsExitCodeIsJbounds() throws Exception {
        // two commands, so sh stays and the JVM is its child, not jbound's; the user's own
        // JAVA_TOOL_OPTIONS must reach the JVM too
        String script = shell("cpu-single", 2) + "; exit 7";
        try (JboundProcess jbound = JboundProcess.start(Map.of("JAVA_TOOL_OPTIONS", "-Djbound.test=kept"),
                run(List.of(), List.of("/bin/sh", "-c", script)))) {
            int exit = jbound.awaitExit(GENEROUS);
            assertThat(exit).as(jbound.err()).isEqualTo(7);
            long pid = readyPid(jbound.out(), "cpu-single");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the workload ended").isFalse();
            assertThat(jbound.err()).contains("Picked up JAVA_TOOL_OPTIONS: -Djbound.test=kept -agentpath:")
                    .contains("jbound · pid " + pid + " ").contains("VERDICT cpu-bound");
        }
    }

    @Test
    void outputTakesTheReportAndStderrOnlySaysWhere(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("verdict.json");
        Path jfr = dir.resolve("raw.jfr");
        try (JboundProcess jbound = JboundProcess.start(run(List.of("--format", "json", "--output", report.toString(),
                "--jfr", jfr.toString()), workload("cpu", 2)))) {
            assertThat(jbound.awaitExit(GENEROUS)).as(jbound.err()).isZero();
            assertThat(jbound.out()).matches("ready cpu \\d+\n");
            assertThat(jbound.err()).contains("jbound: report written to " + report).doesNotContain("VERDICT").doesNotContain("{");
            JsonNode json = dev.jbound.support.JsonDocs.parse(report);
            assertThat(json.get("target").get("pid").asLong()).isEqualTo(readyPid(jbound.out(), "cpu"));
            assertThat(json.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            assertThat(json.get("sampling").get("osSensor").asBoolean()).isTrue();
            assertThat(dev.jbound.load.JfrLoader.load(jfr).cpuSamples()).isNotEmpty();
        }
    }

    @Test
    void durationGivesTheVerdictAfterTheWindowWhileTheCommandGoesOn() throws Exception {
        try (JboundProcess jbound = JboundProcess.start(run(List.of("--duration", "2s"), workload("cpu", 6)))) {
            JboundProcess.Line ready = jbound.awaitOut("ready cpu", GENEROUS);
            assertThat(ready).as(jbound.err()).isNotNull();
            JboundProcess.Line verdict = jbound.awaitErr("VERDICT", GENEROUS);
            assertThat(verdict).as(jbound.err()).isNotNull();
            assertThat(jbound.isAlive()).as("the command goes on after the verdict").isTrue();
            int exit = jbound.awaitExit(GENEROUS);
            long exited = System.nanoTime();
            assertThat(exit).as(jbound.err()).isZero();
            assertThat(verdict.text()).contains("cpu-bound");
            // the window is 2 s from the launch; the JVM was ready a little after it
            assertThat(Duration.ofNanos(verdict.nanos() - ready.nanos())).isLessThan(Duration.ofMillis(3500));
            // the workload ran its 6 s: jbound waited for it after the verdict
            assertThat(Duration.ofNanos(exited - verdict.nanos())).isGreaterThan(Duration.ofMillis(2500));
            assertThat(jbound.err()).contains("note: recording stopped at the end of the 2.0 s window (--duration); the command goes on");
        }
    }

    @Test
    void ctrlCIsPassedOnToTheCommandAndTheVerdictCoversWhatWasRecorded() throws Exception {
        try (JboundProcess jbound = JboundProcess.start(run(List.of(), workload("cpu", 0)))) {
            assertThat(jbound.awaitOut("ready cpu", GENEROUS)).as(jbound.err()).isNotNull();
            long pid = readyPid(jbound.out(), "cpu");
            Thread.sleep(1500);
            // to jbound alone, as `kill -INT`: only jbound passing it on ends the workload
            new ProcessBuilder("kill", "-INT", Long.toString(jbound.pid())).start().waitFor();
            int exit = jbound.awaitExit(Duration.ofSeconds(20));
            assertThat(exit).as("a JVM ended by SIGINT exits 130: " + jbound.err()).isEqualTo(130);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the workload ended").isFalse();
            assertThat(jbound.err()).contains("VERDICT cpu-bound").contains("note: interrupted (Ctrl-C)");
        }
    }

    @Test
    void withSubprocessesEveryJvmTheScriptStartsGetsItsOwnVerdict(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("verdicts.json");
        Path jfr = dir.resolve("raw.jfr");
        String script = shell("cpu", 3) + " & " + shell("io", 3) + "; wait";
        try (JboundProcess jbound = JboundProcess.start(run(List.of("--subprocesses", "--format", "json",
                "--output", report.toString(), "--jfr", jfr.toString()), List.of("/bin/sh", "-c", script)))) {
            assertThat(jbound.awaitExit(GENEROUS)).as(jbound.err()).isZero();
            long cpu = readyPid(jbound.out(), "cpu");
            long io = readyPid(jbound.out(), "io");
            JsonNode json = dev.jbound.support.JsonDocs.parse(report);
            List<JsonNode> jvms = StreamSupport.stream(json.get("jvms").spliterator(), false).toList();
            assertThat(verdictOf(jvms, cpu)).isEqualTo("cpu-bound");
            assertThat(verdictOf(jvms, io)).isEqualTo("io-bound");
            // The io workload starts its slow server as a third JVM and, exiting, kills it with
            // SIGKILL: that JVM never completes its recording, and says so instead of failing the run.
            JsonNode unrecorded = json.get("unrecorded");
            assertThat(jvms).hasSize(2);
            assertThat(unrecorded).hasSize(1);
            assertThat(unrecorded.get(0).get("mainClass").asString()).isEqualTo("dev.jbound.demo.SlowServer");
            assertThat(unrecorded.get(0).get("reason").asString()).contains("without completing its recording");
            // --jfr: the first JVM's recording under the name given, the other's beside it with its pid
            long first = jvms.get(0).get("target").get("pid").asLong();
            long second = jvms.get(1).get("target").get("pid").asLong();
            assertThat(dev.jbound.load.JfrLoader.load(jfr).threads().values()).anyMatch(t -> t.name().startsWith(
                    first == cpu ? "hash-worker-" : "io-client-"));
            assertThat(dev.jbound.load.JfrLoader.load(dir.resolve("raw-" + second + ".jfr")).cpuSamples()).isNotEmpty();
        }
    }

    private static String verdictOf(List<JsonNode> jvms, long pid) {
        return jvms.stream().filter(j -> j.get("target").get("pid").asLong() == pid).findFirst()
                .map(j -> j.get("verdict").get("class").asString())
                .orElseThrow(() -> new AssertionError("no report for pid " + pid + " in " + jvms));
    }

    @Test
    void withoutSubprocessesTheFirstJvmIsReportedAndTheOthersNamed() throws Exception {
        String script = shell("cpu-single", 2) + "; " + shell("idle", 1);
        try (JboundProcess jbound = JboundProcess.start(run(List.of(), List.of("/bin/sh", "-c", script)))) {
            assertThat(jbound.awaitExit(GENEROUS)).as(jbound.err()).isZero();
            long first = readyPid(jbound.out(), "cpu-single");
            long second = readyPid(jbound.out(), "idle");
            assertThat(jbound.err()).contains("jbound · pid " + first + " ").doesNotContain("jbound · pid " + second + " ")
                    .contains("note: 1 more JVM ran (pid " + second + " dev.jbound.demo.WorkloadMain); use --subprocesses");
        }
    }

    @Test
    void aJvmKilledWithSigkillIsOneLineNotAStackTrace() throws Exception {
        // killed once it is ready (a loaded machine may take seconds to start it), then its output is passed on
        String script = "f=$(mktemp); " + shell("cpu", 0) + " > \"$f\" & p=$!; until grep -q ready \"$f\"; do sleep 0.1; done; "
                + "sleep 1; kill -9 $p; wait $p; cat \"$f\"; rm -f \"$f\"; exit 0";
        try (JboundProcess jbound = JboundProcess.start(run(List.of(), List.of("/bin/sh", "-c", script)))) {
            int exit = jbound.awaitExit(GENEROUS);
            long pid = readyPid(jbound.out(), "cpu");
            assertThat(exit).as(jbound.err()).isEqualTo(4);
            List<String> ours = jbound.err().lines().filter(l -> l.startsWith("jbound")).toList();
            assertThat(ours).containsExactly("jbound: pid " + pid + " (dev.jbound.demo.WorkloadMain) ended without completing"
                    + " its recording (killed, e.g. with SIGKILL, or crashed): no verdict");
            assertThat(jbound.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aCommandThatCannotRunIsOneLineAndExit3() {
        Jbound.Run run = Jbound.run("run", "--", "no-such-command-for-jbound");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("jbound: cannot run 'no-such-command-for-jbound': no such command (not found on PATH,"
                + " or no such file)" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aCommandThatStartsNoJvmIsExit3AndNoCommandIsAUsageError() {
        Jbound.Run none = Jbound.run("run", "--", "/bin/true");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).startsWith("jbound: the command started no JVM (it exited with code 0)");
        Jbound.Run missing = Jbound.run("run");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing required parameter: 'COMMAND'");
    }
}

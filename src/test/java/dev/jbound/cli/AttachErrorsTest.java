package dev.jbound.cli;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: one clear line, the documented exit code, no stack trace unless --verbose. */
class AttachErrorsTest {

    private static void assertOneLineError(Jbound.Run run, int code, String text) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(code);
        assertThat(run.out()).isEmpty();
        String firstLine = run.err().lines().findFirst().orElse("");
        assertThat(firstLine).startsWith("jbound: ").contains(text);
        assertThat(run.err().lines().count()).as("stderr: %s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBlankTargetIsAUsageError() {
        assertOneLineError(Jbound.run("attach", " "), ExitCodes.USAGE, "name the JVM to profile by pid or main class");
    }

    @Test
    void aMissingPidIsAUsageError() {
        assertOneLineError(Jbound.run("attach"), ExitCodes.USAGE, "PID");
    }

    @Test
    void aPidWithNoProcessIsTargetNotFound() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        assertOneLineError(Jbound.run("attach", Long.toString(gone.pid())), ExitCodes.TARGET, "no process with pid");
    }

    @Test
    void aProcessThatIsNotAJvmIsNotAttachable() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertOneLineError(Jbound.run("attach", Long.toString(sleep.pid())), ExitCodes.TARGET, "is not a Java process");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aJvmWithAttachDisabledIsRefusedWithoutDisturbingIt() throws Exception {
        try (ChildJvm jvm = ChildJvm.start(TargetMain.class.getName(), List.of("-XX:+DisableAttachMechanism"))) {
            assertOneLineError(Jbound.run("attach", Long.toString(jvm.pid()), "--duration", "1s"),
                    ExitCodes.TARGET, "DisableAttachMechanism");
            Thread.sleep(300);
            // an attach attempt sends SIGQUIT, which makes such a JVM print a thread dump: none may appear
            assertThat(jvm.output()).doesNotContain("Full thread dump");
            assertThat(jvm.process().isAlive()).isTrue();
        }
    }

    @Test
    void aBadDurationIsAUsageError() {
        assertOneLineError(Jbound.run("attach", "1", "--duration", "ten"), ExitCodes.USAGE, "'ten' is not a duration");
        assertOneLineError(Jbound.run("attach", "1", "--duration", "0s"), ExitCodes.USAGE, "--duration must be between");
        assertOneLineError(Jbound.run("attach", "1", "--interval", "5s"), ExitCodes.USAGE, "--interval must be between");
    }

    @Test
    void anUnwritableOutputPathIsAUsageErrorBeforeRecording(@TempDir Path dir) {
        assertOneLineError(Jbound.run("attach", "1", "--output", dir.resolve("no/such/dir/report.json").toString()),
                ExitCodes.USAGE, "does not exist");
        assertOneLineError(Jbound.run("attach", "1", "--jfr", dir.toString()), ExitCodes.USAGE, "is a directory");
    }

    @Test
    void anOutputThePermissionsAllowButTheFileSystemRefusesIsAUsageErrorBeforeRecording(@TempDir Path dir) throws Exception {
        // root's permission bits say yes to /proc; the write says no, and said it after the window
        assertOneLineError(Jbound.run("attach", "1", "--output", "/proc/jbound-report.txt"), ExitCodes.USAGE,
                "--output /proc/jbound-report.txt cannot be written: no such file or directory");
        assertOneLineError(Jbound.run("attach", "1", "--jfr", "/proc/jbound.jfr"), ExitCodes.USAGE, "--jfr /proc/jbound.jfr cannot be written");
        // the probe leaves nothing behind where it could write
        assertOneLineError(Jbound.run("attach", "1", "--output", dir.resolve("r.txt").toString(), "--duration", "ten"),
                ExitCodes.USAGE, "'ten' is not a duration");
        Jbound.run("report", "src/test/resources/recordings/lock.jfr", "--output", dir.resolve("r.txt").toString(), "--html", dir.resolve("r.html").toString());
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("r.txt", "r.html");
        }
    }

    @Test
    void oneFileNamedTwiceIsAUsageErrorBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        String x = dir.resolve("x.jfr").toString();
        assertOneLineError(Jbound.run("attach", "1", "--output", x, "--jfr", x), ExitCodes.USAGE,
                "--output and --jfr name the same file, " + x + "; give each its own");
        assertOneLineError(Jbound.run("demo", "--html", x, "--flame", dir.resolve(".").resolve("x.jfr").toString()), ExitCodes.USAGE,
                "--html and --flame name the same file");
        Path recording = dir.resolve("app.jfr");
        Files.copy(Path.of("src/test/resources/recordings/lock.jfr"), recording);
        byte[] before = Files.readAllBytes(recording);
        assertOneLineError(Jbound.run("report", recording.toString(), "--output", recording.toString()), ExitCodes.USAGE,
                "FILE and --output name the same file");
        assertThat(Files.readAllBytes(recording)).as("the recording read").isEqualTo(before);
        Path link = Files.createSymbolicLink(dir.resolve("link.jfr"), recording);
        assertOneLineError(Jbound.run("report", recording.toString(), "--html", link.toString()), ExitCodes.USAGE,
                "FILE and --html name the same file");
        // a device is not a file to lose: twice /dev/null is two discards
        assertThat(Jbound.run("report", recording.toString(), "--output", "/dev/null", "--html", "/dev/null").exitCode()).isZero();
    }

    @Test
    void picocliParseErrorsAreSaidInJboundsWords() {
        assertOneLineError(Jbound.run("foo"), ExitCodes.USAGE, "unknown command 'foo'; the commands: ps, attach, run, report");
        assertOneLineError(Jbound.run("atach", "1"), ExitCodes.USAGE, "unknown command 'atach'; did you mean attach?");
        assertOneLineError(Jbound.run("report", "a.jfr", "b.jfr"), ExitCodes.USAGE, "unexpected argument 'b.jfr'");
        assertOneLineError(Jbound.run("attach", "1", "--formt", "json"), ExitCodes.USAGE, "unknown option '--formt'; did you mean --format?");
        assertOneLineError(Jbound.run("attach"), ExitCodes.USAGE, "missing required parameter: 'PID|NAME'");
        assertOneLineError(Jbound.run("attach", "1", "--duration", "25h"), ExitCodes.USAGE, "--duration must be between 1ms and 24h, not 25h");
        assertOneLineError(Jbound.run("attach", "1", "--duration", "1500ms", "--interval", "2s"), ExitCodes.USAGE, "--interval must be between 1ms and 1s, not 2s");
    }

    @Test
    void anUnknownFormatOrWorkloadIsAUsageError() {
        assertOneLineError(Jbound.run("attach", "1", "--format", "yaml"), ExitCodes.USAGE, "yaml");
        assertOneLineError(Jbound.run("demo", "sleepy"), ExitCodes.USAGE, "unknown workload 'sleepy'");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Jbound.Run run = Jbound.run("attach", Long.toString(gone.pid()), "--verbose");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.TARGET);
        assertThat(run.err()).contains("no process with pid").contains("\tat dev.jbound.");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Jbound.Run run = Jbound.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("attach", "demo", "Exit codes");
    }
}

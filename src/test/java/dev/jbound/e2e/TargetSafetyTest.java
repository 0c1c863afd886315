package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.ProfilerStatus;
import dev.jbound.support.TargetMain;
import dev.jbound.support.TempFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A target must never be harmed: the profiler stops in it even when jbound is killed. */
class TargetSafetyTest {

    private static String status(long pid) throws IOException, InterruptedException {
        return ProfilerStatus.of(pid);
    }

    /** Waits until async-profiler runs in the target (jbound started it). */
    private static void awaitProfiling(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!status(pid).contains("running") && System.nanoTime() < deadline) Thread.sleep(100);
    }

    private static Process jboundProcess(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.jbound.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void killingJboundMidWindowLeavesTheTargetRunningAndUnprofiledAndASecondAttachWorks() throws Exception {
        var before = TempFiles.named("jbound-", ".jfr");
        long targetPid;
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            targetPid = target.pid();
            String pid = Long.toString(target.pid());
            Process jbound = jboundProcess("attach", pid, "--duration", "3s");
            awaitProfiling(target.pid());
            assertThat(status(target.pid())).contains("running");
            jbound.destroyForcibly(); // SIGKILL: no shutdown hook runs
            jbound.waitFor(10, TimeUnit.SECONDS);

            // Right after: the orphaned session is recognised as ours and replaced.
            Jbound.Run second = Jbound.run("attach", pid, "--duration", "1s", "--format", "json");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.json().get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            assertThat(status(target.pid())).contains("not active");
            assertThat(target.process().isAlive()).isTrue();
        }
        assertThat(TempFiles.since(before, "jbound-" + targetPid + "-", ".jfr")).as("the orphan's recording and the second's").isEmpty();
    }

    @Test
    void aKilledJboundsProfilerStopsByItselfAtTheEndOfTheWindowAndTheNextJboundDeletesItsRecording() throws Exception {
        var before = TempFiles.named("jbound-", ".jfr");
        long targetPid;
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            targetPid = target.pid();
            Process jbound = jboundProcess("attach", Long.toString(target.pid()), "--duration", "1s");
            awaitProfiling(target.pid());
            jbound.destroyForcibly();
            // the window (1 s) plus the self-stop grace (2 s), with room for a slow machine
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            String s = status(target.pid());
            while (!s.contains("not active") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                s = status(target.pid());
            }
            assertThat(s).contains("not active");
            assertThat(target.process().isAlive()).isTrue();
            // the profiler wrote its recording when it stopped; nobody was left to delete it
            assertThat(TempFiles.since(before, "jbound-" + target.pid() + "-", ".jfr")).hasSize(1);
            Thread.sleep(dev.jbound.record.ScratchFiles.WRITE_GRACE.toMillis());

            Jbound.Run next = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(next.exitCode()).as(next.err()).isZero();
        }
        assertThat(TempFiles.since(before, "jbound-" + targetPid + "-", ".jfr")).isEmpty();
    }

    @Test
    void ctrlCStopsEarlyPrintsTheVerdictSoFarAndExits130() throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Process jbound = jboundProcess("attach", Long.toString(target.pid()), "--duration", "20s");
            awaitProfiling(target.pid());
            Thread.sleep(1000);
            new ProcessBuilder("kill", "-INT", Long.toString(jbound.pid())).start().waitFor();
            String out = new String(jbound.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(jbound.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(jbound.exitValue()).as(out).isEqualTo(130);
            assertThat(out).contains("VERDICT cpu-bound").contains("note: interrupted");
            assertThat(status(target.pid())).contains("not active");
            assertThat(target.process().isAlive()).isTrue();
        }
    }

    @Test
    void aTargetThatExitsMidWindowGetsAVerdictOverWhatWasRecorded() throws Exception {
        try (ChildJvm target = ChildJvm.start("dev.jbound.demo.WorkloadMain", List.of(), "cpu", "--seconds", "5")) {
            // 5 s leave a slow attach time to start; the window would run to 10 s
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "10s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            var report = run.json();
            assertThat(report.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            assertThat(report.get("notes").toString()).contains("the target exited");
            assertThat(report.get("window").get("durationMs").asDouble()).isLessThan(8000);
        }
    }

    /**
     * A target whose parent does not reap it (a shell's background job, a container whose init
     * does not) stays a zombie once it exits: ProcessHandle holds it alive, and the window ran on.
     */
    @Test
    void aTargetThatExitsAsAnUnreapedZombieEndsTheWindowToo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the workload's own ready line ("ready cpu PID") comes once it runs: attachable from then on
        String cmd = String.format("'%s' -cp '%s' dev.jbound.demo.WorkloadMain cpu --seconds 5 2>/dev/null & exec sleep 60",
                java, System.getProperty("java.class.path"));
        Process parent = new ProcessBuilder("bash", "-c", cmd).start();
        try {
            String ready = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(ready).startsWith("ready cpu ");
            long pid = Long.parseLong(ready.substring("ready cpu ".length()).trim());
            long started = System.nanoTime();
            Jbound.Run run = Jbound.run("attach", Long.toString(pid), "--duration", "30s", "--format", "json");
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).as("unreaped").contains(") Z ");
            var report = run.json();
            assertThat(report.get("notes").toString()).contains("the target exited");
            assertThat(seconds).as("jbound's run, of a 30 s window on a target that lived 5 s").isLessThan(20);
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.JboundProcess;
import dev.jbound.support.ProfilerStatus;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which JVMs watch records as they come and go, and that a killed watch leaves none profiled. */
class WatchTargetsTest {
    private static final Duration WITHIN = Duration.ofSeconds(45);
    /** The demos' main class: the name every test here watches by. */
    private static final String NAME = "WorkloadMain";

    private static RunningWorkload idle() throws Exception {
        return WorkloadLauncher.start(Workload.byId("idle").orElseThrow());
    }

    private static void awaitRecorded(JboundProcess watch, long pid) throws InterruptedException {
        assertThat(watch.awaitErr("pid " + pid + " (", WITHIN)).as("a window of pid %d; watch said:%n%s", pid, watch.err()).isNotNull();
    }

    private static void awaitGone(JboundProcess watch, long pid) throws InterruptedException {
        assertThat(watch.awaitErr("pid " + pid + " (dev.jbound.demo.WorkloadMain) has gone", WITHIN))
                .as("pid %d gone; watch said:%n%s", pid, watch.err()).isNotNull();
    }

    @Test
    void aJvmRestartedUnderTheSameNameIsFollowedToItsNewPid() throws Exception {
        try (JboundProcess watch = JboundProcess.start(List.of("watch", NAME, "--window", "1s", "--every", "1s"))) {
            long first;
            try (RunningWorkload w = idle()) {
                first = w.pid();
                awaitRecorded(watch, first);
            }
            try (RunningWorkload again = idle()) {
                awaitRecorded(watch, again.pid());
                assertThat(again.pid()).isNotEqualTo(first);
                awaitGone(watch, first);
            }
        }
    }

    @Test
    void allPicksUpJvmsAsTheyStartAndDropsThemAsTheyEnd() throws Exception {
        List<RunningWorkload> running = new ArrayList<>();
        try (JboundProcess watch = JboundProcess.start(List.of("watch", "--all", NAME, "--window", "1s", "--every", "2s"))) {
            for (int i = 0; i < 3; i++) running.add(idle());
            for (RunningWorkload w : running) awaitRecorded(watch, w.pid());
            // two end, two more start: five JVMs in all
            List<RunningWorkload> ended = new ArrayList<>(running.subList(0, 2));
            for (RunningWorkload w : ended) {
                w.close();
                running.remove(w);
            }
            for (int i = 0; i < 2; i++) running.add(idle());
            for (RunningWorkload w : running) awaitRecorded(watch, w.pid());
            for (RunningWorkload w : ended) awaitGone(watch, w.pid());
        } finally {
            for (RunningWorkload w : running) w.close();
        }
    }

    @Test
    void aJvmThatRefusesAttachIsReportedAndTriedAgainAfterAGrowingPause(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of("-XX:+DisableAttachMechanism"));
             JboundProcess watch = JboundProcess.start(List.of("watch", Long.toString(target.pid()), "--window", "1s",
                     "--every", "1s", "--rounds", "4", "--textfile", dir.toString()))) {
            assertThat(watch.awaitExit(WITHIN)).as(watch.err()).isZero();
            // tried in periods 1 and 3: after the first refusal it pauses one period, after the second two
            assertThat(watch.err().lines().filter(l -> l.contains("not recorded")).count()).as(watch.err()).isEqualTo(2);
            assertThat(watch.err()).contains("-XX:+DisableAttachMechanism");
            String metrics = java.nio.file.Files.readString(dir.resolve("jbound.prom"));
            assertThat(metrics).contains("jbound_up{jvm=\"\",pid=\"" + target.pid() + "\"} 0.0")
                    .contains("jbound_failures_total{jvm=\"\",pid=\"" + target.pid() + "\"} 2.0");
            assertThat(target.process().isAlive()).isTrue();
        }
    }

    @Test
    void eachWindowsRecordingIsKeptForReportAndTheOldestRotateAway(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("lock").orElseThrow());
             JboundProcess watch = JboundProcess.start(List.of("watch", Long.toString(w.pid()), "--window", "1s", "--every", "1s",
                     "--rounds", "4", "--jfr-dir", dir.toString(), "--jfr-dir-size", "1"))) {
            assertThat(watch.awaitExit(WITHIN)).as(watch.err()).isZero();
        }
        // a bound of one byte keeps only the newest window (rotation runs after each is kept)
        List<java.nio.file.Path> kept;
        try (var files = java.nio.file.Files.list(dir)) {
            kept = files.toList();
        }
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getFileName().toString()).matches("jbound-\\d+-\\d{8}T\\d{6}Z(-\\d+)?\\.jfr");
        Jbound.Run report = Jbound.run("report", kept.get(0).toString(), "--format", "json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.json().get("verdict").get("class").asString()).isEqualTo("lock-bound");
    }

    @Test
    void aPidThatIsNotThereIsAnErrorAndAWatchedPidThatEndsEndsTheWatch() throws Exception {
        Jbound.Run none = Jbound.run("watch", "999999999", "--rounds", "1");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err().lines().toList()).containsExactly("jbound: no process with pid 999999999 (list them with: jbound ps)");
        JboundProcess watch;
        long pid;
        try (RunningWorkload w = idle()) {
            pid = w.pid();
            watch = JboundProcess.start(List.of("watch", Long.toString(pid), "--window", "1s", "--every", "1s"));
            awaitRecorded(watch, pid);
        }
        try (watch) {
            assertThat(watch.awaitExit(WITHIN)).as(watch.err()).isZero();
            assertThat(watch.err()).contains("pid " + pid + " (dev.jbound.demo.WorkloadMain) has gone");
        }
    }

    @Test
    void killingWatchMidWindowLeavesTheTargetUnprofiledAndAnAttachWorks() throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of());
             JboundProcess watch = JboundProcess.start(List.of("watch", Long.toString(target.pid()), "--window", "4s", "--every", "4s"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!ProfilerStatus.of(target.pid()).contains("running") && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(ProfilerStatus.of(target.pid())).contains("running");
            ProcessHandle.of(watch.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook runs
            watch.awaitExit(Duration.ofSeconds(10));

            Jbound.Run next = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(next.exitCode()).as(next.err()).isZero();
            assertThat(ProfilerStatus.of(target.pid())).contains("not active");
            assertThat(target.process().isAlive()).isTrue();
        }
    }
}

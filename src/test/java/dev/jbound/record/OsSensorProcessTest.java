package dev.jbound.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jbound.model.OsActivity;
import dev.jbound.model.OsThreadActivity;
import dev.jbound.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The sensor on a real child JVM (OsWorkloadMain) whose threads do known things. */
@EnabledOnOs(OS.LINUX)
class OsSensorProcessTest {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final long WINDOW_MS = 1_500;

    @Test
    void measuresCpuStatesBirthsAndWrites() throws Exception {
        // Under target/, not /tmp: write_bytes stays 0 on a tmpfs /tmp.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "os-sensor");
        try (ChildJvm child = ChildJvm.start(OsWorkloadMain.class.getName(), List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), dir.toString())) {
            OsSensor sensor = OsSensor.start(child.pid(), POLL);
            Thread.sleep(WINDOW_MS);
            OsActivity activity = sensor.stop();

            assertThat(activity.available()).isTrue();
            assertThat(activity.windowNanos()).isGreaterThanOrEqualTo(WINDOW_MS * 1_000_000);
            long window = activity.windowNanos();
            OsThreadActivity spinner = activity.thread("spinner");
            OsThreadActivity sleeper = activity.thread("sleeper");
            // what the spinner got plus what it queued for: on a loaded machine the first alone may fall short
            assertThat(spinner.cpuNanos() + Math.max(0, spinner.runDelayNanos())).as("spinner cpu + run delay")
                    .isGreaterThanOrEqualTo(window / 2);
            assertThat(spinner.cpuNanos()).as("spinner cpu").isGreaterThanOrEqualTo(window / 10);
            assertThat(spinner.states().runningPolls()).isPositive();
            // the spinner never enters the kernel of its own accord: its stime is ticks at most
            assertThat(spinner.systemCpuNanos()).as("spinner system time").isNotNegative()
                    .isLessThan(spinner.cpuNanos() / 4 + 30_000_000L);
            assertThat(sleeper.cpuNanos()).as("sleeper cpu").isLessThan(window / 20);
            assertThat(sleeper.polls()).isPositive();
            assertThat(sleeper.states().sleepingPolls()).isEqualTo(sleeper.polls());
            assertThat(sleeper.bornDuringWindow()).isFalse();
            assertThat(sleeper.diedDuringWindow()).isFalse();
            assertThat(activity.processCpuNanos()).isGreaterThanOrEqualTo(spinner.cpuNanos() - 20_000_000L);
            if (!activity.note().contains("schedstat missing")) {
                assertThat(spinner.runDelayNanos()).isNotNegative();
            }

            assertThat(activity.thread(OsWorkloadMain.ODD_NAME)).as("thread named with ') ('").isNotNull();

            OsThreadActivity late = activity.thread("lateborn");
            assertThat(late.bornDuringWindow()).isTrue();
            assertThat(late.diedDuringWindow()).isTrue();
            assertThat(late.firstSeenNanos()).isPositive();
            assertThat(late.cpuNanos()).isPositive();

            assertThat(activity.thread("syncer")).isNotNull();
            if (activity.ioReadable()) {
                assertThat(activity.writeChars()).isPositive();
                if (!Files.getFileStore(dir).type().equals("tmpfs")) assertThat(activity.writeBytes()).isPositive();
            } else {
                assertThat(activity.note()).contains("/io unreadable");
            }

            assertThat(activity.cores().machineCpus()).isPositive();
            assertThat(activity.cores().effectiveCpus()).isPositive().isLessThanOrEqualTo(activity.cores().machineCpus());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void survivesTheTargetBeingKilledMidWindow() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "os-sensor");
        try (ChildJvm child = ChildJvm.start(OsWorkloadMain.class.getName(), List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), dir.toString())) {
            long started = System.nanoTime();
            OsSensor sensor = OsSensor.start(child.pid(), POLL);
            Thread.sleep(400);
            child.close();
            Thread.sleep(200);
            OsActivity activity = sensor.stop();
            long elapsed = System.nanoTime() - started;

            assertThat(activity.available()).isTrue();
            assertThat(activity.note()).contains("its OS counters are from the last poll before it exited");
            assertThat(activity.windowNanos()).isLessThan(elapsed).isGreaterThan(0);
            OsThreadActivity spinner = activity.thread("spinner");
            assertThat(spinner.diedDuringWindow()).isTrue();
            assertThat(spinner.cpuNanos()).isPositive();
        } finally {
            Files.deleteIfExists(dir.resolve("syncer.dat"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * jbound run's sensor: a JVM that recorded itself from its start is counted from its start too,
     * and keeps CPU time and run delay (schedstat) although it exits before any end snapshot.
     */
    @Test
    void atLaunchCountsFromTheThreadsBirthAndKeepsSchedstatPastTheExit() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "os-sensor");
        try (ChildJvm child = ChildJvm.start(OsWorkloadMain.class.getName(), List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), dir.toString())) {
            Thread.sleep(800);
            long before = spinnerCpuNanos(child.pid());
            OsSensor sensor = OsSensor.startAtLaunch(child.pid());
            Thread.sleep(400);
            child.close();
            OsActivity activity = sensor.stop();

            assertThat(activity.note()).doesNotContain("process exited");
            OsThreadActivity spinner = activity.thread("spinner");
            assertThat(spinner.diedDuringWindow()).isTrue();
            assertThat(spinner.cpuNanos()).as("CPU since the thread's birth, not since the sensor started").isGreaterThan(before);
            if (!activity.note().contains("schedstat missing")) {
                assertThat(spinner.runDelayNanos()).as("run delay from the last poll's schedstat").isNotNegative();
            }
            assertThat(activity.processCpuNanos()).isGreaterThanOrEqualTo(before);
        } finally {
            Files.deleteIfExists(dir.resolve("syncer.dat"));
            Files.deleteIfExists(dir);
        }
    }

    private static long spinnerCpuNanos(long pid) throws Exception {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                if (Files.readString(t.resolve("comm")).strip().equals("spinner")) {
                    return Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                }
            }
        }
        throw new AssertionError("no spinner thread in " + pid);
    }

    @Test
    void noSuchProcessIsUnavailableWithAReason() {
        OsActivity activity = OsSensor.start(Long.MAX_VALUE, POLL).stop();
        assertThat(activity.available()).isFalse();
        assertThat(activity.note()).contains("no process");
        assertThat(activity.threads()).isEmpty();
    }
}

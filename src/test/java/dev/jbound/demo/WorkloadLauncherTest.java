package dev.jbound.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.jbound.support.ModernJdk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starts every demo in a real child JVM, watches it for about a second through /proc and kills it.
 * The thresholds are loose on purpose (2 shared cores), but each check fails if the demo stops
 * being what it claims: no work, wrong threads, or CPU where there should be waiting.
 */
class WorkloadLauncherTest {
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @ParameterizedTest
    @EnumSource(Workload.class)
    void runsUntilClosedWithItsNamedThreadsDoingTheirKindOfWork(Workload workload) throws Exception {
        // virtual threads need JDK 21+; the JDK 17 that runs the tests says so and refuses
        RunningWorkload running = workload == Workload.VIRTUAL_IO
                ? WorkloadLauncher.start(workload, ModernJdk.java(), List.of()) : WorkloadLauncher.start(workload);
        Process process;
        try (running) {
            process = running.process();
            assertThat(running.pid()).isEqualTo(process.pid());
            ProcTasks before = ProcTasks.read(running.pid());
            expectedThreads(workload).forEach((prefix, n) ->
                    assertThat(before.count(prefix)).as("threads named %s*", prefix).isEqualTo(n));
            Thread.sleep(1000);
            assertThat(process.isAlive()).as("alive after 1 s; stderr: %s", running.stderrTail()).isTrue();
            checkBehaviour(workload, before, ProcTasks.read(running.pid()));
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(Path.of("/proc", Long.toString(process.pid()))).doesNotExist();
    }

    /** Thread-name prefixes as /proc shows them (15 characters) and how many of each. */
    private static Map<String, Long> expectedThreads(Workload w) {
        return switch (w) {
            case CPU -> Map.of("hash-worker-", (long) CORES);
            case CPU_SINGLE -> Map.of("single-worker", 1L);
            // the slow server runs in a process of its own: none of its threads are in the workload JVM
            case IO -> Map.of("io-client-", 8L, "slow-server-", 0L);
            case DISK -> Map.of("fsync-writer-", 2L);
            case LOCK -> Map.of("sync-worker-", 4L);
            case RLOCK -> Map.of("rlock-worker-", 4L);
            case IDLE -> Map.of("idle-pool-threa", 20L, "busy-", 0L);
            case IDLE_POOL -> Map.of("idle-pool-threa", 200L, "busy-", 2L);
            case GC -> Map.of("alloc-churn-", 2L);
            case MIXED -> Map.of("request-pool-th", 8L, "compute-pool-th", 2L, "slow-server-", 0L);
            case BURST -> Map.of("burst-worker-", (long) CORES);
            // virtual threads are no OS threads: a few carriers run all 200
            case VIRTUAL_IO -> Map.of("virtual-client-", 0L, "slow-server-", 0L);
        };
    }

    private static void checkBehaviour(Workload w, ProcTasks before, ProcTasks after) {
        switch (w) {
            case CPU -> assertThat(after.coresSince(before, n -> n.startsWith("hash-worker-"))).isGreaterThan(0.3);
            case CPU_SINGLE -> assertThat(after.coresSince(before, n -> n.equals("single-worker")))
                    .isGreaterThan(0.3);
            // blocked in socket reads: no CPU worth the name
            case IO -> assertThat(after.coresSince(before, n -> n.startsWith("io-client-"))).isLessThan(0.15);
            // one monitor: the four workers together cannot use much more than one core
            case LOCK -> assertThat(after.coresSince(before, n -> n.startsWith("sync-worker-")))
                    .isBetween(0.2, 1.4);
            case RLOCK -> assertThat(after.coresSince(before, n -> n.startsWith("rlock-worker-")))
                    .isBetween(0.2, 1.4);
            case IDLE -> assertThat(after.coresSince(before, n -> true)).isLessThan(0.15);
            case IDLE_POOL -> {
                assertThat(after.coresSince(before, n -> n.startsWith("busy-"))).isGreaterThan(0.3);
                assertThat(after.coresSince(before, n -> n.startsWith("idle-pool-threa"))).isLessThan(0.05);
            }
            case GC -> assertGcDominates(before, after);
            // the first of its 3 s periods is a busy one
            case BURST -> assertThat(after.coresSince(before, n -> n.startsWith("burst-worker-"))).isGreaterThan(0.3);
            case MIXED -> {
                assertThat(after.coresSince(before, n -> n.startsWith("compute-pool-th"))).isGreaterThan(0.3);
                assertThat(after.coresSince(before, n -> n.startsWith("request-pool-th"))).isLessThan(0.15);
            }
            // fsync waits: the writers sleep in the kernel far more than they compute
            case DISK -> assertThat(after.coresSince(before, n -> n.startsWith("fsync-writer-"))).isLessThan(1.0);
            // 200 clients waiting on a 20 ms server: their carriers have little to run
            case VIRTUAL_IO -> assertThat(after.coresSince(before, n -> n.startsWith("ForkJoinPool-"))).isLessThan(0.6);
        }
    }

    private static void assertGcDominates(ProcTasks before, ProcTasks after) {
        double gc = after.coresSince(before, ProcTasks::isGcThread);
        double all = after.coresSince(before, n -> true);
        assertThat(all).as("process CPU, cores").isGreaterThan(0.3);
        assertThat(gc / all).as("GC threads' share of process CPU (%.2f of %.2f cores)", gc, all)
                .isGreaterThan(0.4);
    }

    @Test
    void gcDemoIsGcBoundOnJdk25Too() throws Exception {
        assumeTrue(Files.isExecutable(JDK25), "no JDK 25 at " + JDK25);
        try (RunningWorkload running = WorkloadLauncher.start(Workload.GC, JDK25, List.of())) {
            ProcTasks before = ProcTasks.read(running.pid());
            Thread.sleep(1000);
            assertGcDominates(before, ProcTasks.read(running.pid()));
        }
    }

    @Test
    void aChildThatDiesBeforeReadyIsReportedWithItsStderr() {
        assertThatThrownBy(() -> WorkloadLauncher.start(Workload.IDLE, null, List.of("-XX:+NoSuchJboundOption")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'idle'")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("NoSuchJboundOption");
    }

    @Test
    void secondsEndsTheChildOnItsOwn() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WorkloadMain.class.getName(), "idle", "--seconds", "1").redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).isEqualTo("ready idle " + p.pid() + System.lineSeparator());
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void parsesNameAndSecondsAndRejectsTheRestWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(WorkloadMain.parse(new String[] {"cpu-single", "--seconds", "5"}, errStream))
                .contains(new WorkloadMain.Args(Workload.CPU_SINGLE, 5, false));
        assertThat(WorkloadMain.parse(new String[] {"idle-pool", "--exit-with-parent"}, errStream))
                .contains(new WorkloadMain.Args(Workload.IDLE_POOL, 0, true));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        assertThat(WorkloadMain.parse(new String[] {"nosuch"}, errStream)).isEmpty();
        assertThat(WorkloadMain.parse(new String[] {"gc", "--seconds", "0"}, errStream)).isEmpty();
        assertThat(WorkloadMain.parse(new String[] {"gc", "--seconds"}, errStream)).isEmpty();
        assertThat(WorkloadMain.parse(new String[] {}, errStream)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown workload 'nosuch'", "--seconds needs a positive", "no workload named")
                .contains(Workload.MIXED.id(), Workload.MIXED.description());
    }

    @Test
    void workloadIdsAreUniqueAndFindable() {
        for (Workload w : Workload.values()) {
            assertThat(Workload.byId(w.id())).contains(w);
            assertThat(w.description()).isNotBlank();
        }
        assertThat(Workload.byId("CPU")).isEmpty();
        assertThat(Workload.GC.jvmOptions()).contains("-Xmx64m");
    }
}

package dev.jbound.analyze;

import dev.jbound.load.JfrLoader;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier on recordings kept in the repo (made by `jbound demo W --jfr`), read without the
 * OS sensor and the thread dump: the samples alone must still tell the workloads apart.
 */
class RecordedWorkloadTest {
    /** The kept async-profiler recordings were made on a machine of 2 CPUs, and do not say so themselves. */
    private static final int KEPT_RECORDINGS_CPUS = 2;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "cpu, cpu-bound, cpu, 0.7",
            "cpu-single, cpu-bound, cpu, 0.7",
            "io, io-bound, io, 0.6",
            "disk, io-bound, io, 0.6",
            "lock, lock-bound, lock, 0.4",
            "rlock, lock-bound, lock, 0.4",
            "idle, idle, wait, 0",
            "idle-pool, cpu-bound, cpu, 0.7",
            "gc, gc-bound, gc, 0.4",
            "mixed, mixed, cpu, 0.25"})
    void samplesAloneGiveTheVerdict(String workload, String expected, String state, double minShare) throws Exception {
        Report r = Analyzer.analyze(new Analyzer.Input(
                JfrLoader.load(Path.of("src/test/resources/recordings", workload + ".jfr")), null, null,
                new Report.Target(0, "", ""), "async-profiler", List.of(), KEPT_RECORDINGS_CPUS));
        assertThat(r.verdict().workloadClass().label()).as("%s %s", r.verdict(), r.breakdown()).isEqualTo(expected);
        // made on a shared 2-core machine, these recordings carry run-queue delay caused by neighbours,
        // which the verdict leaves out: the share that decides is of the rest of active time
        var judged = r.breakdown().without(ThreadState.RUNQUEUE);
        assertThat(judged.shareOfActive(ThreadState.fromLabel(state))).isGreaterThanOrEqualTo(minShare);
    }
}

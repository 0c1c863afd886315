package dev.jbound.analyze;

import dev.jbound.load.JfrLoader;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import dev.jbound.profile.RecordedProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings the JDK's own Flight Recorder made of the demo workloads (kept in the repo:
 * {@code java -XX:StartFlightRecording:delay=1s,duration=3s,settings=default|profile ...
 * WorkloadMain W}) on JDK 17, read without the OS sensor: its sampler misses tight compiled
 * loops and its default thresholds hide waits under 20 ms, and the verdict must still be right.
 */
class JdkRecordingTest {

    private static Report report(String name) throws Exception {
        return RecordedProfile.analyze(Path.of("src/test/resources/recordings/jdk", name + ".jfr"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "lock-default, lock-bound, lock, 0.4",
            "rlock-profile, lock-bound, lock, 0.4",
            "io-default, io-bound, io, 0.6",
            "disk-profile, io-bound, io, 0.6",
            "gc-default, gc-bound, gc, 0.4",
            "cpu-profile, cpu-bound, cpu, 0.7",
            "idle-default, idle, wait, 0"})
    void theJdksRecordingsGiveTheVerdict(String file, String expected, String state, double minShare) throws Exception {
        Report r = report(file);
        assertThat(r.verdict().workloadClass().label()).as("%s %s %s", r.verdict(), r.breakdown(), r.notes()).isEqualTo(expected);
        assertThat(r.breakdown().without(ThreadState.RUNQUEUE).shareOfActive(ThreadState.fromLabel(state)))
                .as("%s", r.breakdown()).isGreaterThanOrEqualTo(minShare);
        assertThat(r.sampling().recorder()).isEqualTo(Recording.JDK_FLIGHT_RECORDER);
        // what the recording says of its JVM
        assertThat(r.target().mainClass()).isEqualTo("dev.jbound.demo.WorkloadMain");
        assertThat(r.target().jvmVersion()).startsWith("17.");
        assertThat(r.target().pid()).isPositive();
    }

    @org.junit.jupiter.api.Test
    void cpuTimeComesFromTheThreadDumpsAtBothEnds() throws Exception {
        Recording rec = JfrLoader.load(Path.of("src/test/resources/recordings/jdk/lock-default.jfr"));
        // the four workers' CPU is measured, not sampled, and the JVM's own threads are there too
        var workers = rec.threads().values().stream().filter(t -> t.name().startsWith("sync-worker-")).toList();
        assertThat(workers).hasSize(4);
        for (var w : workers) assertThat(rec.measured().cpuNanos().get(w.osTid())).isPositive();
        assertThat(rec.threads().values()).anyMatch(t -> t.name().startsWith("C2 CompilerThread"));
        assertThat(rec.measured().stateHints()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void lockSitesNameTheMonitorAndLeaveIdleParksOut() throws Exception {
        Report lock = report("lock-default");
        assertThat(lock.locks()).isNotEmpty();
        assertThat(lock.locks().get(0).lockClass()).isEqualTo("java.lang.Object");
        assertThat(lock.locks().get(0).site()).isEqualTo("dev.jbound.demo.LockWorkload.work");
        Report rlock = report("rlock-profile");
        assertThat(rlock.locks().get(0).lockClass()).contains("ReentrantLock");
        // the idle JVM's pool parks on its queue: waiting for work is not lock contention
        assertThat(report("idle-default").locks()).isEmpty();
    }
}

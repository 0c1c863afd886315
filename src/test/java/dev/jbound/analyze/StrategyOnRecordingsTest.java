package dev.jbound.analyze;

import dev.jbound.model.PoolRow;
import dev.jbound.model.Report;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WorkloadClass;
import dev.jbound.profile.RecordedProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy each class gets on every kept recording of a real workload, async-profiler's and the
 * JDK's (default and profile settings): not the wording, which StrategyAdvisorTest pins on made-up
 * breakdowns, but what each class's advice must hold to whatever the recording measured. A pool
 * size where one applies and only there, grown or shrunk the way the measured time says, the
 * lock named, the pinning check said before virtual threads are named, and each pool's own advice.
 */
class StrategyOnRecordingsTest {

    private static List<Path> recordings() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/recordings"), Path.of("src/test/resources/recordings/jdk"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void everyClassOnEveryKeptRecordingGetsTheStrategyItsMeasuresCallFor() throws Exception {
        Set<WorkloadClass> seen = EnumSet.noneOf(WorkloadClass.class);
        for (Path p : recordings()) {
            Report r = RecordedProfile.analyze(p);
            WorkloadClass c = r.verdict().workloadClass();
            seen.add(c);
            String what = p.getFileName() + " " + r.verdict() + " " + r.breakdown() + " → " + r.strategy();
            holds(c, r.strategy(), r, what);
            for (PoolRow pool : r.pools()) {
                assertThat(pool.strategy()).as("%s pool %s", what, pool.name()).isNotNull();
                assertThat(pool.strategy().headline()).as("%s pool %s", what, pool.name()).isNotBlank();
            }
        }
        // the recordings hold a workload of every class but the saturated one (StrategyAdvisorTest has it)
        assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(WorkloadClass.CPU_SATURATED)));
    }

    private static void holds(WorkloadClass c, Strategy s, Report r, String what) {
        switch (c) {
            case CPU_BOUND -> {
                // a CPU pool is sized to the cores the target may use, not grown for waits it does not have
                assertThat(s.poolSize()).as(what).isEqualTo((int) Math.max(1, Math.round(r.cores().effectiveCpus())));
                assertThat(s.poolSizeFormula()).as(what).startsWith("N = cores");
                if (r.topFrames().containsKey(ThreadState.CPU)) {
                    assertThat(s.advice()).as(what).anyMatch(a -> a.contains(r.topFrames().get(ThreadState.CPU).get(0).frame()));
                }
            }
            case IO_BOUND -> {
                if (s.headline().startsWith("already on virtual threads")) {
                    // no pool to size: the waits are the thing to shorten
                    assertThat(s.poolSize()).as(what).isNull();
                    assertThat(r.threads()).as(what).anyMatch(t -> dev.jbound.model.ThreadInfo.isVirtual(t.osTid()));
                    break;
                }
                // threads that wait more than they compute are grown to the knee, from the model
                assertThat(s.poolSize()).as(what).isNotNull().isGreaterThan((int) Math.floor(r.busyThreads()));
                assertThat(s.headline()).as(what).containsAnyOf("grow the pool to ", "use virtual threads");
                assertThat(s.poolSizeFormula()).as(what).startsWith("N* = free cores");
                assertThat(s.prediction()).as(what).satisfiesAnyOf(
                        pr -> assertThat(pr).isNull(),
                        pr -> assertThat(pr.throughputRatio()).isGreaterThanOrEqualTo(1.0));
                if (s.poolSize() > StrategyAdvisor.VIRTUAL_THREADS_ABOVE) {
                    // a recording read later has no dump: the advice says the pinning was not checked
                    assertThat(s.advice()).as(what).anyMatch(a -> a.contains("pin their carriers"));
                }
            }
            case LOCK_BOUND -> {
                // more threads only add waiters: no pool size; the lock and Amdahl's bound named
                assertThat(s.poolSize()).as(what).isNull();
                assertThat(s.headline()).as(what).matches("\\d+% of active time waits on `.+`");
                assertThat(s.advice()).as(what).anyMatch(a -> a.startsWith("Amdahl"));
            }
            case GC_BOUND -> {
                assertThat(s.poolSize()).as(what).isNull();
                assertThat(s.headline()).as(what).isEqualTo("reduce allocation or give the heap room");
            }
            case IDLE -> {
                assertThat(s.poolSize()).as(what).isNull();
                assertThat(s.headline()).as(what).startsWith("nothing to tune in this JVM");
            }
            case MIXED -> {
                // the process splits its stages, each pool gets its own advice; where a computing pool
                // and a waiting one are the stages already, the advice names each with its own
                assertThat(r.pools()).as(what).isNotEmpty();
                boolean split = r.pools().stream().anyMatch(p -> p.verdict().workloadClass() == WorkloadClass.CPU_BOUND)
                        && r.pools().stream().anyMatch(p -> p.verdict().workloadClass() == WorkloadClass.IO_BOUND);
                if (split) {
                    assertThat(s.headline()).as(what).isEqualTo("the CPU and I/O work are separate pools already: size each to its own verdict");
                    for (var p : r.pools()) {
                        if (p.verdict().workloadClass() == WorkloadClass.CPU_BOUND || p.verdict().workloadClass() == WorkloadClass.IO_BOUND) {
                            assertThat(s.advice()).as(what).anyMatch(a -> a.startsWith(p.name() + " (") && a.endsWith(p.strategy().headline()));
                        }
                    }
                } else {
                    assertThat(s.headline()).as(what).isEqualTo("split CPU and I/O work into separate pools");
                }
            }
            case CPU_SATURATED -> {
                assertThat(s.poolSize()).as(what).isNotNull();
                assertThat(s.headline()).as(what).startsWith("shrink the pool to ");
            }
        }
    }
}

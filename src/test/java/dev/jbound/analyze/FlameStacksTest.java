package dev.jbound.analyze;

import dev.jbound.load.JfrLoader;
import dev.jbound.model.FlameProfile;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Flame graph stacks of real recordings, classified as the verdict classifies time. */
class FlameStacksTest {

    private static FlameProfile of(String recording) throws Exception {
        StackStates states = new StackStates();
        return FlameStacks.of(JfrLoader.load(Path.of("src/test/resources/recordings", recording), states), states);
    }

    @Test
    void theFlameStacksAskTheClassificationTheTimelineBuiltNotANewOne() throws Exception {
        StackStates states = new StackStates();
        Recording rec = JfrLoader.load(Path.of("src/test/resources/recordings/lock.jfr"), states);
        Set<Stack> sampled = Collections.newSetFromMap(new IdentityHashMap<>());
        rec.cpuSamples().forEach(s -> sampled.add(s.stack()));
        rec.wallSamples().forEach(s -> sampled.add(s.stack()));
        // the reader interns stacks, and its timeline classified each distinct one once
        assertThat(states.distinct()).isEqualTo(sampled.size()).isGreaterThan(10);
        FlameStacks.of(rec, states);
        assertThat(states.distinct()).as("stacks classified again for the flame graphs").isEqualTo(sampled.size());
    }

    @Test
    void theLockDemoBurnsCpuInItsCriticalSectionAndBlocksOnTheMonitor() throws Exception {
        FlameProfile f = of("lock.jfr");
        assertThat(f.cpu().keySet()).anyMatch(k -> k.startsWith("sync-worker-*;") && k.contains("dev.jbound.demo.LockWorkload.work_[j]"));
        assertThat(f.blocked().keySet()).allMatch(k -> k.startsWith("lock;") || k.startsWith("io;"))
                .anyMatch(k -> k.startsWith("lock;sync-worker-*;") && k.contains("dev.jbound.demo.LockWorkload.work_[j];ObjectSynchronizer")
                        || k.startsWith("lock;sync-worker-*;") && k.contains("LockWorkload.work_[j];InterpreterRuntime::monitorenter"));
        long lock = f.blocked().entrySet().stream().filter(e -> e.getKey().startsWith("lock;")).mapToLong(java.util.Map.Entry::getValue).sum();
        assertThat(lock).as("µs blocked on the lock").isGreaterThan(1_000_000);
    }

    @Test
    void theIoDemoWaitsInSocketReadsAndItsWaitsAreNotCpu() throws Exception {
        FlameProfile f = of("io.jfr");
        assertThat(f.blocked().keySet()).anyMatch(k -> k.startsWith("io;io-client-*;"));
        assertThat(f.cpu().keySet()).noneMatch(k -> k.startsWith("io;"));
    }

    @Test
    void theTargetsNamesCannotBreakTheCollapsedFormatOrThePage() {
        assertThat(FlameStacks.clean("evil;name</script><b>'\"\\`\n")).isEqualTo("evil:name_/script__b______");
    }
}

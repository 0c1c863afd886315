package dev.jbound.analyze;

import dev.jbound.model.FlameProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Flame graph stacks of real recordings, classified as the verdict classifies time. */
class FlameStacksTest {

    private static FlameProfile of(String recording) throws Exception {
        return FlameStacks.of(JfrLoader.load(Path.of("src/test/resources/recordings", recording)));
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

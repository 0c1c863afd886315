package dev.jbound.analyze;

import dev.jbound.model.ThreadSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cycles in the wait-for graph: each thread waits for at most one lock, each lock has at most one holder. */
class DeadlockCycleTest {

    @Test
    void aThreeThreadCycleIsOneDeadlockAndAChainIntoItIsNot() {
        // t1 → L1 (held by t2) → L2 (held by t3) → L3 (held by t1); t4 waits for L1 but is not in the cycle
        Map<String, String> waitsFor = Map.of("t1", "L1", "t2", "L2", "t3", "L3", "t4", "L1");
        Map<String, String> holders = Map.of("L1", "t2", "L2", "t3", "L3", "t1");
        List<ThreadSnapshot.Deadlock> d = ThreadSnapshots.deadlocks(waitsFor, holders);
        assertThat(d).hasSize(1);
        assertThat(d.get(0).threads()).containsExactly("t1", "t2", "t3");
        assertThat(d.get(0).locks()).containsExactly("L1", "L2", "L3");
    }

    @Test
    void waitingForAFreeLockOrAChainIsNoDeadlock() {
        Map<String, String> waitsFor = Map.of("a", "L1", "b", "L2");
        Map<String, String> holders = Map.of("L1", "b");
        assertThat(ThreadSnapshots.deadlocks(waitsFor, holders)).isEmpty();
    }
}

package dev.jbound.e2e;

import dev.jbound.cli.ExitCodes;
import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.ChildJvm;
import dev.jbound.support.DeadlockMain;
import dev.jbound.support.Jbound;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** jbound dump on real JVMs: monitor and ReentrantLock deadlocks found and shown first, the lock graph, states. */
class DumpCommandTest {

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void aMonitorDeadlockIsShownFirst() throws Exception {
        try (ChildJvm jvm = ChildJvm.start(DeadlockMain.class.getName(), List.of(), "monitor")) {
            Jbound.Run text = Jbound.run("dump", Long.toString(jvm.pid()));
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out().lines().skip(1).findFirst().orElse("")).startsWith("DEADLOCK 2 threads:");
            assertThat(text.out()).contains("deadlock-a waits for <", "held by deadlock-b", "deadlock-b waits for <", "held by deadlock-a");
            JsonNode json = Jbound.run("dump", Long.toString(jvm.pid()), "--format", "json").json();
            assertThat(json.get("deadlocks")).hasSize(1);
            assertThat(strings(json.get("deadlocks").get(0).get("threads"))).containsExactlyInAnyOrder("deadlock-a", "deadlock-b");
            // HotSpot's own deadlock report after the threads repeats their stacks: it adds no waiters
            for (JsonNode l : json.get("locks")) assertThat(strings(l.get("waiters"))).allMatch(w -> w.startsWith("deadlock-"));
            for (JsonNode t : json.get("threads")) {
                if (t.get("name").asString().startsWith("deadlock-")) {
                    assertThat(t.get("state").asString()).isEqualTo("lock");
                    assertThat(t.get("javaState").asString()).startsWith("BLOCKED");
                    assertThat(t.get("holding")).hasSize(1);
                }
            }
        }
    }

    @Test
    void aReentrantLockDeadlockIsFoundToo() throws Exception {
        try (ChildJvm jvm = ChildJvm.start(DeadlockMain.class.getName(), List.of(), "rlock")) {
            JsonNode json = Jbound.run("dump", Long.toString(jvm.pid()), "--format", "json").json();
            assertThat(json.get("deadlocks")).hasSize(1);
            assertThat(strings(json.get("deadlocks").get(0).get("threads"))).containsExactlyInAnyOrder("rdeadlock-a", "rdeadlock-b");
            JsonNode lock = json.get("locks").get(0);
            assertThat(lock.get("lockClass").asString()).contains("ReentrantLock");
            assertThat(lock.get("holder").asString()).startsWith("rdeadlock-");
        }
    }

    @Test
    void contentionWithoutADeadlockShowsWhoHoldsAndWhoWaits() throws Exception {
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("lock").orElseThrow())) {
            Thread.sleep(500);
            JsonNode json = Jbound.run("dump", Long.toString(w.pid()), "--format", "json").json();
            assertThat(json.get("deadlocks")).isEmpty();
            assertThat(json.get("target").get("mainClass").asString()).isEqualTo("dev.jbound.demo.WorkloadMain");
            // the demo's four workers share one monitor: over a few dumps one shows a holder with waiters
            boolean seen = false;
            for (int i = 0; i < 10 && !seen; i++) {
                JsonNode d = i == 0 ? json : Jbound.run("dump", Long.toString(w.pid()), "--format", "json").json();
                for (JsonNode l : d.get("locks")) {
                    seen |= l.get("lockClass").asString().equals("java.lang.Object") && l.get("holder").asString("").startsWith("sync-worker-")
                            && !l.get("waiters").isEmpty();
                }
            }
            assertThat(seen).as("a java.lang.Object held by a sync-worker with waiters").isTrue();
            Jbound.Run text = Jbound.run("dump", Long.toString(w.pid()));
            assertThat(text.out()).contains("no deadlock", "LOCKS", "sync-worker-");
        }
    }

    @Test
    void anUnknownJvmIsTargetNotFound() {
        Jbound.Run run = Jbound.run("dump", "NoSuchMainClassAnywhere");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.TARGET);
        assertThat(run.err()).startsWith("jbound: no JVM matches 'NoSuchMainClassAnywhere'");
    }
}

package dev.jbound.e2e;

import dev.jbound.support.Jbound;
import dev.jbound.support.workloads.ServiceHarness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before the advice says "use virtual threads" it checks the thread dump for what would pin them
 * (DESIGN.md, "Advice that holds when applied"): platform threads that wait on a downstream and
 * compute nothing are told to grow past any platform pool, and whether virtual threads would do,
 * judged on the target's real threads. A client that waits inside a synchronized method pins a
 * virtual thread on JDK 21-23; a BufferedReader's monitor on JDK 17 is gone on 21, so it does not.
 */
class PinningEvidenceTest {

    private static JsonNode attach(String mainClass, String... args) throws Exception {
        try (ServiceHarness.Running service = ServiceHarness.start(mainClass, args)) {
            Thread.sleep(ServiceHarness.WARM_UP_MILLIS);
            Jbound.Run run = Jbound.run("attach", Long.toString(service.pid()), "--duration", "3s", "--format", "json");
            assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
            return run.json();
        }
    }

    @Test
    void threadsWaitingInsideASynchronizedClientAreToldVirtualThreadsWouldPinThem() throws Exception {
        try (ServiceHarness.Running down = ServiceHarness.start("dev.jbound.support.servers.LineServer", "0", "50")) {
            String port = Integer.toString(down.port());
            JsonNode legacy = attach("dev.jbound.support.workloads.LegacyClientService", "16", port).get("strategy");
            assertThat(legacy.get("headline").asString()).as("%s", legacy)
                    .startsWith("grow the pool to ").contains("as virtual threads they would pin their carriers");
            assertThat(legacy.get("advice").toString()).as("%s", legacy)
                    .contains("threads waiting on I/O in the thread dump hold a monitor (",
                            "LegacyClientService$LegacyClient in dev.jbound.support.workloads.LegacyClientService$LegacyClient.call",
                            "replace that synchronized with a ReentrantLock, or run on JDK 24+");

            // the same waits through a BufferedReader, whose monitor JDK 21 no longer takes
            JsonNode plain = attach("dev.jbound.support.workloads.ClosedLoopService", "16", "0", port).get("strategy");
            assertThat(plain.get("headline").asString()).as("%s", plain).startsWith("grow the pool to ")
                    .endsWith("(or move to JDK 21+ for virtual threads)");
            assertThat(plain.get("advice").toString()).as("%s", plain).contains("no thread of the", "would not pin their carriers");
        }
    }
}

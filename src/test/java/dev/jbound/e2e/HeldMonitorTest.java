package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.HeldMonitorMain;
import dev.jbound.support.Jbound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor held through the whole window: its waiters never get it, so no wait ends and neither
 * recorder writes a contention event (both write one when the wait is over). The lock must still
 * be named, from the thread dump taken after the window, with its waiters and its holder. The JDK
 * Flight Recorder's sampler takes running threads only: there the waiters' time comes from its
 * first and last thread dumps, which show them waiting for the same lock with no CPU between.
 */
@ParameterizedClass(name = "--recorder {0}")
@ValueSource(strings = {"async", "jfr"})
class HeldMonitorTest {

    @Parameter
    String recorder;

    @Test
    void aMonitorHeldThroughoutIsNamedWithItsWaitersAndHolder() throws Exception {
        try (ChildJvm target = ChildJvm.start(HeldMonitorMain.class.getName(), List.of())) {
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "2s", "--format", "json",
                    "--recorder", recorder);
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode r = run.json();
            assertThat(r.get("verdict").get("class").asString()).as("%s", r.get("breakdown")).isEqualTo("lock-bound");
            assertThat(r.get("locks")).as("locks; sampling %s", r.get("sampling")).isNotEmpty();
            JsonNode lock = r.get("locks").get(0);
            assertThat(lock.get("lockClass").asString()).isEqualTo(HeldMonitorMain.class.getName() + "$OrderBook");
            assertThat(lock.get("site").asString()).contains("HeldMonitorMain.trade");
            List<String> waiters = new ArrayList<>();
            lock.get("waiters").forEach(w -> waiters.add(w.asString()));
            assertThat(waiters).containsExactlyInAnyOrder("waiter-1", "waiter-2", "waiter-3");
            assertThat(lock.get("events").asInt()).as("no wait ended").isZero();
            // three threads blocked for the window, by the samples
            assertThat(lock.get("waitMs").asDouble()).isGreaterThan(3 * 2000 * 0.6);
            assertThat(lock.get("owner").asString()).isEqualTo("holder");
            assertThat(lock.get("ownerFrame").asString()).contains("Thread.sleep");
            Jbound.Run text = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--recorder", recorder);
            assertThat(text.out()).contains("HeldMonitorMain$OrderBook at ", "no wait ended in the window", "held by holder");
        }
    }
}

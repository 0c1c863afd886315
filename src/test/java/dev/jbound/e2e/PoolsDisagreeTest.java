package dev.jbound.e2e;

import dev.jbound.support.Jbound;
import dev.jbound.support.workloads.ServiceHarness;
import dev.jbound.support.workloads.TwoPoolService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose pools disagree, two threads filling the cores and 24 waiting on a downstream, is
 * mixed, with each pool's own verdict and advice; summed, its waiting threads made it read io-bound.
 */
class PoolsDisagreeTest {

    @Test
    void aComputingPoolBesideAWaitingOneMakesTheProcessMixed() throws Exception {
        try (ServiceHarness.Running down = ServiceHarness.downstream(ServiceHarness.FIXED_LATENCY);
             ServiceHarness.Running service = start("2", "24", Integer.toString(down.port()))) {
            Thread.sleep(ServiceHarness.WARM_UP_MILLIS);
            Jbound.Run run = Jbound.run("attach", Long.toString(service.pid()), "--duration", "3s", "--format", "json");
            assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
            JsonNode r = run.json();
            String pools = r.get("pools").toString();
            assertThat(r.get("verdict").get("class").asString()).as("%s %s", r.get("verdict"), pools).isEqualTo("mixed");
            assertThat(r.get("verdict").get("evidence").asString()).contains("pools disagree", "compute-*", "request-*");
            for (JsonNode p : r.get("pools")) {
                String name = p.get("name").asString();
                if (name.equals("compute-*")) assertThat(p.get("verdict").get("class").asString()).isIn("cpu-bound", "cpu-saturated");
                if (name.equals("request-*")) assertThat(p.get("verdict").get("class").asString()).isEqualTo("io-bound");
            }
        }
    }

    private static ServiceHarness.Running start(String... args) throws Exception {
        return ServiceHarness.start(TwoPoolService.class.getName(), args);
    }
}

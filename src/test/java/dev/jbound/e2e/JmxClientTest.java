package dev.jbound.e2e;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.Jbound;
import dev.jbound.support.LocalJmx;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import javax.management.remote.JMXConnector;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM watched over JMX (VisualVM, JMC, an exporter) keeps an RMI thread reading its connection
 * for the next call, and an accept loop for the next client: waiting, not the workload's I/O.
 */
class JmxClientTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"async", "jfr"})
    void aConnectedJmxClientDoesNotTurnALockBoundJvmIntoAnIoBoundOne(String recorder) throws Exception {
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("lock").orElseThrow())) {
            try (JMXConnector c = LocalJmx.connect(w.pid())) {
                RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(c.getMBeanServerConnection(),
                        ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
                assertThat(runtime.getPid()).isEqualTo(w.pid()); // a call: the connection's thread exists

                Jbound.Run run = Jbound.run("attach", Long.toString(w.pid()), "--duration", "4s", "--format", "json",
                        "--recorder", recorder);
                assertThat(run.exitCode()).as(run.err()).isZero();
                JsonNode r = run.json();
                assertThat(r.get("verdict").get("class").asString()).as("%s", r.get("breakdown")).isEqualTo("lock-bound");
                StringBuilder inIo = new StringBuilder();
                for (JsonNode t : r.get("threads")) {
                    if (t.get("ms").get("io").asDouble() > 50) inIo.append(t).append('\n');
                }
                assertThat(r.get("breakdown").get("states").get("io").get("shareOfActive").asDouble())
                        .as("threads in io:\n%s", inIo).isLessThan(0.05);
                boolean sawRmi = false;
                for (JsonNode t : r.get("threads")) {
                    if (!t.get("name").asString().startsWith("RMI TCP")) continue;
                    sawRmi = true;
                    assertThat(t.get("ms").get("io").asDouble()).as("%s", t).isLessThan(50);
                }
                assertThat(sawRmi).as("the report lists the RMI threads").isTrue();
            }
        }
    }
}

package dev.jbound.e2e;

import dev.jbound.demo.RunningWorkload;
import dev.jbound.demo.Workload;
import dev.jbound.demo.WorkloadLauncher;
import dev.jbound.support.Jbound;
import jdk.management.jfr.FlightRecorderMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recordings made elsewhere, made here the way their tools make them, on the JDK the tests run on:
 * the JDK's own -XX:StartFlightRecording, and JDK Mission Control's way (FlightRecorderMXBean over
 * JMX: new recording, predefined configuration, start, stop, then the bytes through openStream/readStream).
 */
class ForeignRecordingTest {

    @TempDir
    Path dir;

    private static JsonNode report(Path jfr) {
        Jbound.Run run = Jbound.run("report", jfr.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.json();
    }

    @Test
    void startFlightRecordingWithProfileSettings() throws Exception {
        Path jfr = dir.resolve("io.jfr");
        // the delay counts from the JVM's start, and a loaded machine takes a while to get the io demo going
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("io").orElseThrow(), null,
                List.of("-XX:StartFlightRecording:delay=3s,duration=3s,settings=profile,filename=" + jfr))) {
            awaitWritten(jfr, w);
        }
        JsonNode r = report(jfr);
        assertThat(r.get("verdict").get("class").asString()).as("%s", r.get("breakdown")).isEqualTo("io-bound");
        assertThat(r.get("sampling").get("recorder").asString()).isEqualTo("JDK Flight Recorder");
    }

    @Test
    void aRecordingMadeTheWayJdkMissionControlMakesIt() throws Exception {
        Path jfr = dir.resolve("lock.jfr");
        try (RunningWorkload w = WorkloadLauncher.start(Workload.byId("lock").orElseThrow())) {
            // One connection throughout, as JMC keeps it: its RMI thread in the target reads the
            // socket for the next call all the while, which is waiting, not the workload's I/O.
            try (JMXConnector c = dev.jbound.support.LocalJmx.connect(w.pid())) {
                FlightRecorderMXBean jfrBean = flightRecorder(c);
                long id = jfrBean.newRecording();
                jfrBean.setPredefinedConfiguration(id, "default");
                jfrBean.startRecording(id);
                Thread.sleep(3000);
                jfrBean.stopRecording(id);
                long stream = jfrBean.openStream(id, Map.of());
                try (OutputStream out = Files.newOutputStream(jfr)) {
                    for (byte[] chunk; (chunk = jfrBean.readStream(stream)) != null; ) out.write(chunk);
                } finally {
                    jfrBean.closeStream(stream);
                    jfrBean.closeRecording(id);
                }
            }
        }
        JsonNode r = report(jfr);
        assertThat(r.get("verdict").get("class").asString()).as("%s", r.get("breakdown")).isEqualTo("lock-bound");
        assertThat(r.get("locks").get(0).get("site").asString()).contains("LockWorkload");
        assertThat(r.get("breakdown").get("states").get("io").get("shareOfActive").asDouble()).as("%s", r.get("breakdown"))
                .isLessThan(0.05);
    }

    private static FlightRecorderMXBean flightRecorder(JMXConnector c) throws Exception {
        MBeanServerConnection server = c.getMBeanServerConnection();
        return JMX.newMXBeanProxy(server, new ObjectName("jdk.management.jfr:type=FlightRecorder"), FlightRecorderMXBean.class);
    }

    /** The JVM writes the file when the recording's duration ends; it is complete once its size stops changing. */
    private static void awaitWritten(Path jfr, RunningWorkload w) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 100; i++) {
            Thread.sleep(200);
            long size = Files.isRegularFile(jfr) ? jfr.toFile().length() : -1;
            if (size > 0 && size == last) return;
            last = size;
        }
        throw new AssertionError("no recording written to " + jfr + "; stderr: " + w.stderrTail());
    }
}

package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.Jcmd;
import dev.jbound.support.ModernJdk;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDK 25's CPU-time sampler (jdk.CPUTimeSample, Linux): the JFR recorder turns it on for such a
 * target, and {@code report} reads it from a recording the JDK made. Unlike the execution sampler,
 * which on the cpu demo's tight hashing loops catches next to nothing, it samples every thread by
 * the CPU time it uses: two busy threads for 3 s at 20 ms give about 300 samples.
 */
class CpuTimeSamplerTest {

    @TempDir
    Path dir;

    private static long events(Path jfr, String type) throws Exception {
        long n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals(type)) n++;
        }
        return n;
    }

    @Test
    void theJfrRecorderSamplesByCpuTimeOnJdk25() throws Exception {
        assertThat(ModernJdk.feature(ModernJdk.java())).as("this test needs a JDK 25 under /usr/lib/jvm").isGreaterThanOrEqualTo(25);
        Path jfr = dir.resolve("kept.jfr");
        Jbound.Run run = Jbound.run("demo", "cpu", "--java", ModernJdk.java().toString(), "--duration", "3s",
                "--recorder", "jfr", "--jfr", jfr.toString(), "--format", "json");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
        assertThat(events(jfr, "jdk.CPUTimeSample")).as("target %s, notes %s", r.get("target"), r.get("notes")).isGreaterThanOrEqualTo(100);
        assertThat(events(jfr, "jdk.ExecutionSample")).isZero();
        assertThat(r.get("sampling").get("cpuSamples").asInt()).isGreaterThanOrEqualTo(100);
        // the demo's SHA-256, inside the JDK: where JDK 17's execution sampler sees next to nothing
        assertThat(r.get("topFrames").get("cpu").toString()).contains("sun.security.provider");
    }

    @Test
    void reportReadsTheCpuTimeSamplesOfARecordingTheJdkMade() throws Exception {
        Path java = ModernJdk.java();
        assertThat(ModernJdk.feature(java)).as("this test needs a JDK 25 under /usr/lib/jvm").isGreaterThanOrEqualTo(25);
        Path jfr = dir.resolve("jdk.jfr");
        try (ChildJvm target = ChildJvm.start(java, dev.jbound.demo.WorkloadMain.class.getName(), List.of(), "cpu-single")) {
            Jcmd.run(java, Long.toString(target.pid()), "JFR.start", "name=t", "settings=profile", "jdk.CPUTimeSample#enabled=true",
                    "filename=" + jfr);
            Thread.sleep(3000);
            Jcmd.run(java, Long.toString(target.pid()), "JFR.stop", "name=t");
        }
        assertThat(Files.size(jfr)).isPositive();
        long samples = events(jfr, "jdk.CPUTimeSample");
        assertThat(samples).isGreaterThanOrEqualTo(50);
        Jbound.Run run = Jbound.run("report", jfr.toString(), "--format", "json");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString()).isEqualTo("cpu-bound");
        // the CPU-time samples, not the execution samples recorded beside them
        assertThat(r.get("sampling").get("cpuSamples").asLong()).isEqualTo(samples);
        assertThat(r.get("topFrames").get("cpu").toString()).contains("Hashing");
    }
}

package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.DecidingShare;
import dev.jbound.support.Jbound;
import dev.jbound.support.Jcmd;
import dev.jbound.support.workloads.RocksDbWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native I/O read back from a recording the JDK made of it, with no OS sensor: RocksDB's sync writes
 * run in native code, which the JDK's recorder sees only as a thread in a native method, runnable.
 * The CPU time the recording measured, its kernel part, and the machine's spare cores tell the
 * flush from computing (README, {@code report}).
 */
class NativeIoRecordingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "settings={0}")
    @ValueSource(strings = {"default", "profile"})
    void aRecordingOfSyncWritesInNativeCodeIsIoBound(String settings) throws Exception {
        Path jfr = dir.resolve(settings + ".jfr");
        try (ChildJvm writer = ChildJvm.start(RocksDbWriter.class.getName(), List.of("-Xmx128m"), "1", dir.resolve("db").toString())) {
            String pid = Long.toString(writer.pid());
            Jcmd.run(pid, "JFR.start", "name=t", "settings=" + settings, "filename=" + jfr);
            Thread.sleep(4000);
            Jcmd.run(pid, "JFR.stop", "name=t");
        }
        Jbound.Run run = Jbound.run("report", jfr.toString(), "--format", "json");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString())
                .as("verdict of %s %s notes %s", r.get("verdict"), r.get("breakdown"), r.get("notes"))
                .isEqualTo("io-bound");
        assertThat(DecidingShare.of(r, "io")).isGreaterThanOrEqualTo(0.6);
    }
}

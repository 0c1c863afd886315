package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.workloads.RocksDbWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native I/O is not CPU: RocksDB writing with sync writes does its appends and fdatasyncs in native
 * code, where the JDK's recorder sees only a thread in a native method. Through both recorders the
 * verdict must be io-bound, from the OS's view of what the thread was blocked in.
 */
@ParameterizedClass(name = "--recorder {0}")
@ValueSource(strings = {"async", "jfr"})
class NativeIoTest {

    @Parameter
    String recorder;

    @TempDir
    Path dir;

    private ChildJvm writer;

    @BeforeEach
    void start() throws Exception {
        writer = ChildJvm.start(RocksDbWriter.class.getName(), List.of("-Xmx128m"), "1", dir.resolve("db").toString());
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Test
    void syncWritesInNativeCodeAreIoBound() {
        Jbound.Run run = Jbound.run("attach", Long.toString(writer.pid()), "--duration", "4s", "--format", "json",
                "--recorder", recorder);
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.get("verdict").get("class").asString())
                .as("verdict of %s %s threads %s notes %s", r.get("verdict"), r.get("breakdown"), r.get("threads"), r.get("notes"))
                .isEqualTo("io-bound");
    }
}

package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.Jcmd;
import dev.jbound.support.servers.Clients;
import dev.jbound.support.servers.HttpServerMain;
import dev.jbound.support.servers.LineServer;
import dev.jbound.support.servers.ServerGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every second of I/O is attributed to what it waits on. A service (the JDK's HTTP server) whose
 * handlers each ask a downstream service in another process: its I/O goes to that endpoint, which
 * the OS names with the process listening behind it and the connections the service holds; a JDK
 * recording read with report names it by the socket events' address and port. The disk demo's
 * flushes go to its files.
 */
class WhereIoGoesTest {

    @TempDir
    Path dir;

    private final ServerGroup started = new ServerGroup();

    @AfterEach
    void stop() {
        started.close();
    }

    private ChildJvm start(Class<?> main, String... args) throws IOException {
        return started.start(main, args);
    }

    private static String port(ChildJvm server) {
        return ServerGroup.port(server);
    }

    /** A downstream answering in 20 ms, the service in front of it, and clients keeping its handlers busy. */
    private ChildJvm[] service() throws IOException {
        ChildJvm downstream = start(LineServer.class, "0", "20");
        ChildJvm service = start(HttpServerMain.class, "0", port(downstream));
        started.add(ChildJvm.start(Clients.class.getName(), List.of("-Xmx32m"), "load", "http", port(service),
                Integer.toString(HttpServerMain.WORKERS)));
        return new ChildJvm[]{downstream, service};
    }

    private static JsonNode first(JsonNode targets) {
        assertThat(targets.size()).as("targets %s", targets).isPositive();
        return targets.get(0);
    }

    @ParameterizedTest(name = "--recorder {0}")
    @ValueSource(strings = {"async", "jfr"})
    void aServicesIoGoesToItsDownstreamWithTheProcessBehindItAndItsConnections(String recorder) throws IOException {
        ChildJvm[] s = service();
        Jbound.Run run = Jbound.run("attach", Long.toString(s[1].pid()), "--duration", "3s", "--format", "json", "--recorder", recorder);
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode r = run.json();
        JsonNode top = first(r.get("io").get("targets"));
        String downstream = "127.0.0.1:" + port(s[0]);
        assertThat(top.get("kind").asString()).as("%s", r.get("io")).isEqualTo("endpoint");
        assertThat(top.get("name").asString()).isEqualTo(downstream);
        assertThat(top.get("shareOfIo").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(top.get("localPid").asLong()).isEqualTo(s[0].pid());
        assertThat(top.get("localProcess").asString()).isEqualTo("java");
        // each busy handler holds a connection of its own
        assertThat(top.get("connections").asInt()).isBetween(2, HttpServerMain.WORKERS);
        JsonNode handlers = null;
        for (JsonNode p : r.get("pools")) if (p.get("name").asString().startsWith("handler-")) handlers = p;
        assertThat(handlers).as("pools %s", r.get("pools")).isNotNull();
        assertThat(first(handlers.get("ioTargets")).get("name").asString()).isEqualTo(downstream);
        boolean threadNamesIt = false;
        for (JsonNode t : r.get("threads")) threadNamesIt |= t.get("ioTarget").asString().equals(downstream);
        assertThat(threadNamesIt).isTrue();
    }

    @Test
    void aJdkRecordingNamesTheDownstreamByItsSocketEvents() throws Exception {
        ChildJvm[] s = service();
        Path jfr = dir.resolve("service.jfr");
        // profile settings record socket reads from 10 ms on; the downstream takes 20
        Jcmd.run(Long.toString(s[1].pid()), "JFR.start", "name=t", "settings=profile", "filename=" + jfr);
        Thread.sleep(3000);
        Jcmd.run(Long.toString(s[1].pid()), "JFR.stop", "name=t");
        Jbound.Run run = Jbound.run("report", jfr.toString(), "--format", "json");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        JsonNode top = first(run.json().get("io").get("targets"));
        assertThat(top.get("name").asString()).isEqualTo("127.0.0.1:" + port(s[0]));
        assertThat(top.get("kind").asString()).isEqualTo("endpoint");
        // without the OS, neither the process behind it nor the connections are known
        assertThat(top.get("localPid").isNull()).isTrue();
        assertThat(top.get("connections").isNull()).isTrue();
    }

    @Test
    void theDiskDemosFlushesGoToItsFiles() {
        Jbound.Run run = Jbound.run("demo", "disk", "--duration", "3s");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("I/O WAITS ON");
        Jbound.Run json = Jbound.run("demo", "disk", "--duration", "3s", "--format", "json");
        JsonNode top = first(json.json().get("io").get("targets"));
        // Named by the file the OS saw each writer flush (the demo deletes its files once open, and the
        // kernel says so); on a loaded machine the paced polls may catch a writer only running, and
        // then its frame names the flush.
        if (top.get("kind").asString().equals("file")) {
            assertThat(top.get("name").asString()).matches(".*/fsync-writer-[0-9]+\\.dat( \\(deleted\\))?");
        } else {
            assertThat(top.get("name").asString()).as("%s", json.json().get("io")).startsWith("files (path not seen)").contains("force0");
        }
    }
}

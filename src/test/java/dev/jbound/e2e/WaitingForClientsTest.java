package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.DecidingShare;
import dev.jbound.support.Jbound;
import dev.jbound.support.servers.Clients;
import dev.jbound.support.servers.HttpServerMain;
import dev.jbound.support.servers.LineServer;
import dev.jbound.support.servers.ServerGroup;
import dev.jbound.support.servers.SelectorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers waiting for their clients are idle, whatever framework they are written with: a
 * thread-per-connection server holding idle connections, the JDK's HTTP server with keep-alive
 * connections, an event loop, an accept loop. Each server runs in its own JVM and its clients in
 * another, as in production; jbound attaches to the server. The same servers under load read as
 * what they then do: CPU work per request, or waiting on a downstream service in a third process.
 * Nothing here names a server's classes: the OS's view of the sockets decides.
 */
@ParameterizedClass(name = "--recorder {0}")
@ValueSource(strings = {"async", "jfr"})
class WaitingForClientsTest {

    private static final int IDLE_CONNECTIONS = 20;

    @Parameter
    String recorder;

    private final ServerGroup started = new ServerGroup();

    @org.junit.jupiter.api.AfterEach
    void stop() {
        started.close();
    }

    private ChildJvm server(Class<?> main, String... args) throws IOException {
        return started.start(main, args);
    }

    private static String port(ChildJvm server) {
        return ServerGroup.port(server);
    }

    private void clients(String mode, String protocol, ChildJvm server, int connections) throws IOException {
        started.add(ChildJvm.start(Clients.class.getName(), List.of("-Xmx32m"), mode, protocol, port(server),
                Integer.toString(connections)));
    }

    private JsonNode attach(ChildJvm target) {
        Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "3s", "--format", "json",
                "--recorder", recorder);
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        return run.json();
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertVerdict(JsonNode report) {
        return assertThat(report.get("verdict").get("class").asString())
                .as("verdict of %s %s threads %s notes %s", report.get("verdict"), report.get("breakdown"),
                        report.get("threads"), report.get("notes"));
    }

    @Test
    void anAcceptLoopWithNoClientsIsIdle() throws IOException {
        ChildJvm server = server(LineServer.class, "0", "accept-only");
        assertVerdict(attach(server)).isEqualTo("idle");
    }

    @Test
    void aThreadPerConnectionServerHoldingIdleConnectionsIsIdle() throws IOException {
        ChildJvm server = server(LineServer.class, "0");
        clients("idle", "line", server, IDLE_CONNECTIONS);
        assertVerdict(attach(server)).isEqualTo("idle");
    }

    @Test
    void theJdkHttpServerWithIdleKeepAliveConnectionsIsIdle() throws IOException {
        ChildJvm server = server(HttpServerMain.class, "0");
        clients("idle", "http", server, IDLE_CONNECTIONS);
        assertVerdict(attach(server)).isEqualTo("idle");
    }

    @Test
    void anEventLoopWithNothingReadyIsIdle() throws IOException {
        ChildJvm server = server(SelectorServer.class, "0");
        clients("idle", "line", server, IDLE_CONNECTIONS);
        assertVerdict(attach(server)).isEqualTo("idle");
    }

    @Test
    void aThreadPerConnectionServerComputingForItsClientsIsCpuBound() throws IOException {
        ChildJvm server = server(LineServer.class, "3000");
        clients("load", "line", server, 2);
        JsonNode r = attach(server);
        assertVerdict(r).isIn("cpu-bound", "cpu-saturated");
        assertThat(DecidingShare.of(r, "io")).as("io share; %s", r.get("breakdown")).isLessThan(0.2);
    }

    @Test
    void anEventLoopComputingForItsClientsIsCpuBound() throws IOException {
        ChildJvm server = server(SelectorServer.class, "3000");
        clients("load", "line", server, 4);
        JsonNode r = attach(server);
        assertVerdict(r).isEqualTo("cpu-bound");
        assertThat(DecidingShare.of(r, "io")).as("io share; %s", r.get("breakdown")).isLessThan(0.2);
    }

    @Test
    void anHttpServerWaitingOnItsDownstreamIsIoBound() throws IOException {
        ChildJvm downstream = server(LineServer.class, "0", "20");
        ChildJvm server = server(HttpServerMain.class, "0", port(downstream));
        clients("load", "http", server, HttpServerMain.WORKERS);
        JsonNode r = attach(server);
        assertVerdict(r).isEqualTo("io-bound");
        assertThat(DecidingShare.of(r, "io")).isGreaterThanOrEqualTo(0.6);
    }
}

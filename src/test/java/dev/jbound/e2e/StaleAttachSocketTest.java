package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.Nobody;
import dev.jbound.support.ReadableClasspath;
import dev.jbound.support.TargetMain;
import dev.jbound.target.TargetFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A JVM killed with SIGKILL leaves its attach socket, /tmp/.java_pidN, behind; a later process given
 * the same pid must still be attachable. (CI met it: pids wrap at 32768 in a long test run, and a
 * JVM started as nobody got a pid whose root-owned socket the attach client then could not open.)
 * Each test plants such a socket under a fresh JVM's pid before anything has attached to it.
 */
class StaleAttachSocketTest {
    @Test
    void aSocketOlderThanTheJvmIsClearedBeforeTheAttach() throws Exception {
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Path socket = plant(target.pid());
            Instant planted = Instant.now().minus(Duration.ofHours(1));
            Files.setLastModifiedTime(socket, FileTime.from(planted));
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("verdict").get("class").asString()).isEqualTo("cpu-bound");
            // the JVM's own socket took its place
            assertThat(Files.getLastModifiedTime(socket).toInstant()).isAfter(planted.plus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void aLiveJvmsSocketThatLooksOldIsLeftAlone() throws Exception {
        // as after the wall clock was stepped forward: the file's time says older than the JVM, but it listens
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Jbound.Run first = Jbound.run("dump", Long.toString(target.pid()));
            assertThat(first.exitCode()).as(first.err()).isZero();
            Path socket = Path.of("/tmp", ".java_pid" + target.pid());
            FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
            Files.setLastModifiedTime(socket, old);
            Jbound.Run again = Jbound.run("dump", Long.toString(target.pid()));
            assertThat(again.exitCode()).as(again.err()).isZero();
            // removed, the JVM would have made a new one at the second attach, with the time of its making
            assertThat(Files.getLastModifiedTime(socket).toInstant()).as("the same socket, not removed and made anew")
                    .isBefore(Instant.now().minus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void aSocketOfAnotherUserIsClearedBeforeADump() throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root to give the socket to another user");
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            Path socket = plant(target.pid());
            Files.setAttribute(socket, "unix:uid", 65534);
            Jbound.Run run = Jbound.run("dump", Long.toString(target.pid()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("jbound dump · pid " + target.pid());
            assertThat(Files.getAttribute(socket, "unix:uid")).isEqualTo(0);
        }
    }

    @Test
    void rootAttachesToANobodysJvmWhosePidHadARootJvmsSocket() throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        try (ChildJvm target = ChildJvm.startAsNobody(TargetMain.class.getName(), List.of("-Xmx64m"))) {
            plant(target.pid());
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("verdict").get("class").asString()).isEqualTo("cpu-bound");
        }
    }

    @Test
    void aUserWhoCannotRemoveTheSocketIsToldWhichAndWhoMay(@TempDir Path tmp) throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root to start jbound as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        String classpath = ReadableClasspath.copyTo(tmp);
        try (ChildJvm target = ChildJvm.startAsNobody(TargetMain.class.getName(), List.of("-Xmx64m"))) {
            Path socket = plant(target.pid());
            try {
                // nobody's jbound, nobody's JVM, root's socket in the sticky /tmp: only root may remove it
                List<String> cmd = new java.util.ArrayList<>(Nobody.PREFIX);
                cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + tmp,
                        "-cp", classpath, "dev.jbound.Main", "attach", Long.toString(target.pid()), "--duration", "1s"));
                Process p = new ProcessBuilder(cmd).start();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(err).isEqualTo(3);
                assertThat(err.lines().toList()).as(err).hasSize(1);
                assertThat(err).contains("cannot attach to pid " + target.pid(), "stale socket",
                        ".java_pid" + target.pid(), "uid 0", "remove it as its owner or root");
                assertThat(Files.exists(socket)).isTrue();
            } finally {
                Files.deleteIfExists(socket);
            }
        }
    }

    /** A socket nothing listens on, where the JVM of {@code pid} would make its own: what SIGKILL leaves. */
    private static Path plant(long pid) throws Exception {
        Path socket = Path.of("/tmp", ".java_pid" + pid);
        // nothing has attached to the fresh JVM yet: a file here is already what this plants, left by
        // an earlier JVM of this pid (the suite's own, killed; pids wrap)
        Files.deleteIfExists(socket);
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(socket));
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        return socket;
    }
}

package dev.jbound.e2e;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Nobody;
import dev.jbound.support.ReadableClasspath;
import dev.jbound.support.TargetMain;
import dev.jbound.target.TargetFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An unprivileged jbound and another user's JVM: one line that says whose it is, exit 3. */
class OtherUserTest {

    @Test
    void anUnprivilegedUserIsToldWhoOwnsTheJvm(@TempDir Path tmp) throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root to start jbound as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ChildJvm rootJvm = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            List<String> cmd = new ArrayList<>(Nobody.PREFIX);
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + tmp,
                    "-cp", ReadableClasspath.copyTo(tmp), "dev.jbound.Main", "attach", Long.toString(rootJvm.pid()), "--duration", "1s"));
            Process p = new ProcessBuilder(cmd).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isEqualTo(3);
            assertThat(err.lines().findFirst().orElse("")).contains("belongs to user root").contains("sudo -u root");
            assertThat(err).doesNotContain("\tat ");
        }
    }

    @Test
    void psAsAnUnprivilegedUserListsAnotherUsersJvmAsNotAttachable(@TempDir Path tmp) throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root to start jbound as another user");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ChildJvm rootJvm = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            // nobody may not read root's /proc/PID/maps, environ or exe: ps must go by the command line
            List<String> cmd = new ArrayList<>(Nobody.PREFIX);
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + tmp,
                    "-cp", ReadableClasspath.copyTo(tmp), "dev.jbound.Main", "ps", "--format", "json"));
            Process p = new ProcessBuilder(cmd).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            var json = dev.jbound.support.JsonDocs.parse(out);
            var row = java.util.stream.StreamSupport.stream(json.get("jvms").spliterator(), false)
                    .filter(j -> j.get("pid").asLong() == rootJvm.pid()).findFirst()
                    .orElseThrow(() -> new AssertionError("pid " + rootJvm.pid() + " not listed: " + out));
            assertThat(row.get("mainClass").asString()).isEqualTo(TargetMain.class.getName());
            assertThat(row.get("user").asString()).isEqualTo("root");
            assertThat(row.get("attachable").asBoolean()).isFalse();
            assertThat(row.get("notAttachableReason").asString()).isEqualTo("other user");
            assertThat(row.get("jvmConfirmed").asBoolean()).isFalse();
            assertThat(row.get("threads").asInt()).isGreaterThanOrEqualTo(5);
        }
    }
}

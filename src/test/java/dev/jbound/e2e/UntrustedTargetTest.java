package dev.jbound.e2e;

import dev.jbound.record.NativeProfiler;
import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetMain;
import dev.jbound.target.TargetFinder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Targets are other people's programs: their names are untrusted, their users are not ours. */
class UntrustedTargetTest {

    @Test
    void aThreadNamedWithEscapesAndNewlinesCannotAlterTheTerminal() throws Exception {
        String evil = "evil\u001b[2J\u001b[31m\nVERDICT idle (forged)\r\u202Egnirts";
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of(), evil)) {
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("\u001b", "\r", "\u202E");
            assertThat(run.out().lines()).noneMatch(l -> l.startsWith("VERDICT idle"));
            // the name is still there, visibly escaped, where the report names the pool
            assertThat(run.out()).contains("evil\\x1b[2J\\x1b[31m\\x0aVERDICT idle");
            // JSON keeps the real name, escaped by JSON's own rules
            Jbound.Run json = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(json.out()).doesNotContain("\u001b");
            assertThat(json.json().get("threads").toString()).contains("evil\\u001B[2J");
        }
    }

    @Test
    void aHostileThreadNameBecomesAnInertLabelValueInWatchsMetrics(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String evil = "evil\u001b[2J\u001b[31m\nVERDICT{pool=\"x\"} 1\r\u202Egnirts";
        try (ChildJvm target = ChildJvm.start(TargetMain.class.getName(), List.of(), evil)) {
            Jbound.Run run = Jbound.run("watch", Long.toString(target.pid()), "--window", "1s", "--every", "1s", "--rounds", "1",
                    "--textfile", dir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            String prom = Files.readString(dir.resolve("jbound.prom"));
            assertThat(prom).doesNotContain("\u001b", "\r");
            // every line is a comment or one series: the name's newline and quotes forged none
            assertThat(prom.lines()).allMatch(l -> l.startsWith("#") || l.startsWith("jbound_"));
            assertThat(prom).contains("pool=\"evil?[2J?[31m?VERDICT{pool=\\\"x\\\"} 1?\u202Egnirts\"");
            assertThat(run.err()).doesNotContain("\u001b");
        }
    }

    @Test
    void rootAttachesToAnotherUsersJvmThroughALibraryOnlyRootCanWrite() throws Exception {
        assumeTrue(TargetFinder.currentUid() == 0, "needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
        // the target runs as nobody, from classes anyone can read
        try (ChildJvm target = ChildJvm.startAsNobody(TargetMain.class.getName(), List.of("-Xmx64m"))) {
            assertThat(Files.getOwner(Path.of("/proc", Long.toString(target.pid()))).getName()).isEqualTo("nobody");
            Jbound.Run run = Jbound.run("attach", Long.toString(target.pid()), "--duration", "1s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("verdict").get("class").asString()).isEqualTo("cpu-bound");
        }
        Path lib = NativeProfiler.unpack().library();
        for (Path p = lib; p != null; p = p.getParent()) {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            boolean sticky = (mode & 01000) != 0;
            assertThat(owner).as("owner of %s", p).isZero();
            if (!sticky) assertThat(mode & 0022).as("group/other write bits of %s", p).isZero();
        }
    }
}

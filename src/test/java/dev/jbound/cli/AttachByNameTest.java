package dev.jbound.cli;

import dev.jbound.support.ChildJvm;
import dev.jbound.support.Jbound;
import dev.jbound.support.TargetJar;
import dev.jbound.support.TargetMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jbound attach NAME. The machine is shared and other test suites start JVMs too, so a name meant
 * to be unique is made so (a jar with a random name), and an ambiguous one is checked for its pids.
 */
class AttachByNameTest {

    @Test
    void aNameThatMatchesOneJvmProfilesIt(@TempDir Path dir) throws Exception {
        String name = "jbound-ps-" + UUID.randomUUID().toString().substring(0, 8);
        Path jar = TargetJar.write(dir.resolve(name + "-target.jar"));
        try (ChildJvm child = ChildJvm.startJar(jar, List.of())) {
            // a part of the jar's path, as jps -l shows it
            Jbound.Run run = Jbound.run("attach", name, "--duration", "1s", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("target").get("pid").asLong()).isEqualTo(child.pid());
            assertThat(run.json().get("target").get("mainClass").asString()).isEqualTo(jar.toString());
            assertThat(run.json().get("verdict").get("class").asString()).isEqualTo("cpu-bound");
        }
    }

    @Test
    void aNameThatMatchesSeveralJvmsIsExit3ListingThem() throws Exception {
        try (ChildJvm first = ChildJvm.start(TargetMain.class.getName(), List.of());
             ChildJvm second = ChildJvm.start(TargetMain.class.getName(), List.of())) {
            // part of the main class, not all of it nor its simple name
            Jbound.Run run = Jbound.run("attach", "support.TargetMain", "--duration", "1s");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.TARGET);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("jbound: 'support.TargetMain' matches ")
                    .contains(first.pid() + " " + TargetMain.class.getName(), second.pid() + " " + TargetMain.class.getName())
                    .contains("; pass a pid");
            // neither was disturbed: nothing attached to them
            assertThat(first.process().isAlive()).isTrue();
            assertThat(second.process().isAlive()).isTrue();
        }
    }

    @Test
    void aNameThatMatchesNoJvmIsExit3WithAHint() {
        String name = "NoSuchMain" + UUID.randomUUID().toString().replace("-", "");
        Jbound.Run run = Jbound.run("attach", name, "--duration", "1s");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.TARGET);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("jbound: no JVM matches '" + name + "' (list them with: jbound ps)" + System.lineSeparator());
    }

    @Test
    void aNameIsMatchedCaseSensitively(@TempDir Path dir) throws Exception {
        String name = "jbound-ps-" + UUID.randomUUID().toString().substring(0, 8);
        try (ChildJvm ignored = ChildJvm.startJar(TargetJar.write(dir.resolve(name + ".jar")), List.of())) {
            Jbound.Run run = Jbound.run("attach", name.toUpperCase(java.util.Locale.ROOT), "--duration", "1s");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.TARGET);
            assertThat(run.err()).contains("no JVM matches");
        }
    }
}

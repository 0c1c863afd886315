package dev.jbound.dist;

import dev.jbound.support.BashCompletion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The distribution archive that package made (target/jbound-VERSION.tar.gz), as a user gets it:
 * unpacked with tar, installed with install.sh under a prefix, then run, read with man and
 * completed in bash. Runs under failsafe, after package.
 */
class DistributionIT {
    private static final String VERSION = System.getProperty("jbound.version", "0.1.0-SNAPSHOT");
    private static final Path ARCHIVE = Path.of(System.getProperty("jbound.dist", "target/jbound-" + VERSION + ".tar.gz"));
    private static final List<String> COMMANDS = List.of("ps", "attach", "run", "report", "check", "diff", "dump", "top", "shell", "demo");

    @TempDir
    static Path tmp;
    static Path unpacked;
    static Path prefix;
    static Result install;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpackAndInstall() throws Exception {
        assertThat(ARCHIVE).as("run mvn package first").exists();
        // readable by nobody too, for the refusal test
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result untar = run(tmp, Map.of(), "tar", "xzf", ARCHIVE.toAbsolutePath().toString());
        assertThat(untar.exit()).as("tar: %s", untar.err()).isZero();
        unpacked = tmp.resolve("jbound-" + VERSION);
        prefix = tmp.resolve("prefix");
        install = run(unpacked, Map.of("PREFIX", prefix.toString()), "./install.sh");
        assertThat(install.exit()).as("install.sh: %s", install.err()).isZero();
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarManPagesCompletionsAndInstaller() throws Exception {
        assertThat(Files.isExecutable(unpacked.resolve("bin/jbound"))).isTrue();
        assertThat(Files.isExecutable(unpacked.resolve("install.sh"))).isTrue();
        assertThat(unpacked.resolve("lib/jbound.jar")).isRegularFile();
        assertThat(unpacked.resolve("lib/jbound.classlist")).isRegularFile();
        assertThat(unpacked.resolve("lib/jbound-analysis.classlist")).isRegularFile();
        assertThat(unpacked.resolve("completions/jbound.bash")).isRegularFile();
        assertThat(unpacked.resolve("completions/_jbound")).isRegularFile();
        assertThat(unpacked.resolve("completions/jbound.fish")).isRegularFile();
        assertThat(unpacked.resolve("man/jbound.1")).isRegularFile();
        for (String c : COMMANDS) assertThat(unpacked.resolve("man/jbound-" + c + ".1")).isRegularFile();
    }

    @Test
    void installPutsEveryFileWhereItsToolLooksForIt() throws IOException {
        assertThat(install.out()).startsWith("installed jbound under " + prefix + " (with a class-data archive");
        assertThat(Files.isExecutable(prefix.resolve("bin/jbound"))).isTrue();
        assertThat(prefix.resolve("lib/jbound/jbound.jar")).hasSameBinaryContentAs(unpacked.resolve("lib/jbound.jar"));
        assertThat(prefix.resolve("lib/jbound/jbound.jsa")).isRegularFile();
        assertThat(prefix.resolve("lib/jbound/jbound-analysis.jsa")).isRegularFile();
        assertThat(prefix.resolve("share/man/man1/jbound.1")).hasSameTextualContentAs(unpacked.resolve("man/jbound.1"));
        for (String c : COMMANDS) assertThat(prefix.resolve("share/man/man1/jbound-" + c + ".1")).isRegularFile();
        assertThat(prefix.resolve("share/bash-completion/completions/jbound")).hasSameTextualContentAs(unpacked.resolve("completions/jbound.bash"));
        assertThat(prefix.resolve("share/zsh/site-functions/_jbound")).hasSameTextualContentAs(unpacked.resolve("completions/_jbound"));
        assertThat(prefix.resolve("share/fish/vendor_completions.d/jbound.fish")).hasSameTextualContentAs(unpacked.resolve("completions/jbound.fish"));
    }

    @Test
    void theInstalledLauncherAnswersVersionAndHelp() throws Exception {
        Result version = run(tmp, Map.of(), prefix.resolve("bin/jbound").toString(), "--version");
        assertThat(version.exit()).as("stderr: %s", version.err()).isZero();
        assertThat(version.out()).startsWith("jbound " + VERSION + "\n");
        assertThat(version.err()).isEmpty();
        Result help = run(tmp, Map.of(), prefix.resolve("bin/jbound").toString(), "--help");
        assertThat(help.exit()).as("stderr: %s", help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: jbound").contains(COMMANDS);
    }

    @Test
    void theInstalledLauncherRunsOnTheClassDataArchiveInstallMade() throws Exception {
        // -Xshare:on makes the JVM fail where it would otherwise quietly start without the archive
        Result on = run(tmp, Map.of("JDK_JAVA_OPTIONS", "-Xshare:on"), prefix.resolve("bin/jbound").toString(), "--version");
        assertThat(on.exit()).as("the archive is not usable: %s", on.err()).isZero();
        // and the larger one, which the commands that read recordings start with
        Result report = run(tmp, Map.of("JDK_JAVA_OPTIONS", "-Xshare:on"), prefix.resolve("bin/jbound").toString(), "report", "--help");
        assertThat(report.exit()).as("the analysis archive is not usable: %s", report.err()).isZero();
    }

    @Test
    void theUnpackedArchiveRunsWithoutInstalling() throws Exception {
        Result version = run(tmp, Map.of(), unpacked.resolve("bin/jbound").toString(), "--version");
        assertThat(version.exit()).as("stderr: %s", version.err()).isZero();
        assertThat(version.out()).startsWith("jbound " + VERSION);
    }

    @Test
    void manShowsTheInstalledPages() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
        Result page = run(tmp, Map.of(), "man", "-l", prefix.resolve("share/man/man1/jbound.1").toString());
        assertThat(page.exit()).as("man: %s", page.err()).isZero();
        assertThat(page.out()).contains("jbound", "COMMANDS", "EXIT STATUS");
        // by name, as `man jbound-attach` finds it when PREFIX/share/man is on the manual path
        Result byName = run(tmp, Map.of(), "man", "-M", prefix.resolve("share/man").toString(), "jbound-attach");
        assertThat(byName.exit()).as("man: %s", byName.err()).isZero();
        assertThat(byName.out()).contains("--duration", "EXIT STATUS");
    }

    @Test
    void theInstalledBashCompletionCompletesSubcommandsAndOptions() throws Exception {
        Path script = prefix.resolve("share/bash-completion/completions/jbound");
        assertThat(BashCompletion.complete(script, "_complete_jbound", "jbound", "")).containsAll(COMMANDS);
        assertThat(BashCompletion.complete(script, "_complete_jbound", "jbound", "at")).containsExactly("attach");
        assertThat(BashCompletion.complete(script, "_complete_jbound", "jbound", "ps", "--format", "")).contains("text", "json");
    }

    @Test
    void installingAgainWithPrefixOptionReplacesTheFilesAndTheArchive() throws Exception {
        Path other = tmp.resolve("again");
        Result first = run(unpacked, Map.of(), "./install.sh", "--prefix", other.toString());
        assertThat(first.exit()).as("install.sh: %s", first.err()).isZero();
        // the JVM writes the archive read-only; a second install must still replace it
        Result second = run(unpacked, Map.of(), "./install.sh", "--prefix=" + other);
        assertThat(second.exit()).as("install.sh: %s", second.err()).isZero();
        Result on = run(tmp, Map.of("JDK_JAVA_OPTIONS", "-Xshare:on"), other.resolve("bin/jbound").toString(), "--version");
        assertThat(on.exit()).as("stderr: %s", on.err()).isZero();
    }

    @Test
    void destdirStagesTheFilesUnderThePrefixWithoutAnArchive() throws Exception {
        Path stage = tmp.resolve("stage");
        Result staged = run(unpacked, Map.of("DESTDIR", stage.toString(), "PREFIX", "/opt/jbound"), "./install.sh");
        assertThat(staged.exit()).as("install.sh: %s", staged.err()).isZero();
        assertThat(stage.resolve("opt/jbound/lib/jbound/jbound.jar")).isRegularFile();
        assertThat(stage.resolve("opt/jbound/share/man/man1/jbound.1")).isRegularFile();
        assertThat(stage.resolve("opt/jbound/lib/jbound/jbound.jsa")).doesNotExist();
        assertThat(stage.resolve("opt/jbound/lib/jbound/jbound-analysis.jsa")).doesNotExist();
        Result version = run(tmp, Map.of(), stage.resolve("opt/jbound/bin/jbound").toString(), "--version");
        assertThat(version.exit()).as("stderr: %s", version.err()).isZero();
    }

    @Test
    void aPrefixItCannotWriteIsRefusedInOneLineBeforeAnythingIsCopied() throws Exception {
        Path locked = tmp.resolve("locked");
        Files.createDirectories(locked);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // root may write anywhere: refuse as nobody, who may not write to root's directory
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv");
            command.addAll(dev.jbound.support.Nobody.PREFIX);
        } else {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        command.addAll(List.of("./install.sh", "--prefix", locked.resolve("jbound").toString()));
        Result refused = run(unpacked, Map.of(), command.toArray(String[]::new));
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err().lines().toList()).singleElement().asString()
                .startsWith("install.sh: cannot write to " + locked + ";");
        try (Stream<Path> left = Files.list(locked)) {
            assertThat(left).isEmpty();
        }
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // install.sh and the launcher run the java of JAVA_HOME: this JVM's, so that the archive
        // install.sh makes is one the launcher's JVM accepts
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8).replaceAll("(?m)^NOTE: Picked up JDK_JAVA_OPTIONS: .*\n", "");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}

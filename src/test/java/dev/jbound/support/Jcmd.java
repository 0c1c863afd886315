package dev.jbound.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's own jcmd, for tests that make recordings as a user would ({@code jcmd PID JFR.start ...}). */
public final class Jcmd {

    private Jcmd() {
    }

    /** Runs this JDK's jcmd with {@code args}; fails the test unless it exits 0 within 30 s. */
    public static String run(String... args) throws Exception {
        return run(Path.of(System.getProperty("java.home"), "bin", "java"), args);
    }

    /** Runs the jcmd beside {@code java} (another JDK's, for a target on it). */
    public static String run(Path java, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s still running", cmd).isTrue();
        assertThat(p.exitValue()).as("%s: %s", cmd, out).isZero();
        return out;
    }
}

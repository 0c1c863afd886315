package dev.jbound.e2e;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The example alerting rules (examples/prometheus) load in Prometheus and fire when their tests say. */
class WatchAlertRulesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path DIR = Path.of("examples/prometheus");

    private static String promtool(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(java.util.List.of(PROMTOOL.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theLockBoundAlertFiresAfterTenMinutesOfLockBoundWindowsAndNotBefore() throws Exception {
        if (System.getenv("JBOUND_CI") == null) assumeTrue(Files.isExecutable(PROMTOOL), "needs Debian's prometheus (promtool)");
        assertThat(promtool("check", "rules", "jbound-alerts.yml")).contains("SUCCESS: 2 rules found");
        assertThat(promtool("test", "rules", "jbound-alerts.test.yml")).contains("SUCCESS");
    }
}

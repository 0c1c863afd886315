package dev.jbound.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium, headless, for the pages jbound writes: the DOM after scripts ran, what the
 * page logged to its console, and a screenshot. Without chromium the tests are skipped, except
 * under .ci/run (JBOUND_CI set), which installs it: there a missing browser is a failure.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The DOM, and chromium's log with the page's console messages ("CONSOLE" lines) and uncaught errors. */
    public record Loaded(String dom, String log) {
    }

    private Browser() {
    }

    public static void require() {
        if (Files.isExecutable(CHROMIUM)) return;
        if (System.getenv("JBOUND_CI") != null) fail("chromium is missing: .ci/run installs it (apt-get install chromium)");
        assumeTrue(false, "needs chromium (apt-get install chromium)");
    }

    public static Loaded load(Path page) throws IOException, InterruptedException {
        Path log = Files.createTempFile("chromium", ".log");
        String dom = run(log, List.of("--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom",
                page.toUri().toString()));
        return new Loaded(dom, Files.readString(log, StandardCharsets.UTF_8));
    }

    public static void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(Files.createTempFile("chromium", ".log"), List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--virtual-time-budget=3000", "--screenshot=" + png, page.toUri().toString()));
    }

    private static String run(Path log, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        return out;
    }
}

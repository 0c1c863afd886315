package dev.jbound.e2e;

import dev.jbound.support.Browser;
import dev.jbound.support.Jbound;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --html and --flame pages of a live recording, opened in headless chromium: they load without a
 * console message or error, fetch nothing, show the verdict, the phases and each thread's lane,
 * and the screenshot holds the colours of the chart.
 */
class HtmlPagesTest {
    @TempDir
    static Path dir;
    static Path html;
    static Path flame;

    @BeforeAll
    static void record() {
        Browser.require();
        html = dir.resolve("report.html");
        flame = dir.resolve("flame.html");
        Jbound.Run run = Jbound.run("demo", "burst", "--duration", "8s", "--html", html.toString(), "--flame", flame.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("jbound: wrote " + html, "jbound: wrote " + flame);
    }

    @Test
    void theReportLoadsCleanlyAndShowsVerdictPhasesLanesAndFlameGraphs() throws Exception {
        String page = Files.readString(html);
        // self-contained: no script, stylesheet, image or font comes from elsewhere
        assertThat(page).doesNotContainPattern("(?i)<(script|link|img)[^>]+(src|href)=\"?https?:")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:");
        Browser.Loaded loaded = Browser.load(html);
        assertThat(loaded.log()).doesNotContain("CONSOLE").doesNotContain("Uncaught");
        assertThat(loaded.dom()).containsPattern("id=\"verdict\"[^>]*>cpu-bound<")
                .contains("Strategy:", "id=\"breakdown\"", "id=\"timeline\"", "burst-worker-1", "burst-worker-2")
                .contains("Phases: <b>").containsPattern("<b>(idle|cpu-bound)</b> [\\d.]+–[\\d.]+ s → <b>(cpu-bound|idle)</b>")
                .contains("Where the CPU time goes", "srcdoc=", "sun.security.provider");
    }

    @Test
    void theFlamePageLoadsCleanly() throws Exception {
        Browser.Loaded loaded = Browser.load(flame);
        assertThat(loaded.log()).doesNotContain("CONSOLE").doesNotContain("Uncaught");
        assertThat(loaded.dom()).contains("id=\"verdict\"", "Where the CPU time goes", "Where threads wait", "<iframe");
    }

    @Test
    void aScreenshotShowsTheChartInItsColours() throws Exception {
        Path png = dir.resolve("report.png");
        Browser.screenshot(html, png, 1280, 1400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) colours.add(image.getRGB(x, y) & 0xffffff);
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        // cpu green (the verdict and the bars) and the idle phase's grey are drawn
        assertThat(colours).contains(0x2e9d4b, 0x9a9a9a);
    }
}

package dev.jbound.render;

import dev.jbound.analyze.Analyzer;
import dev.jbound.analyze.FlameStacks;
import dev.jbound.analyze.StackStates;
import dev.jbound.load.JfrLoader;
import dev.jbound.model.Recording;
import dev.jbound.model.Report;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The target's text in the HTML page (its main class, notes naming its threads) stays text. */
class HtmlReportTest {

    @Test
    void theTargetsTextCannotOpenATagOrEndAnAttribute() throws Exception {
        StackStates states = new StackStates();
        Recording rec = JfrLoader.load(Path.of("src/test/resources/recordings/lock.jfr"), states);
        Report r = Analyzer.analyze(new Analyzer.Input(rec, null, null,
                new Report.Target(42, "<script>alert(1)</script>", "17\"><b>"), "async-profiler",
                List.of("\"><img src=x onerror=alert(2)>"), states, 2));
        StringWriter html = new StringWriter();
        HtmlReport.render(r, FlameStacks.of(rec, states), new PrintWriter(html));
        assertThat(html.toString()).doesNotContain("<script>alert", "<img src=x", "17\"><b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")
                // the only script on the page is async-profiler's, inside the flame graphs' srcdoc (escaped)
                .doesNotContain("<script");
    }
}

package dev.jbound.export;

import dev.jbound.model.Report;
import dev.jbound.profile.RecordedProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The series watch keeps, fed with the reports of kept recordings. */
class WatchSeriesTest {

    private static Report report(String recording) throws Exception {
        return RecordedProfile.analyze(Path.of("src/test/resources/recordings", recording));
    }

    private static Set<String> values(WatchSeries s, WatchSeries.Family f, String label) {
        int i = f.labelNames().indexOf(label);
        return s.points().stream().filter(p -> p.family() == f).map(p -> p.labelValues().get(i)).collect(Collectors.toSet());
    }

    @Test
    void countersAddUpOverWindowsAndTheClassIsTheLastWindows() throws Exception {
        WatchSeries s = new WatchSeries(10);
        Report lock = report("lock.jfr");
        s.window("com.acme.Book", 42, lock);
        s.window("com.acme.Book", 42, lock);
        double windows = s.points().stream().filter(p -> p.family() == WatchSeries.WINDOWS).mapToDouble(WatchSeries.Point::value).sum();
        assertThat(windows).isEqualTo(2);
        assertThat(values(s, WatchSeries.LOCK_WAIT_SECONDS, "lock")).isNotEmpty();
        s.window("com.acme.Book", 42, report("cpu.jfr"));
        assertThat(s.points().stream().filter(p -> p.family() == WatchSeries.CLASS && p.labelValues().get(2).isEmpty())
                .map(p -> p.labelValues().get(3)).toList()).containsExactly("cpu-bound");
    }

    @Test
    void aJvmsPoolsBeyondTopFoldIntoOtherAndGoneJvmsLoseTheirSeries() throws Exception {
        WatchSeries s = new WatchSeries(1);
        Report mixed = report("mixed.jfr");
        assertThat(mixed.pools().size()).isGreaterThan(1);
        s.window("svc", 7, mixed);
        Set<String> pools = values(s, WatchSeries.STATE_SECONDS, "pool");
        assertThat(pools).hasSize(2).contains(WatchSeries.OTHER);
        s.window("other-svc", 8, mixed);
        int before = s.size();
        s.gone(7);
        assertThat(s.size()).isLessThan(before);
        assertThat(values(s, WatchSeries.WINDOWS, "pid")).containsExactly("8");
    }

    @Test
    void hostileNamesBecomeLabelValuesWithoutControlCharactersAndOfBoundedLength() throws Exception {
        WatchSeries s = new WatchSeries(10);
        String evil = "evil\u001b[31m\n\"quoted\"\\back\u0085" + "x".repeat(500);
        s.window(evil, 1, report("idle.jfr"));
        String jvm = values(s, WatchSeries.WINDOWS, "jvm").iterator().next();
        assertThat(jvm).doesNotContain("\u001b", "\n", "\u0085").startsWith("evil?[31m?\"quoted\"\\back?")
                .hasSize(WatchSeries.MAX_LABEL_LENGTH);
        // the text format escapes what is left, so the exposition stays one line per series
        String text = new String(textOf(s), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.startsWith("jbound_windows_total")).toList()).hasSize(1);
        assertThat(text).contains("jvm=\"evil?[31m?\\\"quoted\\\"\\\\back?");
    }

    @Test
    void aSurrogatePairIsNotCutInHalf() {
        String s = "a".repeat(WatchSeries.MAX_LABEL_LENGTH - 1) + "\uD83D\uDE00";
        assertThat(WatchSeries.labelValue(s)).hasSize(WatchSeries.MAX_LABEL_LENGTH - 1);
    }

    private static byte[] textOf(WatchSeries s) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter.create().write(out, PrometheusExposition.snapshots(s));
        return out.toByteArray();
    }

    @Test
    void everyFamilyIsExposedUnderItsDocumentedName() throws Exception {
        WatchSeries s = new WatchSeries(10);
        s.window("svc", 7, report("lock.jfr"));
        s.failed("svc", 9);
        s.ownCpu(1.5);
        String text = new String(textOf(s), java.nio.charset.StandardCharsets.UTF_8);
        for (String name : List.of("jbound_state_seconds_total", "jbound_window_seconds_total", "jbound_windows_total",
                "jbound_class_info", "jbound_confidence", "jbound_lock_wait_seconds_total", "jbound_samples_total",
                "jbound_up", "jbound_failures_total", "jbound_own_cpu_seconds_total")) {
            assertThat(text).as(name).contains("\n" + name);
        }
    }
}

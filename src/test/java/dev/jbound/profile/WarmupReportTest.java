package dev.jbound.profile;

import dev.jbound.model.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up reads the small recording the jar carries, not the in-memory stand-in: without the
 * file (it was once kept out of the repository by .gitignore) a window's reader meets cold classes.
 */
class WarmupReportTest {

    @Test
    void theWarmUpAnalysesTheRecordingTheJarCarries() {
        assertThat(WarmupReport.class.getResource("warmup.jfr")).as("dev/jbound/profile/warmup.jfr on the class path").isNotNull();
        Report r = WarmupReport.analyze();
        // the stand-in has one wall sample of one thread and no recorder; the file is an async-profiler window of the idle demo
        assertThat(r.sampling().recorder()).isEqualTo("async-profiler");
        assertThat(r.sampling().cpuSamples() + r.sampling().wallSamples()).isGreaterThan(10);
    }
}

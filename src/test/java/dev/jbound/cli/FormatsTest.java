package dev.jbound.cli;

import dev.jbound.model.CheckResult;
import dev.jbound.model.JvmScan;
import dev.jbound.model.Report;
import dev.jbound.model.ReportDiff;
import dev.jbound.model.RunReport;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.render.Format;
import dev.jbound.render.Renderers;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every format a command offers has a renderer in the one registry, and no other is offered. */
class FormatsTest {

    @Test
    void eachDocumentWithTextAndJsonHasBothAndOnlyThose() {
        for (Class<?> document : List.of(Report.class, RunReport.class, ReportDiff.class, JvmScan.class, ThreadSnapshot.class)) {
            assertThat(Renderers.formats(document)).as(document.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(OutputFormat.values()).map(OutputFormat::format).toList());
        }
    }

    @Test
    void checkOffersExactlyTheFormatsItsResultHas() {
        assertThat(Renderers.formats(CheckResult.class))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CheckFormat.values()).map(CheckFormat::format).toList());
    }

    @Test
    void aPairWithoutARendererIsRefusedByName() {
        assertThatThrownBy(() -> Renderers.of(Report.class, Format.junit, Renderers.Terminal.PLAIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Report has no junit format");
    }
}

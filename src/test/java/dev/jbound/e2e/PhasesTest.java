package dev.jbound.e2e;

import dev.jbound.support.Jbound;
import dev.jbound.support.JsonDocs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workload whose class changes within the window (the burst demo: 3 s hashing, 3 s asleep):
 * the JSON carries the slices and the phases, the lanes show it thread by thread, and the text
 * report says when the class changed and to what.
 */
class PhasesTest {

    @Test
    void aWorkloadInBurstsShowsItsPhasesInJsonAndText() {
        Jbound.Run json = Jbound.run("demo", "burst", "--duration", "10s", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode t = JsonDocs.parse(json.out()).get("timeline");
        assertThat(t.get("sliceMs").asDouble()).isEqualTo(1000.0);
        // the window is the 10 s asked for plus the profiler's stop, which a loaded machine may stretch past 1 s
        assertThat(t.get("slices").size()).isBetween(10, 12);
        List<String> phases = new ArrayList<>();
        t.get("phases").forEach(p -> phases.add(p.get("class").asString()));
        // 10 s of 3 s busy / 3 s asleep holds at least one turn each way
        assertThat(phases).hasSizeGreaterThanOrEqualTo(3).contains("cpu-bound", "idle");
        for (int i = 1; i < phases.size(); i++) assertThat(phases.get(i)).isNotEqualTo(phases.get(i - 1));
        // the phases tile the window
        double end = 0;
        for (JsonNode p : t.get("phases")) {
            assertThat(p.get("startMs").asDouble()).isCloseTo(end, org.assertj.core.data.Offset.offset(1.0));
            end = p.get("startMs").asDouble() + p.get("lengthMs").asDouble();
        }
        // each worker's lane holds busy seconds and asleep ones
        JsonNode lane = t.get("lanes").get(0);
        assertThat(lane.get("name").asString()).startsWith("burst-worker-");
        assertThat(lane.get("states").asString()).contains("C", ".").hasSize(t.get("slices").size());
        // one worker a core, each burst fills the cores: the pauses are not work too narrow for them
        JsonNode strategy = JsonDocs.parse(json.out()).get("strategy");
        assertThat(strategy.get("headline").asString()).as("%s", strategy).isEqualTo("pool = cores = " + Runtime.getRuntime().availableProcessors());

        Jbound.Run text = Jbound.run("demo", "burst", "--duration", "8s");
        assertThat(text.out()).contains("PHASES ").containsPattern("at \\d+\\.\\d s the workload turned from (idle to cpu-bound|cpu-bound to idle)");
    }

    @Test
    void aSteadyWorkloadHasOnePhaseAndNoPhasesSection() {
        Jbound.Run json = Jbound.run("demo", "cpu", "--duration", "4s", "--format", "json");
        JsonNode t = JsonDocs.parse(json.out()).get("timeline");
        assertThat(t.get("phases")).hasSize(1);
        assertThat(t.get("phases").get(0).get("class").asString()).isEqualTo("cpu-bound");
        assertThat(Jbound.run("demo", "cpu", "--duration", "3s").out()).doesNotContain("PHASES");
    }
}

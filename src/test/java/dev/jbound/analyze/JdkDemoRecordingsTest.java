package dev.jbound.analyze;

import dev.jbound.model.Report;
import dev.jbound.model.ThreadState;
import dev.jbound.model.Verdict;
import dev.jbound.profile.RecordedProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo workload, recorded by the JDK itself with its default and its profile settings
 * ({@code jcmd PID JFR.start settings=...}; {@code bench/run.sh routes} with
 * {@code -Dbench.routes.keep=DIR} makes them), read without the OS sensor. Each verdict is the class
 * a live attach gives the workload, or a low-confidence verdict that says why and what to record
 * next. The verdicts, shares and confidences are kept in golden/jdk-demos.txt: a change to the
 * analysis that moves one shows there (re-record with {@code -Djbound.golden.update=true} and say
 * why in the commit).
 */
class JdkDemoRecordingsTest {

    private static final Path RECORDINGS = Path.of("src/test/resources/recordings/jdk");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/jdk-demos.txt");

    /** What `jbound attach` says of each demo live, through both recorders (WorkloadVerdictTest, bench/run.sh routes). */
    private static final Map<String, String> LIVE = Map.ofEntries(
            Map.entry("cpu", "cpu-bound"), Map.entry("cpu-single", "cpu-bound"), Map.entry("io", "io-bound"),
            Map.entry("disk", "io-bound"), Map.entry("lock", "lock-bound"), Map.entry("rlock", "lock-bound"),
            Map.entry("idle", "idle"), Map.entry("idle-pool", "cpu-bound"), Map.entry("gc", "gc-bound"),
            Map.entry("virtual-io", "io-bound"), Map.entry("burst", "cpu-bound"), Map.entry("mixed", "mixed"));

    @Test
    void everyDemoRecordedByTheJdkGetsItsLiveClassOrSaysWhyNot() throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String demo : LIVE.keySet().stream().sorted().toList()) {
            for (String settings : new String[]{"default", "profile"}) {
                String name = demo + "-" + settings;
                Report r = RecordedProfile.analyze(RECORDINGS.resolve(name + ".jfr"));
                Verdict v = r.verdict();
                lines.add(line(name, r));
                boolean live = v.workloadClass().label().equals(LIVE.get(demo));
                boolean saysWhy = v.confidenceLabel().equals("low") && !v.basis().doubts().isEmpty() && v.basis().next() != null;
                if (!live && !saysWhy) wrong.add(name + ": " + v + " " + r.breakdown());
            }
        }
        String text = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("jbound.golden.update")) Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        assertThat(wrong).as("verdicts neither the live class nor low confidence with a reason").isEmpty();
        assertThat(text).as("the verdicts moved from %s (re-record with -Djbound.golden.update=true if intended)", GOLDEN)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    private static String line(String name, Report r) {
        Verdict v = r.verdict();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-20s %-13s %.2f %-6s", name,
                v.workloadClass().label(), v.confidence(), v.confidenceLabel()));
        for (ThreadState s : new ThreadState[]{ThreadState.CPU, ThreadState.RUNQUEUE, ThreadState.IO, ThreadState.LOCK, ThreadState.GC}) {
            sb.append(String.format(Locale.ROOT, " %s %.2f", s.label(), r.breakdown().shareOfActive(s)));
        }
        sb.append(String.format(Locale.ROOT, " busy %.2f coverage %.2f cpu-time %s samples %d", r.busyThreads(),
                v.basis().coverage(), v.basis().cpu().label(), v.basis().samples()));
        for (String d : v.basis().doubts()) sb.append("\n    doubt: ").append(d);
        return sb.toString();
    }
}

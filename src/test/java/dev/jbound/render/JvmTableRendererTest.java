package dev.jbound.render;

import dev.jbound.model.Attachability;
import dev.jbound.model.FoundJvm;
import dev.jbound.model.JvmScan;
import dev.jbound.model.JvmStatus;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ps table: aligned, escaped, and a plain sentence when there is nothing to list. */
class JvmTableRendererTest {

    @Test
    void anEmptyListIsOneClearLine() {
        assertThat(render(List.of())).isEqualTo("no JVMs found (none running that jbound can see, besides itself)\n");
    }

    @Test
    void aMainClassWithEscapesCannotAlterTheTerminalNorTheTable() {
        JvmStatus evil = status(7, "evil\u001b[2J\nFORGED\u202E.jar", Attachability.ATTACHABLE, 0);
        JvmStatus other = status(12345, "com.x.Other", Attachability.OTHER_USER, 3_723_000);
        String out = render(List.of(evil, other));
        assertThat(out).doesNotContain("\u001b", "\u202E").contains("evil\\x1b[2J\\x0aFORGED\\u202e.jar");
        assertThat(out.lines()).hasSize(3).noneMatch(l -> l.startsWith("FORGED"));
        List<String> lines = out.lines().toList();
        int main = lines.get(0).indexOf("MAIN");
        assertThat(lines.get(1).substring(main)).startsWith("evil");
        assertThat(lines.get(2).substring(main)).isEqualTo("com.x.Other");
        // right-aligned figures end under their header
        int pidEnd = lines.get(0).indexOf("PID") + 3;
        assertThat(lines.get(1).substring(0, pidEnd).strip()).isEqualTo("7");
        assertThat(lines.get(2)).contains("1h02m", "no (other user)");
    }

    @Test
    void uptimes() {
        assertThat(Units.uptime(42_900)).isEqualTo("42s");
        assertThat(Units.uptime(187_000)).isEqualTo("3m07s");
        assertThat(Units.uptime(18_120_000)).isEqualTo("5h02m");
        assertThat(Units.uptime(1_051_200_000)).isEqualTo("12d04h");
    }

    private static JvmStatus status(long pid, String main, Attachability a, long uptimeMs) {
        return new JvmStatus(new FoundJvm(pid, 0, "root", main, true, a), "17.0.15", uptimeMs, 20, 1.0);
    }

    private static String render(List<JvmStatus> jvms) {
        StringWriter s = new StringWriter();
        try (PrintWriter w = new PrintWriter(s)) {
            new JvmTableRenderer(false).render(new JvmScan(Instant.now(), Duration.ofMillis(200), jvms), w);
        }
        return s.toString().replace(System.lineSeparator(), "\n");
    }
}

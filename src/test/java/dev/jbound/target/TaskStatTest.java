package dev.jbound.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskStatTest {

    // Real line from a JVM's spinner thread; utime is field 14 (2131), stime field 15 (7).
    private static final String SPINNER = "48210 (spinner) R 48190 48190 1234 34816 48190 4194368 212 0 0 0 2131 7 0 0 20 0 "
            + "23 0 1877393 3792363520 11034 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void readsStateAndCpuTicks() {
        TaskStat stat = TaskStat.parse(SPINNER);
        assertThat(stat.comm()).isEqualTo("spinner");
        assertThat(stat.state()).isEqualTo('R');
        assertThat(stat.utimeTicks()).isEqualTo(2131);
        assertThat(stat.stimeTicks()).isEqualTo(7);
        assertThat(stat.cpuNanos()).isEqualTo(2138 * 10_000_000L);
    }

    @Test
    void commWithSpacesAndParenthesesRunsToTheLastParenthesis() {
        TaskStat stat = TaskStat.parse(SPINNER.replace("(spinner) R", "(my) (odd name) D"));
        assertThat(stat.comm()).isEqualTo("my) (odd name");
        assertThat(stat.state()).isEqualTo('D');
        assertThat(stat.utimeTicks()).isEqualTo(2131);
    }

    @Test
    void commThatLooksLikeFields() {
        TaskStat stat = TaskStat.parse(SPINNER.replace("(spinner) R", "() S 1 2 3) S"));
        assertThat(stat.comm()).isEqualTo(") S 1 2 3");
        assertThat(stat.state()).isEqualTo('S');
        assertThat(stat.stimeTicks()).isEqualTo(7);
    }

    @Test
    void rejectsTruncatedLines() {
        assertThatThrownBy(() -> TaskStat.parse("48210 (spinner) R 48190 48190"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short");
        assertThatThrownBy(() -> TaskStat.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}

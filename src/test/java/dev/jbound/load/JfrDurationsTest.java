package dev.jbound.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK recorder's settings state durations as text ("20 ms"); the reader turns them into nanoseconds. */
class JfrDurationsTest {
    private static final long MS = 1_000_000L;

    @Test
    void settingDurationsAreReadInTheirUnits() {
        assertThat(JfrDurations.parse("20 ms")).isEqualTo(20 * MS);
        assertThat(JfrDurations.parse("10 s")).isEqualTo(10_000 * MS);
        assertThat(JfrDurations.parse("1.5 s")).isEqualTo(1500 * MS);
        assertThat(JfrDurations.parse("0 ns")).isZero();
        assertThat(JfrDurations.parse("everyChunk")).isEqualTo(-1);
        assertThat(JfrDurations.parse("20 parsecs")).isEqualTo(-1);
        assertThat(JfrDurations.parse(null)).isEqualTo(-1);
    }
}

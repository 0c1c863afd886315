package dev.jbound.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {
    private final DurationConverter c = new DurationConverter();

    @Test
    void readsUnitsAndBareSeconds() {
        assertThat(c.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.convert("3")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> c.convert("ten")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("10s, 500ms or 2m");
        assertThatThrownBy(() -> c.convert("-1s")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}

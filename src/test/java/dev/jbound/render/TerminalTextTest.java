package dev.jbound.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @Test
    void controlCharactersAndBidiOverridesBecomeVisibleEscapes() {
        assertThat(TerminalText.escape("a\u001b[31mb\nc\rd\te\u007f\u009b\u202Ef"))
                .isEqualTo("a\\x1b[31mb\\x0ac\\x0dd\\x09e\\x7f\\x9b\\u202ef");
    }

    @Test
    void ordinaryTextIncludingNonAsciiIsUnchanged() {
        String s = "pool-1-thread-1 · Überweisung 処理";
        assertThat(TerminalText.escape(s)).isSameAs(s);
        assertThat(TerminalText.escape(null)).isEmpty();
    }
}

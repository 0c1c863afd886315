package dev.jbound.cli;

import dev.jbound.record.RecorderChoice;

/** --recorder values as users type them. */
enum RecorderOption {
    auto, async, jfr;

    RecorderChoice choice() {
        return switch (this) {
            case auto -> RecorderChoice.AUTO;
            case async -> RecorderChoice.ASYNC;
            case jfr -> RecorderChoice.JFR;
        };
    }
}

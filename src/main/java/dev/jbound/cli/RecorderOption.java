package dev.jbound.cli;

import dev.jbound.record.AsyncProfilerAgent;
import dev.jbound.record.JfrAgent;
import dev.jbound.record.RecorderChoice;
import dev.jbound.record.RecordingException;
import dev.jbound.record.StartupRecorder;

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

    /**
     * For a JVM jbound launches: async-profiler's agent, or the JDK Flight Recorder for jfr. A JVM
     * that refuses agents at run time still loads one given at start-up (the restriction is on
     * dynamic loading), so auto needs no fallback here.
     */
    StartupRecorder startupRecorder() throws RecordingException {
        return this == jfr ? new JfrAgent() : new AsyncProfilerAgent();
    }
}

package dev.jbound.cli;

import dev.jbound.record.RecordingSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** How long and how finely to record; shared by the commands that record. */
public final class RecordingOptions {

    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final Duration MIN_INTERVAL = Duration.ofMillis(1);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-d", "--duration"}, converter = DurationConverter.class, paramLabel = "TIME",
            description = "How long to record (e.g. 10s, 500ms, 2m). Default: 10s for attach, 5s for demo;"
                    + " for run, until the command ends (at most 24h), after which the command goes on unprofiled.")
    Duration duration;

    @Option(names = {"-i", "--interval"}, converter = DurationConverter.class, paramLabel = "TIME",
            description = "Sampling interval per thread for CPU and wall-clock samples (1ms to 1s)."
                    + " Default: cpu 20ms; wall 20ms, longer for JVMs with over 80 threads (0.25ms per thread, at most 1s;"
                    + " run: 20ms, as its JVMs have not started yet).")
    Duration interval;

    @Option(names = "--recorder", paramLabel = "RECORDER",
            description = "Which recorder: ${COMPLETION-CANDIDATES}. auto uses async-profiler and falls back to the JDK Flight"
                    + " Recorder (started through the attach mechanism) where async-profiler cannot load, and says so."
                    + " Default: ${DEFAULT-VALUE}.")
    RecorderOption recorder = RecorderOption.auto;

    RecordingSettings settings(Duration defaultDuration) {
        Duration d = duration == null ? defaultDuration : duration;
        checkWindow(spec, "--duration", d);
        RecordingSettings s = RecordingSettings.defaults(d);
        if (interval != null) {
            if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
                throw new ParameterException(spec.commandLine(), "--interval must be between 1ms and 1s, not " + human(interval));
            }
            s = new RecordingSettings(d, interval, interval, s.lockThreshold(), s.threadDump());
        }
        return s;
    }

    /** A window's length (--duration, watch's --window): 1ms to 24h. */
    static void checkWindow(CommandSpec spec, String option, Duration d) {
        if (d.isZero() || d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new ParameterException(spec.commandLine(), option + " must be between 1ms and 24h, not " + human(d));
        }
    }

    /** As a person would have written it: 25h, 90m, 30s, 500ms (90000000ms said nothing). */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}

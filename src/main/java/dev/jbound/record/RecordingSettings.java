package dev.jbound.record;

import java.time.Duration;

/**
 * What to record. The defaults come from bench/ (see BENCHMARKS.md): they keep the overhead on a
 * CPU-bound target within the budget at 2,000 threads.
 *
 * @param cpuInterval   CPU sampling period per thread
 * @param wallInterval  wall-clock sampling period: how often each thread's state is seen
 * @param lockThreshold lock waits shorter than this are not recorded as events
 * @param threadDump    take one thread dump mid-window to name lock owners
 */
public record RecordingSettings(Duration duration, Duration cpuInterval, Duration wallInterval,
                                Duration lockThreshold, boolean threadDump) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CPU_INTERVAL = Duration.ofMillis(10);
    public static final Duration DEFAULT_WALL_INTERVAL = Duration.ofMillis(20);
    /** Shorter waits are cheap enough to ignore and recording each one costs more than it tells. */
    public static final Duration DEFAULT_LOCK_THRESHOLD = Duration.ofMillis(1);

    public static RecordingSettings defaults(Duration duration) {
        return new RecordingSettings(duration, DEFAULT_CPU_INTERVAL, DEFAULT_WALL_INTERVAL, DEFAULT_LOCK_THRESHOLD, true);
    }

    public RecordingSettings withWallInterval(Duration wall) {
        return new RecordingSettings(duration, cpuInterval, wall, lockThreshold, threadDump);
    }
}

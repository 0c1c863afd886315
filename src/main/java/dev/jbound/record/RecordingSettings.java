package dev.jbound.record;

import java.time.Duration;

/**
 * What to record. The defaults come from bench/ (BENCHMARKS.md): the cost of wall-clock sampling
 * grows with threads ÷ interval, so the wall interval grows with the thread count.
 *
 * @param cpuInterval   CPU sampling period per thread
 * @param wallInterval  wall-clock sampling period (how often each thread's state is seen), or
 *                      null to choose it from the target's thread count
 * @param lockThreshold lock waits shorter than this are not recorded as events
 * @param threadDump    after the window, take one thread dump to name the owners of contended locks
 */
public record RecordingSettings(Duration duration, Duration cpuInterval, Duration wallInterval,
                                Duration lockThreshold, boolean threadDump) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** 20 ms: 50 samples per CPU-second, enough for hot methods; 10 ms cost measurably more at 2 threads. */
    public static final Duration DEFAULT_CPU_INTERVAL = Duration.ofMillis(20);
    /**
     * The shortest wall interval: 50 samples per thread-second. Short I/O waits spread over a pool
     * need that many (at 50 ms a 4 s window gave each thread ~30 samples and its I/O share swung
     * by half); bench/ measured 20 ms at 2 threads within 1% (+0.7% CPU per unit).
     */
    public static final Duration MIN_WALL_INTERVAL = Duration.ofMillis(20);
    /** The longest: even 2,000+ threads get 10 samples each in a default window. */
    public static final Duration MAX_WALL_INTERVAL = Duration.ofSeconds(1);
    /** Wall interval per target thread: 2,000 threads → 500 ms (bench/: +1.1% target CPU at 9 s windows). */
    public static final Duration WALL_INTERVAL_PER_THREAD = Duration.ofNanos(250_000);
    /** Shorter waits are cheap enough to ignore and recording each one costs more than it tells. */
    public static final Duration DEFAULT_LOCK_THRESHOLD = Duration.ofMillis(1);

    public static RecordingSettings defaults(Duration duration) {
        return new RecordingSettings(duration, DEFAULT_CPU_INTERVAL, null, DEFAULT_LOCK_THRESHOLD, true);
    }

    /** The wall interval to use for a target with {@code threads} threads. */
    /** How long past the window a target's own timer may run if jbound dies before stopping the recorder. */
    static final long SELF_STOP_GRACE_SECONDS = 2;

    /**
     * The recorder's own time limit in the target, in whole seconds: the window plus a grace, so
     * that the target stops recording by itself even when jbound is killed with SIGKILL.
     */
    public long selfStopSeconds() {
        return (long) Math.ceil(duration.toMillis() / 1000.0) + SELF_STOP_GRACE_SECONDS;
    }

    public Duration wallIntervalFor(int threads) {
        if (wallInterval != null) return wallInterval;
        Duration scaled = WALL_INTERVAL_PER_THREAD.multipliedBy(Math.max(0, threads));
        if (scaled.compareTo(MIN_WALL_INTERVAL) < 0) return MIN_WALL_INTERVAL;
        return scaled.compareTo(MAX_WALL_INTERVAL) > 0 ? MAX_WALL_INTERVAL : scaled;
    }
}

package dev.jbound.model;

/**
 * A wall-clock sample: what one thread was doing, whether or not it ran. async-profiler batches
 * consecutive identical samples of an idle thread, so one sample may stand for many intervals;
 * {@code weightNanos} is the wall time it covers.
 */
public record WallSample(long timeNanos, long osTid, Stack stack, long weightNanos) {
}

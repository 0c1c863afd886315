package dev.jbound.model;

/**
 * CPU samples of one thread at one stack: the thread was on a CPU running this stack. Identical
 * samples are merged as they are read ({@code count} of them, {@code weightNanos} in all), so a
 * long recording costs memory by its distinct stacks, not its length; {@code timeNanos} is the first.
 */
public record CpuSample(long timeNanos, long osTid, Stack stack, long weightNanos, int count) {

    public CpuSample(long timeNanos, long osTid, Stack stack, long weightNanos) {
        this(timeNanos, osTid, stack, weightNanos, 1);
    }
}

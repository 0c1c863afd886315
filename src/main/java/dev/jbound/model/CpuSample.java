package dev.jbound.model;

/** A CPU sample: the thread was on a CPU, running this stack. {@code weightNanos} is the sampling interval. */
public record CpuSample(long timeNanos, long osTid, Stack stack, long weightNanos) {
}

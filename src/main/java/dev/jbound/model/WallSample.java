package dev.jbound.model;

/**
 * A wall-clock sample: what one thread was doing, whether or not it ran. async-profiler batches
 * consecutive identical samples of an idle thread, so one sample may stand for many intervals;
 * {@code weightNanos} is the wall time it covers. The JDK's recorder reports waits as timed events
 * instead (a socket read, a monitor enter), which become samples weighing their duration.
 *
 * @param known the state the recorder itself observed (a monitor-enter event is a lock wait
 *              whatever its stack shows), or null to classify the stack
 */
public record WallSample(long timeNanos, long osTid, Stack stack, long weightNanos, ThreadState known) {

    public WallSample(long timeNanos, long osTid, Stack stack, long weightNanos) {
        this(timeNanos, osTid, stack, weightNanos, null);
    }
}

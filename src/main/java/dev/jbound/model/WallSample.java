package dev.jbound.model;

/**
 * Wall-clock samples of one thread at one stack: what the thread was doing, whether or not it ran.
 * async-profiler batches consecutive identical samples of an idle thread, and the reader merges
 * identical ones ({@code count} of them); {@code weightNanos} is the wall time they cover. The
 * JDK's recorder reports waits as timed events instead (a socket read, a monitor enter), which
 * weigh their duration.
 *
 * @param known the state the recorder itself observed (a monitor-enter event is a lock wait
 *              whatever its stack shows), or null to classify the stack
 */
public record WallSample(long timeNanos, long osTid, Stack stack, long weightNanos, ThreadState known, int count) {

    public WallSample(long timeNanos, long osTid, Stack stack, long weightNanos) {
        this(timeNanos, osTid, stack, weightNanos, null, 1);
    }
}

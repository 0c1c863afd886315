package dev.jbound.model;

/**
 * Waits of one thread, at one stack, to enter a monitor or acquire a java.util.concurrent lock:
 * {@code count} of them, {@code durationNanos} in all (identical ones are merged as they are read).
 * {@code lockClass} is the class of the monitor object or of the lock (e.g.
 * {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}).
 */
public record LockEvent(long timeNanos, long osTid, Stack stack, String lockClass, long durationNanos, Kind kind, int count) {

    public enum Kind { MONITOR, PARK }

    public LockEvent(long timeNanos, long osTid, Stack stack, String lockClass, long durationNanos, Kind kind) {
        this(timeNanos, osTid, stack, lockClass, durationNanos, kind, 1);
    }
}

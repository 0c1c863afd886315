package dev.jbound.model;

/**
 * A thread waited {@code durationNanos} to enter a monitor or acquire a java.util.concurrent lock.
 * {@code lockClass} is the class of the monitor object or of the lock (e.g.
 * {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}).
 */
public record LockEvent(long timeNanos, long osTid, Stack stack, String lockClass, long durationNanos, Kind kind) {

    public enum Kind { MONITOR, PARK }
}

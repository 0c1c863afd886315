package dev.jbound.model;

import java.util.List;

/**
 * One thread dump of a JVM read for {@code jbound dump}: every thread with its state and top
 * frames, the lock graph (who holds which monitor or java.util.concurrent lock, who waits for it),
 * and the deadlocks in it (cycles of threads each waiting for a lock the next one holds).
 */
public record ThreadSnapshot(Report.Target target, long takenAtMillis, List<DumpThread> threads, List<DumpLock> locks,
                             List<Deadlock> deadlocks) {

    /**
     * @param javaState  what the JVM says ("BLOCKED (on object monitor)"), or "" for its own threads
     * @param state      jbound's state for it (a socket read is io although Java says RUNNABLE)
     * @param waitingFor the address of the lock it waits to acquire, or null
     * @param holding    the addresses of the locks it holds
     */
    public record DumpThread(String name, long tid, String javaState, ThreadState state, List<String> frames,
                             String waitingFor, List<String> holding) {
        public DumpThread {
            frames = List.copyOf(frames);
            holding = List.copyOf(holding);
        }
    }

    /** @param holder the thread that holds it, or null when the dump does not say */
    public record DumpLock(String address, String lockClass, String holder, List<String> waiters) {
        public DumpLock {
            waiters = List.copyOf(waiters);
        }
    }

    /** Threads each waiting for the lock the next one holds, the last for the first's; {@code locks[i]} is what {@code threads[i]} waits for. */
    public record Deadlock(List<String> threads, List<String> locks) {
        public Deadlock {
            threads = List.copyOf(threads);
            locks = List.copyOf(locks);
        }
    }

    public ThreadSnapshot {
        threads = List.copyOf(threads);
        locks = List.copyOf(locks);
        deadlocks = List.copyOf(deadlocks);
    }
}

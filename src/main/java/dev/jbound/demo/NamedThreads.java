package dev.jbound.demo;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names threads {@code prefix + n} (n from 1) so that every pool is recognisable in a profile,
 * a thread dump and /proc/PID/task/TID/comm (which keeps the first 15 characters).
 */
final class NamedThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    /** @param prefix e.g. {@code "request-pool-thread-"} or {@code "hash-worker-"} */
    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        // daemons: the lifetime of the demo is decided by WorkloadMain alone
        Thread t = new Thread(task, prefix + next.getAndIncrement());
        t.setDaemon(true);
        return t;
    }

    /** Starts one daemon thread named exactly {@code name}, for threads that are not a pool. */
    static Thread startSingle(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Starts the next daemon thread of this family. */
    Thread start(Runnable task) {
        Thread t = newThread(task);
        t.start();
        return t;
    }
}

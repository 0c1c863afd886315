package dev.jbound.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code rlock}: {@link LockWorkload} with a {@link ReentrantLock} instead of a monitor
 * ({@code rlock-worker-N}). The waiters are WAITING in {@code Unsafe.park} under AQS
 * {@code acquire}, which a profiler must count as lock contention, not as idle time.
 * The lock is non-fair, the default and the common case in real code.
 */
final class ReentrantLockWorkload implements DemoWorkload {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public void start() throws Exception {
        CountDownLatch ready = new CountDownLatch(LockWorkload.WORKERS);
        NamedThreads workers = new NamedThreads("rlock-worker-");
        for (int i = 0; i < LockWorkload.WORKERS; i++) {
            workers.start(() -> work(ready));
        }
        ready.await();
    }

    private void work(CountDownLatch ready) {
        byte[] inside = Hashing.randomBytes(4096);
        byte[] outside = Hashing.randomBytes(256);
        long h = 0;
        boolean first = true;
        while (true) {
            lock.lock();
            try {
                h = Hashing.mixFor(inside, h, LockWorkload.HOLD_NANOS);
            } finally {
                lock.unlock();
            }
            h = Hashing.mix(outside, h);
            Hashing.consume(h);
            if (first) {
                ready.countDown();
                first = false;
            }
        }
    }
}

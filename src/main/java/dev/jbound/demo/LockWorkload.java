package dev.jbound.demo;

import java.util.concurrent.CountDownLatch;

/**
 * {@code lock}: {@value #WORKERS} threads ({@code sync-worker-N}) that each hold one shared
 * monitor for ~1 ms of hashing and do almost nothing outside it. Only one can run at a time, so
 * most of their time is spent BLOCKED entering the monitor: the JVM's GIL analogue.
 */
final class LockWorkload implements DemoWorkload {
    static final int WORKERS = 4;
    static final long HOLD_NANOS = 1_000_000;

    private final Object monitor = new Object();

    @Override
    public void start() throws Exception {
        CountDownLatch ready = new CountDownLatch(WORKERS);
        NamedThreads workers = new NamedThreads("sync-worker-");
        for (int i = 0; i < WORKERS; i++) {
            workers.start(() -> work(ready));
        }
        ready.await();
    }

    private void work(CountDownLatch ready) {
        byte[] inside = Hashing.randomBytes(4096);
        byte[] outside = Hashing.randomBytes(256); // the short, uncontended part
        long h = 0;
        boolean first = true;
        while (true) {
            synchronized (monitor) {
                h = Hashing.mixFor(inside, h, HOLD_NANOS);
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

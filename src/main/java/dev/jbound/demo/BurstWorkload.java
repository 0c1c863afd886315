package dev.jbound.demo;

import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;

/**
 * {@code burst}: traffic that comes and goes: one thread per core ({@code burst-worker-N}) hashes
 * for {@link #PERIOD_MILLIS}, then sleeps as long, and again: the window's phases alternate
 * between cpu-bound and idle, which a whole-window verdict averages away.
 */
final class BurstWorkload implements DemoWorkload {
    static final long PERIOD_MILLIS = 3000;
    private static final int CHUNK = 16 * 1024;

    @Override
    public void start() throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        CountDownLatch ready = new CountDownLatch(n);
        long t0 = System.nanoTime();
        NamedThreads threads = new NamedThreads("burst-worker-");
        for (int i = 0; i < n; i++) threads.start(() -> burst(t0, ready));
        ready.await();
    }

    private static void burst(long t0, CountDownLatch ready) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] data = Hashing.randomBytes(CHUNK);
            ready.countDown();
            while (true) {
                boolean busy = (System.nanoTime() - t0) / 1_000_000 / PERIOD_MILLIS % 2 == 0;
                if (busy) {
                    byte[] digest = sha.digest(data);
                    data[digest[0] & 0xff] ^= digest[1];
                    Hashing.consume(digest[2]);
                } else {
                    Thread.sleep(20);
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.jbound.demo;

import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;

/** {@code cpu}: one SHA-256 hashing thread per available processor ({@code hash-worker-N}). */
final class CpuWorkload implements DemoWorkload {
    private static final int CHUNK = 64 * 1024;

    @Override
    public void start() throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        CountDownLatch ready = new CountDownLatch(n);
        NamedThreads threads = new NamedThreads("hash-worker-");
        for (int i = 0; i < n; i++) {
            threads.start(() -> hashForever(ready));
        }
        ready.await();
    }

    private static void hashForever(CountDownLatch ready) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] data = Hashing.randomBytes(CHUNK);
            boolean first = true;
            while (true) {
                byte[] digest = sha.digest(data);
                // feed the digest back into the data and the sink: the work is never dead code
                data[digest[0] & 0xff] ^= digest[1];
                Hashing.consume(digest[2]);
                if (first) {
                    ready.countDown();
                    first = false;
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}

package dev.jbound.demo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code gc}: allocation churn in a small heap. A ring of retained 256 KiB arrays keeps the live
 * set at ~{@value #LIVE_PERCENT}% of the heap, and {@value #THREADS} threads ({@code alloc-churn-N})
 * allocate short-lived garbage fast while replacing a ring slot now and then. The replaced arrays
 * have already been promoted, so the old generation keeps filling with garbage next to a large
 * live set: frequent full collections that must mark and compact the whole ring.
 */
final class GcWorkload implements DemoWorkload {
    /**
     * Parallel GC: stop-the-world, deterministic, same thread names ("GC Thread#N") on JDK 17
     * and 25. The overhead limit is off so the demo thrashes instead of dying with an OOM.
     */
    static final List<String> JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx64m", "-XX:+UseParallelGC", "-XX:-UseGCOverheadLimit");
    static final int LIVE_PERCENT = 62;
    static final int THREADS = 2;
    private static final int SLOT_BYTES = 256 * 1024;
    /**
     * Short-lived allocations per retained-slot replacement. With the live set this close to the
     * old generation's size nearly every collection is a full one; 2000 to 30000 all measured
     * 80-88% of process CPU in GC threads on JDK 17 and 25 (2 cores).
     */
    private static final int GARBAGE_PER_REPLACEMENT = 2000;

    private AtomicReferenceArray<byte[]> ring;

    @Override
    public void start() throws Exception {
        // size the live set from the heap the JVM really got, so -Xmx overrides keep the ratio
        int slots = (int) (Runtime.getRuntime().maxMemory() * LIVE_PERCENT / 100 / SLOT_BYTES);
        ring = new AtomicReferenceArray<>(slots);
        for (int i = 0; i < slots; i++) {
            ring.set(i, new byte[SLOT_BYTES]);
        }
        CountDownLatch ready = new CountDownLatch(THREADS);
        NamedThreads threads = new NamedThreads("alloc-churn-");
        for (int i = 0; i < THREADS; i++) {
            threads.start(() -> churn(ready));
        }
        ready.await();
    }

    private void churn(CountDownLatch ready) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long h = 0;
        boolean first = true;
        while (true) {
            for (int i = 0; i < GARBAGE_PER_REPLACEMENT; i++) {
                long[] garbage = new long[16 + (i & 63)]; // dies young
                garbage[i & 15] = h;
                h = h * 31 + garbage.length + garbage[(int) (h & 15)];
            }
            byte[] retained = new byte[SLOT_BYTES];
            retained[0] = (byte) h;
            ring.set(random.nextInt(ring.length()), retained); // the previous one becomes old garbage
            Hashing.consume(h);
            if (first) {
                ready.countDown();
                first = false;
            }
        }
    }
}

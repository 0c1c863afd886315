package dev.jbound.demo;

import java.util.concurrent.CountDownLatch;

/**
 * {@code cpu-single}: one thread ({@code single-worker}) in a tight mixing loop and nothing else
 * running. It keeps one of N cores busy and is still CPU-bound: the fix is to parallelise.
 */
final class CpuSingleWorkload implements DemoWorkload {
    @Override
    public void start() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        NamedThreads.startSingle("single-worker", () -> Hashing.spinForever(ready::countDown));
        ready.await();
    }
}

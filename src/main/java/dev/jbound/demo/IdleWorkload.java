package dev.jbound.demo;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code idle} and {@code idle-pool}: a fixed pool of parked workers ({@code idle-pool-thread-N})
 * with nothing to do after a warm-up, plus {@code busy} threads ({@code busy-N}) doing CPU work.
 *
 * <p>{@code idle} (20 parked, 0 busy) is a JVM where nothing works at all. {@code idle-pool}
 * (200 parked, 2 busy) is not idle: jbound must judge it by the 2 threads that work and report the
 * 200 as idle capacity.
 */
final class IdleWorkload implements DemoWorkload {
    private final int parked;
    private final int busy;

    IdleWorkload(int parked, int busy) {
        this.parked = parked;
        this.busy = busy;
    }

    @Override
    public void start() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(
                parked, new NamedThreads("idle-pool-thread-"));
        pool.prestartAllCoreThreads();
        // warm-up: one round of trivial tasks, then the workers park on the empty queue for good
        pool.invokeAll(IntStream.range(0, parked).mapToObj(i -> (Callable<Integer>) () -> i)
                .collect(Collectors.toList()));
        CountDownLatch ready = new CountDownLatch(busy);
        NamedThreads busyThreads = new NamedThreads("busy-");
        for (int i = 0; i < busy; i++) {
            busyThreads.start(() -> Hashing.spinForever(ready::countDown));
        }
        ready.await();
    }
}

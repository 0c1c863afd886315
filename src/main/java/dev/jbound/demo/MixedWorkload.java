package dev.jbound.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code mixed}: a service-like process with two pools whose verdicts differ.
 * <ul>
 * <li>{@code request-pool-thread-N} ({@value #REQUEST_THREADS}): each request is a blocking socket
 * round trip to the local slow server ({@value IoWorkload#DELAY_MILLIS} ms) on the thread's own
 * connection. Requests arrive from {@code request-generator} every {@value #ARRIVAL_MILLIS} ms,
 * i.e. 22/s x ~20 ms of server delay; measured, a request waits ~30 ms (the wake-ups on both
 * sides), so ≈ 0.6 thread-seconds of I/O per second.</li>
 * <li>{@code compute-pool-thread-N} ({@value #COMPUTE_THREADS}): hashing a quarter of the time,
 * about 0.5 thread-seconds of CPU per second between them, plus the request threads' own CPU.</li>
 * </ul>
 * The request pool is io-bound (and oversized), the compute pool cpu-bound, the process mixed:
 * io and cpu are balanced near half each, so that neither reaches the 60% that would make it
 * dominant on a noisy machine (at 25 requests/s io measured 59–62% of active time; at 22/s,
 * cpu 49–53% and io 43–47% through both recorders).
 */
final class MixedWorkload implements DemoWorkload {
    static final int REQUEST_THREADS = 8;
    static final int COMPUTE_THREADS = 2;
    static final long ARRIVAL_MILLIS = 45;
    static final long HASH_MILLIS = 5;
    static final long REST_MILLIS = 15;

    private final ThreadLocal<Socket> connection = new ThreadLocal<>();

    @Override
    public void start() throws Exception {
        SlowServer server = SlowServer.start(REQUEST_THREADS, IoWorkload.DELAY_MILLIS);
        // a fixed pool starts a new thread for each of the first N tasks: N tasks touch all N threads
        ExecutorService requests = Executors.newFixedThreadPool(
                REQUEST_THREADS, new NamedThreads("request-pool-thread-"));
        CountDownLatch ready = new CountDownLatch(REQUEST_THREADS + COMPUTE_THREADS);
        for (int i = 0; i < REQUEST_THREADS; i++) {
            requests.execute(() -> {
                request(server);
                ready.countDown();
            });
        }
        ExecutorService compute = Executors.newFixedThreadPool(
                COMPUTE_THREADS, new NamedThreads("compute-pool-thread-"));
        for (int i = 0; i < COMPUTE_THREADS; i++) {
            compute.execute(() -> computeHalfTime(ready));
        }
        ready.await();
        ScheduledExecutorService generator =
                Executors.newSingleThreadScheduledExecutor(new NamedThreads("request-generator-"));
        generator.scheduleAtFixedRate(() -> requests.execute(() -> request(server)),
                0, ARRIVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Hash {@value #HASH_MILLIS} ms of CPU, rest {@value #REST_MILLIS} ms: the two compute threads use
     * half a core between them and leave the machine room, so neither side of the CPU/I/O split swings
     * with how much CPU the other processes (the slow server, jbound) happen to take. CPU time, not
     * wall time: on a loaded machine a wall-clock burst would get less CPU and shift the split to io.
     */
    private static void computeHalfTime(CountDownLatch ready) {
        byte[] data = Hashing.randomBytes(16 * 1024);
        Hashing.consume(Hashing.mix(data, 0));
        // fetched before ready: the management classes load outside the window
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ready.countDown();
        try {
            while (true) {
                Hashing.consume(Hashing.mixForCpu(threads, data, 0, TimeUnit.MILLISECONDS.toNanos(HASH_MILLIS)));
                Thread.sleep(REST_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void request(SlowServer server) {
        try {
            Socket s = connection.get();
            if (s == null) {
                s = server.connect();
                connection.set(s);
            }
            SlowServer.roundTrip(s, "req!".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

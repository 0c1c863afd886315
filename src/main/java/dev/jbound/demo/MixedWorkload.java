package dev.jbound.demo;

import java.io.IOException;
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
 * i.e. about 80/s x ~22 ms (20 ms server delay plus scheduling on 2 busy cores) = 2 thread-seconds
 * of I/O per second, comparable to the CPU pool.</li>
 * <li>{@code compute-pool-thread-N} ({@value #COMPUTE_THREADS}): endless hashing tasks, about
 * 2 thread-seconds of CPU per second on a 2-core machine.</li>
 * </ul>
 * The request pool is io-bound (and oversized), the compute pool cpu-bound, the process mixed.
 */
final class MixedWorkload implements DemoWorkload {
    static final int REQUEST_THREADS = 8;
    static final int COMPUTE_THREADS = 2;
    static final long ARRIVAL_MILLIS = 12;

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
            compute.execute(() -> Hashing.spinForever(ready::countDown));
        }
        ready.await();
        ScheduledExecutorService generator =
                Executors.newSingleThreadScheduledExecutor(new NamedThreads("request-generator-"));
        generator.scheduleAtFixedRate(() -> requests.execute(() -> request(server)),
                0, ARRIVAL_MILLIS, TimeUnit.MILLISECONDS);
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

package dev.jbound.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * {@code io}: {@value #CLIENTS} client threads ({@code io-client-N}) doing blocking request/response
 * over plain {@link Socket} streams against a local server that takes {@value #DELAY_MILLIS} ms to
 * answer. Each client spends nearly all its time blocked in the socket read.
 */
final class IoWorkload implements DemoWorkload {
    static final int CLIENTS = 8;
    static final long DELAY_MILLIS = 20;

    @Override
    public void start() throws Exception {
        SlowServer server = SlowServer.start(CLIENTS, DELAY_MILLIS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        NamedThreads clients = new NamedThreads("io-client-");
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = server.connect(); // connect here, so the acceptor can finish
            clients.start(() -> requestForever(s, ready));
        }
        ready.await();
    }

    private static void requestForever(Socket s, CountDownLatch ready) {
        byte[] buffer = "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            SlowServer.roundTrip(s, buffer);
            ready.countDown();
            while (true) {
                SlowServer.roundTrip(s, buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

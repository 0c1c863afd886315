package dev.jbound.support.workloads;

import java.io.IOException;

/**
 * Threads ({@code legacy-N}) that each call a downstream at {@code PORT} through a client whose
 * call is a synchronized method, as clients written before virtual threads often are (a
 * connection guarded by its object's monitor): every wait on the downstream holds a monitor, which
 * on JDK 21-23 pins a virtual thread to its carrier.
 *
 * <p>{@code LegacyClientService THREADS PORT}; prints "ready", then runs until stdin closes.
 */
public final class LegacyClientService {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                LegacyClient client = new LegacyClient(port);
                try {
                    for (; ; ) client.call();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "legacy-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes stdin or kills the process
        }
    }

    /** One connection, one request at a time: the monitor is the connection's guard. */
    static final class LegacyClient {
        private final ClosedLoopService.Connection connection;

        LegacyClient(int port) {
            connection = new ClosedLoopService.Connection(port);
        }

        synchronized void call() throws IOException {
            connection.ask();
        }
    }
}

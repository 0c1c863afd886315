package dev.jbound.support.workloads;

import dev.jbound.support.servers.Work;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A closed-loop service, the shape the advice has to hold on: {@code THREADS} threads
 * ({@code service-N}) each compute {@code CPU_MICROS} of CPU (a hash) and then make one request to
 * a downstream service at {@code PORT}, again and again. Each thread holds a connection of its own,
 * or, given {@code POOL}, borrows one from a commons-pool2 pool of that many (what DBCP does), so a
 * pool smaller than the threads makes them queue to borrow.
 *
 * <p>{@code ClosedLoopService THREADS CPU_MICROS PORT [POOL]}; prints "ready", then answers each
 * "m" line on stdin with "UNITS NANOTIME": requests completed so far and when.
 */
public final class ClosedLoopService {

    private static final AtomicLong UNITS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long cpuMicros = Long.parseLong(args[1]);
        int port = Integer.parseInt(args[2]);
        GenericObjectPool<Connection> pool = args.length > 3 ? pool(port, Integer.parseInt(args[3])) : null;
        run(threads, seed -> serve(cpuMicros, port, pool, seed), UNITS);
    }

    /**
     * The closed loop every service here shares: {@code threads} threads ({@code service-N}) each run
     * {@code work} with their index as its seed; then "ready", and each "m" line on stdin is answered
     * with "UNITS NANOTIME" from {@code units}, until stdin closes.
     */
    static void run(int threads, LongConsumer work, AtomicLong units) throws IOException {
        for (int i = 0; i < threads; i++) {
            long seed = i;
            Thread t = new Thread(() -> work.accept(seed), "service-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("m")) {
                System.out.println(units.get() + " " + System.nanoTime());
                System.out.flush();
            }
        }
        System.exit(0);
    }

    private static void serve(long cpuMicros, int port, GenericObjectPool<Connection> pool, long seed) {
        try {
            Connection own = pool == null ? new Connection(port) : null;
            for (long h = seed; ; ) {
                h = Work.hashFor(cpuMicros, h);
                if (own != null) {
                    own.ask();
                } else {
                    Connection c = pool.borrowObject();
                    try {
                        c.ask();
                    } finally {
                        pool.returnObject(c);
                    }
                }
                UNITS.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GenericObjectPool<Connection> pool(int port, int size) {
        GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setBlockWhenExhausted(true);
        config.setJmxEnabled(false);
        return new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public Connection create() {
                return new Connection(port);
            }

            @Override
            public PooledObject<Connection> wrap(Connection c) {
                return new DefaultPooledObject<>(c);
            }
        }, config);
    }

    /** One connection to the downstream: a request is a line, the answer a line. */
    public static final class Connection {
        private final Socket socket;
        private final BufferedReader in;

        public Connection(int port) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void ask() throws IOException {
            socket.getOutputStream().write("q\n".getBytes(StandardCharsets.US_ASCII));
            if (in.readLine() == null) throw new IOException("the downstream closed the connection");
        }
    }
}

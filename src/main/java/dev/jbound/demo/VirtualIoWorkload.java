package dev.jbound.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * {@code virtual-io} (JDK 21+): {@value #CLIENTS} virtual threads ({@code virtual-client-N}) doing
 * blocking request/response over plain sockets against the slow server, unmounting from their few
 * carrier threads at every read; and one ({@code virtual-pinner}) that keeps initialising a class
 * whose static initialiser sleeps, which pins it to its carrier (class initialisation still pins
 * on JDK 24+, where synchronized no longer does).
 */
final class VirtualIoWorkload implements DemoWorkload {
    static final int CLIENTS = 200;
    /** How long the pinned initialiser sleeps, and how often the pinner starts another one. */
    static final long PIN_MILLIS = 20;
    static final long PIN_EVERY_MILLIS = 200;

    @Override
    public void start() throws Exception {
        ThreadFactory clients = virtualThreads("virtual-client-");
        SlowServer server = SlowServer.start(CLIENTS, IoWorkload.DELAY_MILLIS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = server.connect();
            clients.newThread(() -> requestForever(s, ready)).start();
        }
        virtualThreads("virtual-pinner").newThread(VirtualIoWorkload::pinForever).start();
        ready.await();
    }

    /** Thread.ofVirtual().name(prefix, 0).factory(), reflectively: jbound itself is built for JDK 17. */
    private static ThreadFactory virtualThreads(String prefix) throws Exception {
        Object builder;
        try {
            builder = Thread.class.getMethod("ofVirtual").invoke(null);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the virtual-io demo needs JDK 21 or newer (this is "
                    + System.getProperty("java.version") + "); pass one with --java");
        }
        Class<?> type = Class.forName("java.lang.Thread$Builder");
        if (prefix.endsWith("-")) builder = type.getMethod("name", String.class, long.class).invoke(builder, prefix, 0L);
        else builder = type.getMethod("name", String.class).invoke(builder, prefix);
        return (ThreadFactory) type.getMethod("factory").invoke(builder);
    }

    private static void requestForever(Socket s, CountDownLatch ready) {
        byte[] buffer = "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            SlowServer.roundTrip(s, buffer);
            ready.countDown();
            while (true) SlowServer.roundTrip(s, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pinForever() {
        try {
            byte[] bytes;
            try (InputStream in = VirtualIoWorkload.class.getResourceAsStream("SlowInit.class")) {
                bytes = in.readAllBytes();
            }
            while (true) {
                // a fresh loader each time, so the initialiser runs again
                Class.forName(SlowInit.class.getName(), true, new OneClassLoader(bytes));
                Thread.sleep(PIN_EVERY_MILLIS);
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Defines SlowInit from its bytes and nothing else, delegating the rest to the application loader. */
    private static final class OneClassLoader extends ClassLoader {
        private final byte[] bytes;

        OneClassLoader(byte[] bytes) {
            super(VirtualIoWorkload.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SlowInit.class.getName())) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }
}

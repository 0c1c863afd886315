package dev.jbound.support.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A thread-per-connection server on 127.0.0.1, as a blocking-I/O service is written by hand: each
 * accepted connection gets a thread that reads one line per request, hashes for
 * {@code CPU_MICROS} of CPU, sleeps {@code SLEEP_MILLIS} (a slow downstream of its own), and
 * answers "ok". Between requests its threads sit in a socket read, waiting for their client; with
 * {@code accept-only} it only accepts and closes.
 *
 * <p>{@code LineServer CPU_MICROS [SLEEP_MILLIS | accept-only]}; prints "ready PORT".
 */
public final class LineServer {

    public static void main(String[] args) throws IOException {
        long cpuMicros = Long.parseLong(args[0]);
        boolean acceptOnly = args.length > 1 && args[1].equals("accept-only");
        long sleepMillis = args.length > 1 && !acceptOnly ? Long.parseLong(args[1]) : 0;
        ServerSocket ss = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        System.out.println("ready " + ss.getLocalPort());
        Thread.currentThread().setName("acceptor");
        int n = 0;
        while (true) {
            Socket s = ss.accept();
            if (acceptOnly) {
                s.close();
                continue;
            }
            Thread t = new Thread(() -> serve(s, cpuMicros, sleepMillis), "conn-" + n++);
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(Socket s, long cpuMicros, long sleepMillis) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                long h = Work.hashFor(cpuMicros, line.hashCode());
                if (sleepMillis > 0) sleep(sleepMillis);
                out.write(((h == 42 ? "ok!" : "ok") + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

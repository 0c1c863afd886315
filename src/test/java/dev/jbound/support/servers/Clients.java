package dev.jbound.support.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients of the test servers, in a process of their own as real clients are.
 * {@code Clients idle|load line|http PORT CONNECTIONS}: {@code idle} opens the connections, makes
 * one request on each (so a keep-alive server has seen its client) and then holds them open;
 * {@code load} makes requests back to back on each, one thread per connection. Prints "ready"
 * once every connection has had its first answer; exits when its stdin closes.
 */
public final class Clients {

    public static void main(String[] args) throws Exception {
        boolean load = args[0].equals("load");
        boolean http = args[1].equals("http");
        int port = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            open.add(s);
            request(s, http);
        }
        if (load) {
            for (Socket s : open) {
                Thread t = new Thread(() -> {
                    try {
                        while (true) request(s, http);
                    } catch (IOException e) {
                        // the server went away
                    }
                }, "client");
                t.setDaemon(true);
                t.start();
            }
        }
        System.out.println("ready");
        while (System.in.read() >= 0) {
            // hold the connections until the test closes stdin
        }
    }

    private static void request(Socket s, boolean http) throws IOException {
        OutputStream out = s.getOutputStream();
        BufferedReader in = reader(s);
        if (!http) {
            out.write("req\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readLine();
            return;
        }
        out.write("GET /x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int length = 0;
        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) length = Integer.parseInt(line.substring(15).trim());
        }
        for (int i = 0; i < length; i++) in.read();
    }

    /** One reader per socket: a buffered reader must not lose what it read ahead between requests. */
    private static final java.util.Map<Socket, BufferedReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static BufferedReader reader(Socket s) {
        return READERS.computeIfAbsent(s, k -> {
            try {
                return new BufferedReader(new InputStreamReader(k.getInputStream(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}

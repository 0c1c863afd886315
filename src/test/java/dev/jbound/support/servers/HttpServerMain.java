package dev.jbound.support.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The JDK's own HTTP server (com.sun.net.httpserver) with a pool of {@value #WORKERS} handler
 * threads: a selector dispatcher that keeps idle keep-alive connections, and handlers that either
 * hash for {@code CPU_MICROS} or, given a downstream port, ask a {@link LineServer}-style service
 * there for each request over a connection of their own, as a service calls its database.
 *
 * <p>{@code HttpServerMain CPU_MICROS [DOWNSTREAM_PORT]}; prints "ready PORT".
 */
public final class HttpServerMain {

    public static final int WORKERS = 8;

    public static void main(String[] args) throws IOException {
        long cpuMicros = Long.parseLong(args[0]);
        int downstream = args.length > 1 ? Integer.parseInt(args[1]) : -1;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ThreadLocal<Socket[]> connection = ThreadLocal.withInitial(() -> new Socket[1]);
        server.createContext("/", exchange -> handle(exchange, cpuMicros, downstream, connection.get()));
        server.setExecutor(Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r);
            t.setName("handler-" + t.getId());
            t.setDaemon(true);
            return t;
        }));
        server.start();
        System.out.println("ready " + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange, long cpuMicros, int downstream, Socket[] held) throws IOException {
        exchange.getRequestBody().readAllBytes();
        long h = Work.hashFor(cpuMicros, exchange.getRequestURI().hashCode());
        if (downstream > 0) {
            if (held[0] == null) held[0] = new Socket(InetAddress.getLoopbackAddress(), downstream);
            held[0].getOutputStream().write("q\n".getBytes(StandardCharsets.US_ASCII));
            new BufferedReader(new InputStreamReader(held[0].getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        byte[] body = ("ok " + (h & 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

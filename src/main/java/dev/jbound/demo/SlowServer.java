package dev.jbound.demo;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server on 127.0.0.1 that answers every 4-byte request after sleeping {@code delayMillis}:
 * the remote service the io and mixed demos wait on.
 *
 * <p>It runs in a process of its own ({@link #main}), as a real remote service would: its handler
 * threads sit in a socket read between requests, which is waiting for a client, and its sleeps
 * would count as the demo's own waits. It exits when its parent closes its stdin (the parent
 * ended, however it ended).
 */
final class SlowServer {
    static final int MESSAGE_BYTES = 4;

    private final int port;

    private SlowServer(int port) {
        this.port = port;
    }

    /** Starts the server process and waits for it to report its port. */
    static SlowServer start(int expectedConnections, long delayMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SlowServer.class.getName(), Integer.toString(expectedConnections), Long.toString(delayMillis))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            p.destroyForcibly();
            throw new IOException("the slow server did not start (said: " + line + ")");
        }
        return new SlowServer(Integer.parseInt(line.substring(5).trim()));
    }

    /** The server process: {@code SlowServer CONNECTIONS DELAY_MILLIS}. */
    public static void main(String[] args) throws IOException {
        int expectedConnections = Integer.parseInt(args[0]);
        long delayMillis = Long.parseLong(args[1]);
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), expectedConnections);
        NamedThreads handlers = new NamedThreads("slow-server-");
        NamedThreads.startSingle("slow-acceptor", () -> {
            try (ss) {
                for (int i = 0; i < expectedConnections; i++) {
                    Socket s = ss.accept();
                    handlers.start(() -> serve(s, delayMillis));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("port " + ss.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent never writes; EOF means it is gone
        }
        System.exit(0);
    }

    private static void serve(Socket s, long delayMillis) {
        try (s) {
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] request = new byte[MESSAGE_BYTES];
            while (true) {
                in.readFully(request); // EOFException when the client goes away
                Thread.sleep(delayMillis); // the slow part of the "service"
                out.write(request);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // client closed or the demo ends: nothing to do
        }
    }

    /** Opens a client connection; the caller does {@link #roundTrip} on it in a loop. */
    Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        return s;
    }

    /** One blocking request/response on plain socket streams: nearly all of it is the read. */
    static void roundTrip(Socket s, byte[] buffer) throws IOException {
        s.getOutputStream().write(buffer, 0, MESSAGE_BYTES);
        s.getOutputStream().flush();
        new DataInputStream(s.getInputStream()).readFully(buffer, 0, MESSAGE_BYTES);
    }
}

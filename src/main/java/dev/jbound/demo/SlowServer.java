package dev.jbound.demo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An in-process TCP server on 127.0.0.1 that answers every 4-byte request after sleeping
 * {@code delayMillis}: the remote service the io and mixed demos wait on.
 *
 * <p>Its handler threads ({@code slow-server-N}) sleep, so they are idle capacity, not I/O.
 * The acceptor accepts the expected number of connections and then ends, so no thread sits in
 * {@code accept()} forever looking like an I/O wait that nobody is doing. It is named
 * {@code slow-acceptor} so that {@code slow-server-*} are exactly the handlers.
 */
final class SlowServer {
    static final int MESSAGE_BYTES = 4;

    private final ServerSocket serverSocket;

    private SlowServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    static SlowServer start(int expectedConnections, long delayMillis) throws IOException {
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
        return new SlowServer(ss);
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
        Socket s = new Socket(InetAddress.getLoopbackAddress(), serverSocket.getLocalPort());
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

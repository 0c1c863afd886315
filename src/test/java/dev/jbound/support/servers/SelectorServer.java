package dev.jbound.support.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * An event-loop server: one thread, one selector over the listener and every connection, as
 * Netty, Undertow and Vert.x are built. Each request line is hashed for {@code CPU_MICROS} on the
 * loop and answered "ok". With nothing ready, the loop waits in epoll_wait for its clients.
 *
 * <p>{@code SelectorServer CPU_MICROS}; prints "ready PORT".
 */
public final class SelectorServer {

    public static void main(String[] args) throws IOException {
        long cpuMicros = Long.parseLong(args[0]);
        Thread.currentThread().setName("event-loop");
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("ready " + server.socket().getLocalPort());
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        ByteBuffer ok = ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.US_ASCII));
        while (true) {
            selector.select();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                if (key.isAcceptable()) {
                    SocketChannel c = server.accept();
                    if (c == null) continue;
                    c.configureBlocking(false);
                    c.register(selector, SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    buffer.clear();
                    int n;
                    try {
                        n = c.read(buffer);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        key.cancel();
                        c.close();
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer.get(i) != '\n') continue;
                        Work.hashFor(cpuMicros, i);
                        c.write(ok.duplicate());
                    }
                }
            }
        }
    }
}

package dev.jbound.analyze;

/**
 * JDK socket, file, DNS and process frames. The JVM reports a thread blocked in any of these
 * as RUNNABLE, so these frames are what turns such a sample into I/O. Names cover JDK 8 to 25:
 * JDK 13 replaced PlainSocketImpl with NioSocketImpl, JDK 21 moved the Unix file natives to
 * UnixFileDispatcherImpl and renamed some java.io natives (read0, readBytes0), hence prefixes.
 */
final class JdkIoFrameRules {
    private JdkIoFrameRules() {
    }

    static final String TABLE = """
            # --- sockets. NioSocketImpl.park is where a JDK 13+ socket read, accept or connect
            #     blocks: Net.poll on a platform thread, a parked virtual thread otherwise.
            socket-io       io    decides   prefix   sun.nio.ch.SocketDispatcher.
            socket-io       io    decides   prefix   sun.nio.ch.NioSocketImpl.
            socket-io       io    decides   prefix   sun.nio.ch.DatagramDispatcher.
            socket-io       io    decides   method   java.net.SocketInputStream.socketRead0
            socket-io       io    decides   method   java.net.SocketOutputStream.socketWrite0
            socket-io       io    decides   prefix   java.net.PlainSocketImpl.socketAccept
            socket-io       io    decides   prefix   java.net.PlainSocketImpl.socketConnect
            socket-io       io    decides   prefix   sun.nio.ch.Net.poll
            socket-io       io    decides   prefix   sun.nio.ch.Net.connect
            socket-io       io    decides   prefix   sun.nio.ch.Net.accept
            socket-io       io    decides   method   sun.nio.ch.ServerSocketChannelImpl.accept0

            # --- selectors. A selector waiting for readiness is waiting on the network: I/O,
            #     by the stack alone; the OS sensor's view of what it watches (listeners and
            #     accepted connections only: waiting for clients) moves an idle event loop's
            #     time to wait. Exact select(), not selectNow(), which never blocks.
            selector        io    decides   method   sun.nio.ch.EPoll.wait
            selector        io    decides   method   sun.nio.ch.EPollArrayWrapper.epollWait
            selector        io    decides   method   sun.nio.ch.KQueue.poll
            selector        io    decides   method   sun.nio.ch.WEPoll.wait
            selector        io    decides   method   sun.nio.ch.SelectorImpl.select
            # the virtual-thread poller (JDK 21+): a virtual thread parks here for socket readiness
            vthread-poll    io    refines   prefix   sun.nio.ch.Poller.

            # --- servers waiting for their next request: a read or accept these frames call
            #     (through the JDK's streams only) waits for a client, not on one. Where the OS
            #     sensor sees the sockets it decides for any server; these frames are what a
            #     recording read without it has (a JMC or exporter connection). RMI keeps a
            #     connection open for the next call, which is how JMX clients (VisualVM, JMC,
            #     exporters) keep an "RMI TCP Connection" thread reading for good.
            rmi-idle        wait  awaits    method   sun.rmi.transport.tcp.TCPTransport.handleMessages
            rmi-idle        wait  awaits    prefix   sun.rmi.transport.tcp.TCPTransport$AcceptLoop.
            rmi-idle        wait  awaits    prefix   sun.management.jmxremote.LocalRMIServerSocketFactory$

            # --- files. lock0 first: FileChannel.lock() waits for another process's lock, not the disk.
            file-lock       lock  decides   method   sun.nio.ch.FileDispatcherImpl.lock0
            file-lock       lock  decides   method   sun.nio.ch.UnixFileDispatcherImpl.lock0
            file-io         io    decides   prefix   sun.nio.ch.FileDispatcherImpl.
            file-io         io    decides   prefix   sun.nio.ch.UnixFileDispatcherImpl.
            file-io         io    decides   method   sun.nio.ch.FileChannelImpl.transferTo0
            file-io         io    decides   prefix   java.io.FileInputStream.read
            file-io         io    decides   prefix   java.io.FileOutputStream.write
            file-io         io    decides   prefix   java.io.RandomAccessFile.read
            file-io         io    decides   prefix   java.io.RandomAccessFile.write

            # --- name resolution: getaddrinfo waits on a DNS server
            dns             io    decides   prefix   java.net.Inet4AddressImpl.
            dns             io    decides   prefix   java.net.Inet6AddressImpl.

            # --- child processes: work done outside this JVM, like a remote call, so I/O.
            #     ProcessImpl.waitFor sits below an Object.wait (the reaper thread notifies it),
            #     hence refines: the wait frames above only suggest.
            process         io    decides   method   java.lang.ProcessHandleImpl.waitForProcessExit0
            process         io    refines   prefix   java.lang.ProcessImpl.waitFor
            process         io    refines   prefix   java.lang.UNIXProcess.waitFor
            """;
}

package dev.jbound.analyze;

/**
 * Drivers and libraries common on real workloads. Their blocking reads go through the JDK
 * socket and file frames, which decide first; the driver rules below only refine, so they name
 * the I/O when a native syscall frame showed the thread blocked but no JDK frame explained it
 * (a driver's own native transport), and never turn a driver's CPU-bound parsing into I/O.
 * Jedis, Lettuce, OkHttp and Apache HttpClient need no rules: they block in JDK sockets or Netty.
 */
final class LibraryFrameRules {
    private LibraryFrameRules() {
    }

    static final String TABLE = """
            # --- connection pools. A borrower parked on an exhausted pool waits for a shared
            #     resource other threads hold, which is contention: lock, not wait. Deeper than
            #     the SynchronousQueue or Condition the pool parks in, so these win over them.
            pool-borrow     lock  refines   method   com.zaxxer.hikari.util.ConcurrentBag.borrow
            pool-borrow     lock  refines   method   com.zaxxer.hikari.pool.HikariPool.getConnection
            pool-borrow     lock  refines   prefix   org.apache.commons.pool2.impl.GenericObjectPool.borrowObject
            pool-borrow     lock  refines   method   org.apache.http.pool.AbstractConnPool.getPoolEntryBlocking
            pool-borrow     lock  refines   prefix   org.apache.hc.core5.pool.StrictConnPool.lease
            pool-borrow     lock  refines   prefix   org.apache.hc.core5.pool.LaxConnPool$PerRoutePool.lease

            # --- JDBC drivers and embedded databases
            postgres-io     io    refines   prefix   org.postgresql.core.VisibleBufferedInputStream.
            postgres-io     io    refines   prefix   org.postgresql.core.PGStream.receive
            mysql-io        io    refines   prefix   com.mysql.cj.protocol.ReadAheadInputStream.
            mysql-io        io    refines   prefix   com.mysql.cj.protocol.FullReadInputStream.
            oracle-io       io    refines   prefix   oracle.net.ns.
            sqlserver-io    io    refines   prefix   com.microsoft.sqlserver.jdbc.TDSChannel.read
            mariadb-io      io    refines   prefix   org.mariadb.jdbc.client.socket.
            mariadb-io      io    refines   prefix   org.mariadb.jdbc.internal.io.
            h2-io           io    refines   prefix   org.h2.mvstore.FileStore.
            h2-io           io    refines   prefix   org.h2.store.fs.

            # --- event loops and network clients. Netty's native transports wait in their own
            #     JNI epoll/kqueue calls, which decide like the JDK's EPoll.wait; a selector
            #     waiting for readiness is I/O (see JdkIoFrameRules).
            netty-epoll     io    decides   prefix   io.netty.channel.epoll.Native.epollWait
            netty-epoll     io    decides   prefix   io.netty.channel.epoll.Native.epollBusyWait
            netty-kqueue    io    decides   prefix   io.netty.channel.kqueue.Native.keventWait
            netty-select    io    refines   method   io.netty.channel.nio.NioEventLoop.select
            kafka-poll      io    refines   method   org.apache.kafka.common.network.Selector.poll
            """;
}

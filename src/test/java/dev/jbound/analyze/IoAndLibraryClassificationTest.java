package dev.jbound.analyze;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.jbound.analyze.StackFixtures.PARKED;
import static dev.jbound.analyze.StackFixtures.POOL_WORKER;
import static dev.jbound.analyze.StackFixtures.frames;
import static dev.jbound.analyze.StackFixtures.join;
import static dev.jbound.model.ThreadState.CPU;
import static dev.jbound.model.ThreadState.IO;
import static dev.jbound.model.ThreadState.LOCK;
import static dev.jbound.model.ThreadState.WAIT;

/** I/O beyond plain sockets, drivers, pools, event loops and virtual threads. */
class IoAndLibraryClassificationTest {

    private static final String[] NETTY_LOOP = {
            "io.netty.util.concurrent.SingleThreadEventExecutor$4.run",
            "io.netty.util.internal.ThreadExecutorMap$2.run", "io.netty.util.concurrent.FastThreadLocalRunnable.run",
            "java.lang.Thread.run"};

    private final FrameClassifier classifier = new FrameClassifier();

    static Stream<ClassifierCase> cases() {
        return Stream.of(
                new ClassifierCase("NIO selector in a Netty event loop is I/O", IO,
                        "io.netty.channel.nio.SelectedSelectionKeySetSelector.select", "selector", join(frames(
                        "n:epoll_wait", "n:Java_sun_nio_ch_EPoll_wait", "sun.nio.ch.EPoll.wait",
                        "sun.nio.ch.EPollSelectorImpl.doSelect", "sun.nio.ch.SelectorImpl.lockAndDoSelect",
                        "sun.nio.ch.SelectorImpl.select", "io.netty.channel.nio.SelectedSelectionKeySetSelector.select",
                        "io.netty.channel.nio.NioEventLoop.select", "io.netty.channel.nio.NioEventLoop.run"), NETTY_LOOP)),
                new ClassifierCase("Netty native epoll transport", IO, "io.netty.channel.epoll.Native.epollWait",
                        "netty-epoll", join(frames("n:epoll_wait", "n:netty_epoll_native_epollWait0",
                        "io.netty.channel.epoll.Native.epollWait0", "io.netty.channel.epoll.Native.epollWait",
                        "io.netty.channel.epoll.EpollEventLoop.epollWait", "io.netty.channel.epoll.EpollEventLoop.run"),
                        NETTY_LOOP)),
                new ClassifierCase("Kafka consumer poll", IO, "com.acme.Ingest.run", "selector", frames(
                        "n:epoll_wait", "sun.nio.ch.EPoll.wait", "sun.nio.ch.EPollSelectorImpl.doSelect",
                        "sun.nio.ch.SelectorImpl.lockAndDoSelect", "sun.nio.ch.SelectorImpl.select",
                        "org.apache.kafka.common.network.Selector.select", "org.apache.kafka.common.network.Selector.poll",
                        "org.apache.kafka.clients.NetworkClient.poll",
                        "org.apache.kafka.clients.consumer.KafkaConsumer.poll", "com.acme.Ingest.run")),
                new ClassifierCase("HikariCP pool exhausted: contention for a connection", LOCK, "com.acme.Repo.load",
                        "pool-borrow", join(PARKED, frames("java.util.concurrent.locks.LockSupport.parkNanos",
                        "java.util.concurrent.SynchronousQueue$TransferStack.awaitFulfill",
                        "java.util.concurrent.SynchronousQueue$TransferStack.transfer",
                        "java.util.concurrent.SynchronousQueue.poll", "com.zaxxer.hikari.util.ConcurrentBag.borrow",
                        "com.zaxxer.hikari.pool.HikariPool.getConnection",
                        "com.zaxxer.hikari.HikariDataSource.getConnection", "com.acme.Repo.load"))),
                new ClassifierCase("a driver parsing rows is CPU, not I/O", CPU,
                        "org.postgresql.core.PGStream.receiveTupleV3", Classification.RUNNING, frames(
                        "org.postgresql.core.PGStream.receiveTupleV3",
                        "org.postgresql.core.v3.QueryExecutorImpl.processResults",
                        "org.postgresql.jdbc.PgStatement.executeQuery", "com.acme.Repo.load")),
                new ClassifierCase("Semaphore.acquire is contention for permits", LOCK, "com.acme.Bulkhead.call",
                        "semaphore", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly",
                        "java.util.concurrent.Semaphore.acquire", "com.acme.Bulkhead.call"))),
                new ClassifierCase("StampedLock.writeLock", LOCK, "com.acme.Point.move", "stamped-lock",
                        join(PARKED, frames("java.util.concurrent.locks.StampedLock.acquireWrite",
                                "java.util.concurrent.locks.StampedLock.writeLock", "com.acme.Point.move"))),
                new ClassifierCase("ReentrantReadWriteLock read lock", LOCK, "com.acme.Registry.find", "rw-lock",
                        join(PARKED, frames("java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireShared",
                                "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock.lock",
                                "com.acme.Registry.find"))),
                new ClassifierCase("CountDownLatch.await overrides the AQS acquire above it", WAIT,
                        "com.acme.Startup.awaitReady", "latch", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly",
                        "java.util.concurrent.CountDownLatch.await", "com.acme.Startup.awaitReady"))),
                new ClassifierCase("contention on a queue's take lock counts as waiting on the queue", WAIT,
                        "java.util.concurrent.ThreadPoolExecutor.getTask", "pool-idle", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireInterruptibly",
                        "java.util.concurrent.locks.ReentrantLock.lockInterruptibly",
                        "java.util.concurrent.LinkedBlockingQueue.take",
                        "java.util.concurrent.ThreadPoolExecutor.getTask"), POOL_WORKER)),
                new ClassifierCase("producer blocked on a full queue (back-pressure)", WAIT, "com.acme.Producer.emit",
                        "queue", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                        "java.util.concurrent.ArrayBlockingQueue.put", "com.acme.Producer.emit"))),
                new ClassifierCase("a hand-rolled park in application code", WAIT, "com.acme.SpinLatch.await",
                        "park", join(PARKED, frames("com.acme.SpinLatch.await", "com.acme.Main.main"))),
                new ClassifierCase("java.net.http.HttpClient.send waits on a CompletableFuture", WAIT,
                        "com.acme.Api.get", "future", join(PARKED, frames(
                        "java.util.concurrent.CompletableFuture$Signaller.block",
                        "java.util.concurrent.ForkJoinPool.unmanagedBlock",
                        "java.util.concurrent.ForkJoinPool.managedBlock",
                        "java.util.concurrent.CompletableFuture.waitingGet", "java.util.concurrent.CompletableFuture.get",
                        "jdk.internal.net.http.HttpClientImpl.send", "jdk.internal.net.http.HttpClientFacade.send",
                        "com.acme.Api.get"))),
                new ClassifierCase("JDK 21 virtual thread socket read parks in NioSocketImpl", IO,
                        "com.acme.Handler.handle", "socket-io", frames(
                        "jdk.internal.vm.Continuation.yield0", "jdk.internal.vm.Continuation.yield",
                        "java.lang.VirtualThread.yieldContinuation", "java.lang.VirtualThread.park",
                        "java.lang.System$2.parkVirtualThread", "jdk.internal.misc.VirtualThreads.park",
                        "sun.nio.ch.Poller.pollIndirect", "sun.nio.ch.Poller.poll", "sun.nio.ch.NioSocketImpl.park",
                        "sun.nio.ch.NioSocketImpl.park", "sun.nio.ch.NioSocketImpl.implRead",
                        "sun.nio.ch.NioSocketImpl.read", "java.net.Socket$SocketInputStream.read",
                        "com.acme.Handler.handle", "java.lang.VirtualThread.run")),
                new ClassifierCase("virtual thread parked on a ReentrantLock", LOCK, "com.acme.Cache.put",
                        "reentrant-lock", frames("jdk.internal.vm.Continuation.yield",
                        "java.lang.VirtualThread.yieldContinuation", "java.lang.VirtualThread.park",
                        "java.lang.System$2.parkVirtualThread", "jdk.internal.misc.VirtualThreads.park",
                        "java.util.concurrent.locks.LockSupport.park",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.ReentrantLock.lock", "com.acme.Cache.put",
                        "java.lang.VirtualThread.run")),
                new ClassifierCase("FileChannel.lock waits for another process's lock", LOCK, "com.acme.Store.open",
                        "file-lock", frames("n:fcntl64", "n:Java_sun_nio_ch_FileDispatcherImpl_lock0",
                        "sun.nio.ch.FileDispatcherImpl.lock0", "sun.nio.ch.FileDispatcherImpl.lock",
                        "sun.nio.ch.FileChannelImpl.lock", "java.nio.channels.FileChannel.lock", "com.acme.Store.open")),
                new ClassifierCase("JDK 21 positional file read (UnixFileDispatcherImpl)", IO, "com.acme.Segment.read",
                        "file-io", frames("n:__pread64", "n:Java_sun_nio_ch_UnixFileDispatcherImpl_pread0",
                        "sun.nio.ch.UnixFileDispatcherImpl.pread0", "sun.nio.ch.UnixFileDispatcherImpl.pread",
                        "sun.nio.ch.IOUtil.readIntoNativeBuffer", "sun.nio.ch.IOUtil.read",
                        "sun.nio.ch.FileChannelImpl.readInternal", "sun.nio.ch.FileChannelImpl.read",
                        "com.acme.Segment.read")),
                new ClassifierCase("FileInputStream.readBytes", IO, "com.acme.Loader.slurp", "file-io", frames(
                        "n:__libc_read", "n:handleRead", "n:readBytes", "java.io.FileInputStream.readBytes",
                        "java.io.FileInputStream.read", "com.acme.Loader.slurp")),
                new ClassifierCase("DNS lookup", IO, "com.acme.Client.connect", "dns", frames(
                        "n:__GI___poll", "n:send_dg", "n:__res_context_send", "n:getaddrinfo",
                        "n:Java_java_net_Inet6AddressImpl_lookupAllHostAddr",
                        "java.net.Inet6AddressImpl.lookupAllHostAddr",
                        "java.net.InetAddress$PlatformNameService.lookupAllHostAddr",
                        "java.net.InetAddress.getAddressesFromNameService", "java.net.InetAddress.getAllByName0",
                        "java.net.InetAddress.getByName", "com.acme.Client.connect")),
                new ClassifierCase("Process.waitFor: Object.wait below says child process", IO, "com.acme.Build.run",
                        "process", frames("n:__futex_abstimed_wait_common", "n:ObjectMonitor::wait(long, bool, JavaThread*)",
                        "n:JVM_MonitorWait", "java.lang.Object.wait", "java.lang.ProcessImpl.waitFor",
                        "com.acme.Build.run")),
                new ClassifierCase("the process reaper thread", IO, "java.lang.ProcessHandleImpl.waitForProcessExit0",
                        "process", join(frames("n:__GI___wait4", "n:Java_java_lang_ProcessHandleImpl_waitForProcessExit0",
                        "java.lang.ProcessHandleImpl.waitForProcessExit0", "java.lang.ProcessHandleImpl$1.run"),
                        POOL_WORKER))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(ClassifierCase c) {
        c.check(classifier);
    }
}

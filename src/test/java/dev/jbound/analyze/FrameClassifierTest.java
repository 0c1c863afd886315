package dev.jbound.analyze;

import dev.jbound.model.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.jbound.analyze.StackFixtures.PARKED;
import static dev.jbound.analyze.StackFixtures.POOL_WORKER;
import static dev.jbound.analyze.StackFixtures.frames;
import static dev.jbound.analyze.StackFixtures.join;
import static dev.jbound.analyze.StackFixtures.stack;
import static dev.jbound.model.ThreadState.CPU;
import static dev.jbound.model.ThreadState.GC;
import static dev.jbound.model.ThreadState.IO;
import static dev.jbound.model.ThreadState.LOCK;
import static dev.jbound.model.ThreadState.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Core cases: one realistic stack per situation the design names. Library and JVM cases live in sibling tests. */
class FrameClassifierTest {

    private final FrameClassifier classifier = new FrameClassifier();

    static Stream<ClassifierCase> cases() {
        return Stream.of(
                new ClassifierCase("JDK 17 blocking socket read: NioSocketImpl.park → Net.poll → poll", IO,
                        "com.acme.Client.fetch", "socket-io", frames(
                        "k:schedule", "k:schedule_hrtimeout_range", "k:do_sys_poll", "k:__x64_sys_poll",
                        "k:do_syscall_64", "n:__GI___poll", "n:NET_Timeout", "n:Java_sun_nio_ch_Net_poll",
                        "sun.nio.ch.Net.poll", "sun.nio.ch.NioSocketImpl.park", "sun.nio.ch.NioSocketImpl.timedRead",
                        "sun.nio.ch.NioSocketImpl.implRead", "sun.nio.ch.NioSocketImpl.read",
                        "sun.nio.ch.NioSocketImpl$1.read", "java.net.Socket$SocketInputStream.read",
                        "java.io.BufferedInputStream.fill", "java.io.BufferedInputStream.read",
                        "com.acme.Client.fetch", "com.acme.Main.main")),
                new ClassifierCase("JDK 11 socketRead0 under a JDBC driver, site skips the driver", IO,
                        "com.acme.Repo.load", "socket-io", frames(
                        "n:__libc_recv", "n:NET_Read", "n:Java_java_net_SocketInputStream_socketRead0",
                        "java.net.SocketInputStream.socketRead0", "java.net.SocketInputStream.socketRead",
                        "java.net.SocketInputStream.read", "org.postgresql.core.VisibleBufferedInputStream.readMore",
                        "org.postgresql.core.PGStream.receiveChar",
                        "org.postgresql.core.v3.QueryExecutorImpl.processResults",
                        "org.postgresql.jdbc.PgStatement.executeQuery", "com.acme.Repo.load")),
                new ClassifierCase("driver read with no application frame: site is the first library frame", IO,
                        "org.postgresql.core.VisibleBufferedInputStream.readMore", "socket-io", join(frames(
                        "n:read", "sun.nio.ch.SocketDispatcher.read0", "sun.nio.ch.SocketDispatcher.read",
                        "sun.nio.ch.NioSocketImpl.tryRead", "sun.nio.ch.NioSocketImpl.implRead",
                        "sun.nio.ch.NioSocketImpl.read", "java.net.Socket$SocketInputStream.read",
                        "org.postgresql.core.VisibleBufferedInputStream.readMore",
                        "org.postgresql.jdbc.PgStatement.executeQuery"), POOL_WORKER)),
                new ClassifierCase("fsync: FileDispatcherImpl.force0 → fdatasync", IO,
                        "com.acme.Journal.commit", "file-io", frames(
                        "k:jbd2_log_wait_commit", "k:ext4_sync_file", "k:vfs_fsync_range", "k:do_syscall_64",
                        "n:fdatasync", "n:Java_sun_nio_ch_FileDispatcherImpl_force0",
                        "sun.nio.ch.FileDispatcherImpl.force0", "sun.nio.ch.FileDispatcherImpl.force",
                        "sun.nio.ch.FileChannelImpl.force", "com.acme.Journal.commit")),
                new ClassifierCase("synchronized contention: ObjectMonitor::EnterI above the method", LOCK,
                        "com.acme.Counter.increment", "monitor-enter", frames(
                        "n:__futex_abstimed_wait_common", "n:___pthread_cond_wait", "n:PlatformEvent::park()",
                        "n:ObjectMonitor::EnterI(JavaThread*)", "n:ObjectMonitor::enter(JavaThread*)",
                        "n:ObjectSynchronizer::enter(Handle, BasicLock*, JavaThread*)",
                        "n:SharedRuntime::complete_monitor_locking_C(oopDesc*, BasicLock*, JavaThread*)",
                        "com.acme.Counter.increment", "com.acme.Worker.run", "java.lang.Thread.run")),
                new ClassifierCase("ReentrantLock.lock contention", LOCK, "com.acme.Cache.get", "reentrant-lock", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.ReentrantLock$Sync.lock",
                        "java.util.concurrent.locks.ReentrantLock.lock", "com.acme.Cache.get"), POOL_WORKER)),
                new ClassifierCase("idle ThreadPoolExecutor worker: getTask → take → await → park", WAIT,
                        "java.util.concurrent.ThreadPoolExecutor.getTask", "pool-idle", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                        "java.util.concurrent.LinkedBlockingQueue.take",
                        "java.util.concurrent.ThreadPoolExecutor.getTask"), POOL_WORKER)),
                new ClassifierCase("idle worker re-acquiring the queue lock after a signal is still idle", WAIT,
                        "java.util.concurrent.ThreadPoolExecutor.getTask", "pool-idle", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                        "java.util.concurrent.LinkedBlockingQueue.take",
                        "java.util.concurrent.ThreadPoolExecutor.getTask"), POOL_WORKER)),
                new ClassifierCase("idle ForkJoinPool worker", WAIT, "java.util.concurrent.ForkJoinPool.awaitWork", "pool-idle",
                        join(PARKED, frames("java.util.concurrent.ForkJoinPool.awaitWork",
                                "java.util.concurrent.ForkJoinPool.runWorker",
                                "java.util.concurrent.ForkJoinWorkerThread.run"))),
                new ClassifierCase("CompletableFuture.get", WAIT, "com.acme.Gateway.call", "future", join(PARKED, frames(
                        "java.util.concurrent.CompletableFuture$Signaller.block",
                        "java.util.concurrent.ForkJoinPool.managedBlock",
                        "java.util.concurrent.CompletableFuture.waitingGet",
                        "java.util.concurrent.CompletableFuture.get", "com.acme.Gateway.call"))),
                new ClassifierCase("Thread.sleep", WAIT, "com.acme.Poller.run", "sleep", frames(
                        "n:__futex_abstimed_wait_common", "n:___pthread_cond_timedwait64",
                        "n:PlatformEvent::park(long)", "n:JVM_Sleep", "java.lang.Thread.sleep",
                        "com.acme.Poller.run", "java.lang.Thread.run")),
                new ClassifierCase("Object.wait", WAIT, "com.acme.Mailbox.take", "object-wait", frames(
                        "n:__futex_abstimed_wait_common", "n:___pthread_cond_wait", "n:PlatformEvent::park()",
                        "n:ObjectMonitor::wait(long, bool, JavaThread*)", "n:ObjectSynchronizer::wait",
                        "n:JVM_MonitorWait", "java.lang.Object.wait", "com.acme.Mailbox.take")),
                new ClassifierCase("monitor re-entry after notify is still Object.wait", WAIT, "com.acme.Mailbox.take",
                        "object-wait", frames("n:__futex_abstimed_wait_common", "n:PlatformEvent::park()",
                        "n:ObjectMonitor::ReenterI(JavaThread*, ObjectWaiter*)",
                        "n:ObjectMonitor::wait(long, bool, JavaThread*)", "n:JVM_MonitorWait",
                        "java.lang.Object.wait", "com.acme.Mailbox.take")),
                new ClassifierCase("pure CPU: site is the top Java frame", CPU, "com.acme.Matrix.multiply", Classification.RUNNING,
                        frames("com.acme.Matrix.multiply", "com.acme.Main.main")),
                new ClassifierCase("CPU in JDK code: site is still the top Java frame", CPU, "java.lang.String.hashCode",
                        Classification.RUNNING, frames("java.lang.String.hashCode", "java.util.HashMap.hash",
                        "java.util.HashMap.get", "com.acme.Index.lookup")),
                new ClassifierCase("a task running inside ForkJoinTask.join is CPU: the application frame ends the walk", CPU,
                        "com.acme.Sum.leaf", Classification.RUNNING, frames("com.acme.Sum.leaf", "com.acme.Sum.compute",
                        "java.util.concurrent.RecursiveTask.exec", "java.util.concurrent.ForkJoinTask.doExec",
                        "java.util.concurrent.ForkJoinPool.helpJoin", "java.util.concurrent.ForkJoinTask.awaitDone",
                        "java.util.concurrent.ForkJoinTask.join", "com.acme.Sum.compute")),
                new ClassifierCase("a lock taken by a task that a joining worker runs: the application frame ends the walk",
                        LOCK, "com.acme.Ledger.post", "reentrant-lock", join(PARKED, frames(
                        "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                        "java.util.concurrent.locks.ReentrantLock.lock", "com.acme.Ledger.post",
                        "com.acme.PostTask.compute", "java.util.concurrent.RecursiveAction.exec",
                        "java.util.concurrent.ForkJoinTask.doExec", "java.util.concurrent.ForkJoinPool.helpJoin",
                        "java.util.concurrent.ForkJoinTask.awaitDone", "java.util.concurrent.ForkJoinTask.join",
                        "com.acme.Batch.run"))),
                new ClassifierCase("j.u.c. frames without a park above are running code", CPU,
                        "java.util.DualPivotQuicksort.sort", Classification.RUNNING, frames(
                        "java.util.DualPivotQuicksort.sort", "java.util.ArraysParallelSortHelpers$FJInt$Sorter.compute",
                        "java.util.concurrent.CountedCompleter.exec", "java.util.concurrent.ForkJoinTask.doExec",
                        "java.util.concurrent.ForkJoinPool.helpComplete", "java.util.concurrent.ForkJoinTask.invoke",
                        "java.util.concurrent.CompletableFuture.join")),
                new ClassifierCase("thread stopped at a safepoint", GC, "com.acme.Loop.spin", "safepoint", frames(
                        "n:__futex_abstimed_wait_common", "n:___pthread_cond_wait", "n:PlatformEvent::park()",
                        "n:SafepointSynchronize::block(JavaThread*)", "n:SafepointMechanism::process(JavaThread*, bool)",
                        "n:JavaThread::check_safepoint_and_suspend_for_native_trans(JavaThread*)",
                        "n:ThreadStateTransition::transition_from_native", "java.lang.System.nanoTime",
                        "com.acme.Loop.spin"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(ClassifierCase c) {
        c.check(classifier);
    }

    @Test
    void emptyStackIsCpuWithoutSite() {
        assertThat(classifier.classify(Stack.EMPTY)).isEqualTo(new Classification(CPU, null, Classification.EMPTY));
    }

    @Test
    void memoisedFramesGiveTheSameAnswerTwice() {
        Stack s = stack(join(PARKED, frames("java.util.concurrent.locks.ReentrantLock.lock", "com.acme.A.b")));
        assertThat(classifier.classify(s)).isEqualTo(classifier.classify(s))
                .extracting(Classification::state).isEqualTo(LOCK);
    }

    /** An RMI connection kept open for the next call (a JMX client such as VisualVM or an exporter). */
    private static final String[] RMI_CONNECTION = frames(
            "java.io.BufferedInputStream.fill", "java.io.BufferedInputStream.read", "java.io.FilterInputStream.read",
            "sun.rmi.transport.tcp.TCPTransport.handleMessages", "sun.rmi.transport.tcp.TCPTransport$ConnectionHandler.run0",
            "sun.rmi.transport.tcp.TCPTransport$ConnectionHandler.lambda$run$0",
            "java.util.concurrent.ThreadPoolExecutor.runWorker", "java.lang.Thread.run");
    private static final String[] SOCKET_READ = frames(
            "n:__GI___poll", "n:Java_sun_nio_ch_Net_poll", "sun.nio.ch.Net.poll", "sun.nio.ch.NioSocketImpl.park",
            "sun.nio.ch.NioSocketImpl.timedRead", "sun.nio.ch.NioSocketImpl.implRead", "sun.nio.ch.NioSocketImpl.read",
            "sun.nio.ch.NioSocketImpl$1.read", "java.net.Socket$SocketInputStream.read");

    @Test
    void aServerWaitingForItsNextRequestWaitsWhileOneReadingACallsArgumentsDoesIo() {
        Classification idle = classifier.classify(stack(join(SOCKET_READ, RMI_CONNECTION)));
        assertThat(idle.state()).isEqualTo(WAIT);
        assertThat(idle.rule()).isEqualTo("rmi-idle");
        assertThat(idle.site().qualifiedName()).isEqualTo("sun.rmi.transport.tcp.TCPTransport.handleMessages");

        // the same connection in a call: the read is under the dispatch, so it is I/O
        Classification inCall = classifier.classify(stack(join(SOCKET_READ, frames(
                "java.io.BufferedInputStream.read", "java.io.ObjectInputStream$PeekInputStream.read",
                "java.io.ObjectInputStream.readObject", "sun.rmi.server.UnicastRef.unmarshalValue",
                "sun.rmi.server.UnicastServerRef.dispatch", "sun.rmi.transport.Transport.serviceCall"), RMI_CONNECTION)));
        assertThat(inCall.state()).isEqualTo(IO);

        // the RMI accept loop waits for connections
        Classification accept = classifier.classify(stack(frames(
                "n:accept", "sun.nio.ch.Net.accept", "sun.nio.ch.NioSocketImpl.accept", "java.net.ServerSocket.implAccept",
                "java.net.ServerSocket.accept", "sun.rmi.transport.tcp.TCPTransport$AcceptLoop.executeAcceptLoop",
                "sun.rmi.transport.tcp.TCPTransport$AcceptLoop.run", "java.lang.Thread.run")));
        assertThat(accept.state()).isEqualTo(WAIT);

        // an application's own read stays I/O
        assertThat(classifier.classify(stack(join(SOCKET_READ, frames("com.acme.Client.fetch")))).state()).isEqualTo(IO);
    }

    @Test
    void aRecordersSocketReadEventOnAnIdleConnectionIsAWait() {
        // the JDK's jdk.SocketRead stack starts in the stream class: the event, not a frame, says I/O
        Classification c = classifier.classify(stack(join(frames("java.net.Socket$SocketInputStream.read"), RMI_CONNECTION)));
        assertThat(c.given(IO)).isEqualTo(WAIT);
        assertThat(c.given(null)).isEqualTo(CPU);
        Classification app = classifier.classify(stack(frames("java.net.Socket$SocketInputStream.read", "com.acme.Client.fetch")));
        assertThat(app.given(IO)).isEqualTo(IO);
    }
}

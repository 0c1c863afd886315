package dev.jbound.analyze;

/**
 * Native and kernel frames: what async-profiler's wall samples put above the Java frames.
 * Columns: rule id, state, resolution, match, pattern (see {@link FrameRules}).
 */
final class NativeFrameRules {
    private NativeFrameRules() {
    }

    static final String TABLE = """
            # --- safepoints: a thread stopped for a safepoint waits on the VM, GC in the common case.
            #     Decisive, because the blocked Java frames below would otherwise claim the sample.
            safepoint       gc    decides   symbol-prefix  SafepointSynchronize::
            safepoint       gc    decides   symbol-prefix  ThreadSafepointState::
            safepoint       gc    decides   symbol-prefix  SafepointMechanism::process
            safepoint       gc    decides   symbol         JavaThread::check_safepoint_and_suspend_for_native_trans

            # --- GC work, in GC workers and in allocating threads that stall for a collection
            #     (G1CollectedHeap::attempt_allocation_slow → VMThread::execute). A TLAB refill
            #     through these heaps counts too: allocation pressure is the GC's cost.
            gc-g1           gc    decides   symbol-prefix  G1
            gc-parallel     gc    decides   symbol-prefix  ParallelScavengeHeap::
            gc-parallel     gc    decides   symbol-prefix  PSScavenge
            gc-parallel     gc    decides   symbol-prefix  PSParallelCompact
            gc-parallel     gc    decides   symbol-prefix  PSPromotionManager
            gc-serial       gc    decides   symbol-prefix  SerialHeap::
            gc-serial       gc    decides   symbol-prefix  GenCollectedHeap::
            gc-serial       gc    decides   symbol-prefix  DefNewGeneration::
            gc-serial       gc    decides   symbol-prefix  TenuredGeneration::
            gc-z            gc    decides   symbol-prefix  ZDriver
            gc-z            gc    decides   symbol-prefix  ZMark
            gc-z            gc    decides   symbol-prefix  ZRelocate
            gc-z            gc    decides   symbol-prefix  ZHeap::
            gc-z            gc    decides   symbol-prefix  ZPageAllocator::
            gc-z            gc    decides   symbol-prefix  ZCollectedHeap::
            gc-z            gc    decides   symbol-prefix  ZGeneration
            gc-shenandoah   gc    decides   symbol-prefix  Shenandoah
            gc-operation    gc    decides   symbol-prefix  VM_GC_Operation::
            gc-operation    gc    decides   symbol-contains  CollectFor
            gc-reference    gc    decides   symbol-prefix  ReferenceProcessor::

            # --- monitors (synchronized). Suggestions, not decisions: a thread notified out of
            #     Object.wait re-enters the monitor (ObjectMonitor::ReenterI, or ::enter on JDK 17)
            #     with ObjectMonitor::wait below, and that is still waiting, not contention.
            #     There is no JVM_MonitorEnter: monitorenter is a bytecode, entered from the
            #     interpreter, compiled code (complete_monitor_locking_C) or JNI.
            monitor-enter   lock  suggests  symbol-prefix  ObjectMonitor::enter
            monitor-enter   lock  suggests  symbol         ObjectMonitor::EnterI
            monitor-enter   lock  suggests  symbol         ObjectMonitor::ReenterI
            monitor-enter   lock  suggests  symbol-prefix  ObjectSynchronizer::enter
            monitor-enter   lock  suggests  symbol         ObjectSynchronizer::slow_enter
            monitor-enter   lock  suggests  symbol-prefix  LightweightSynchronizer::enter
            monitor-enter   lock  suggests  symbol         SharedRuntime::complete_monitor_locking_C
            monitor-enter   lock  suggests  symbol         InterpreterRuntime::monitorenter
            monitor-enter   lock  suggests  symbol         jni_MonitorEnter
            object-wait     wait  suggests  symbol         ObjectMonitor::wait
            object-wait     wait  suggests  symbol         JVM_MonitorWait
            sleep           wait  decides   symbol-prefix  JVM_Sleep

            # --- libc blocking: every park and monitor wait sleeps on a futex or condition
            #     variable, so these only say "asleep"; the frames below say why.
            futex           wait  suggests  syscall        futex_abstimed_wait_common
            futex           wait  suggests  syscall        futex_abstimed_wait_cancelable
            futex           wait  suggests  syscall        futex_wait
            futex           wait  suggests  syscall        pthread_cond_wait
            futex           wait  suggests  syscall        pthread_cond_timedwait
            futex           wait  suggests  syscall        pthread_cond_clockwait
            futex           wait  suggests  syscall        sem_wait
            futex           wait  suggests  syscall        sem_timedwait
            native-sleep    wait  suggests  syscall        nanosleep
            native-sleep    wait  suggests  syscall        clock_nanosleep

            # --- I/O system calls: I/O whether a Java I/O frame below confirms it or no Java
            #     frame is left to ask (a native library's own I/O).
            syscall-io      io    suggests  syscall        read
            syscall-io      io    suggests  syscall        readv
            syscall-io      io    suggests  syscall        pread
            syscall-io      io    suggests  syscall        preadv
            syscall-io      io    suggests  syscall        recv
            syscall-io      io    suggests  syscall        recvfrom
            syscall-io      io    suggests  syscall        recvmsg
            syscall-io      io    suggests  syscall        write
            syscall-io      io    suggests  syscall        writev
            syscall-io      io    suggests  syscall        pwrite
            syscall-io      io    suggests  syscall        pwritev
            syscall-io      io    suggests  syscall        send
            syscall-io      io    suggests  syscall        sendto
            syscall-io      io    suggests  syscall        sendmsg
            syscall-io      io    suggests  syscall        sendfile
            syscall-io      io    suggests  syscall        fsync
            syscall-io      io    suggests  syscall        fdatasync
            syscall-io      io    suggests  syscall        poll
            syscall-io      io    suggests  syscall        ppoll
            syscall-io      io    suggests  syscall        select
            syscall-io      io    suggests  syscall        pselect
            syscall-io      io    suggests  syscall        epoll_wait
            syscall-io      io    suggests  syscall        epoll_pwait
            syscall-io      io    suggests  syscall        accept
            syscall-io      io    suggests  syscall        accept4
            syscall-io      io    suggests  syscall        connect
            syscall-io      io    suggests  syscall        getaddrinfo

            # --- kernel frames that only disk or network waits reach (seen with kernel stacks on)
            kernel-io       io    suggests  symbol-prefix  io_schedule
            kernel-io       io    suggests  symbol         vfs_fsync_range
            kernel-io       io    suggests  symbol         tcp_recvmsg
            kernel-io       io    suggests  symbol         do_sys_poll
            kernel-io       io    suggests  symbol         do_epoll_wait
            """;
}

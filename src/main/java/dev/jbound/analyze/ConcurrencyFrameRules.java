package dev.jbound.analyze;

/**
 * Parking, java.util.concurrent, Object.wait and sleep.
 *
 * <p>Every j.u.c. block ends in Unsafe.park, so park only suggests WAIT and the frames below
 * refine it, the deepest one within the blocking call winning: park ← AQS.acquire (lock) ←
 * ConditionObject.await (wait) ← LinkedBlockingQueue.take ← ThreadPoolExecutor.getTask is an
 * idle worker, even when it is re-acquiring the lock after a signal. The walk ends at the first
 * application frame, so a lock taken by the user's code is never overruled by the pool below it.
 * A consequence, chosen on purpose: contention on a queue's internal lock counts as waiting on
 * the queue, and the blocking queues' put/offer (back-pressure) count as waiting too.
 */
final class ConcurrencyFrameRules {
    private ConcurrencyFrameRules() {
    }

    static final String TABLE = """
            # --- sleeping and monitor waits
            sleep           wait  decides   prefix   java.lang.Thread.sleep
            object-wait     wait  suggests  method   java.lang.Object.wait
            object-wait     wait  suggests  method   java.lang.Object.wait0
            thread-join     wait  refines   prefix   java.lang.Thread.join
            reference-wait  wait  decides   method   java.lang.ref.Reference.waitForReferencePendingList
            reference-wait  wait  refines   prefix   java.lang.ref.ReferenceQueue.remove
            timer-idle      wait  refines   method   java.util.TimerThread.mainLoop

            # --- parking: blocked, reason below
            park            wait  suggests  method   jdk.internal.misc.Unsafe.park
            park            wait  suggests  method   sun.misc.Unsafe.park
            park            wait  suggests  prefix   java.util.concurrent.locks.LockSupport.park
            vthread-park    wait  suggests  prefix   java.lang.VirtualThread.park
            vthread-park    wait  suggests  prefix   jdk.internal.vm.Continuation.yield

            # --- lock acquisition (JDK 8 names: doAcquire*, acquireQueued, parkAndCheckInterrupt)
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedSynchronizer.doAcquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedSynchronizer.tryAcquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedSynchronizer.parkAndCheckInterrupt
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedLongSynchronizer.acquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedLongSynchronizer.doAcquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedLongSynchronizer.tryAcquire
            aqs-acquire     lock  refines   prefix   java.util.concurrent.locks.AbstractQueuedLongSynchronizer.parkAndCheckInterrupt
            reentrant-lock  lock  refines   prefix   java.util.concurrent.locks.ReentrantLock.
            rw-lock         lock  refines   prefix   java.util.concurrent.locks.ReentrantReadWriteLock$
            stamped-lock    lock  refines   prefix   java.util.concurrent.locks.StampedLock.
            # Semaphore: permits mostly bound access to a shared resource (a bulkhead, a rate
            # limit), so a blocked acquire is contention. Semaphores used as signals read as
            # lock too; that is the rarer use.
            semaphore       lock  refines   prefix   java.util.concurrent.Semaphore.

            # --- waiting for another thread
            condition       wait  refines   prefix   java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.
            condition       wait  refines   prefix   java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject.
            queue           wait  refines   prefix   java.util.concurrent.LinkedBlockingQueue.
            queue           wait  refines   prefix   java.util.concurrent.LinkedBlockingDeque.
            queue           wait  refines   prefix   java.util.concurrent.ArrayBlockingQueue.
            queue           wait  refines   prefix   java.util.concurrent.PriorityBlockingQueue.
            queue           wait  refines   prefix   java.util.concurrent.DelayQueue.
            queue           wait  refines   prefix   java.util.concurrent.SynchronousQueue
            queue           wait  refines   prefix   java.util.concurrent.LinkedTransferQueue
            queue           wait  refines   prefix   java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.
            future          wait  refines   prefix   java.util.concurrent.CompletableFuture
            future          wait  refines   prefix   java.util.concurrent.FutureTask.
            future          wait  refines   prefix   java.util.concurrent.ForkJoinTask.
            latch           wait  refines   prefix   java.util.concurrent.CountDownLatch.
            barrier         wait  refines   prefix   java.util.concurrent.CyclicBarrier.
            barrier         wait  refines   prefix   java.util.concurrent.Phaser.
            exchanger       wait  refines   prefix   java.util.concurrent.Exchanger.
            # idle pool workers. No rule for ForkJoinPool.runWorker: it is below every task a
            # worker runs, so only the parked awaitWork means idle.
            pool-idle       wait  refines   method   java.util.concurrent.ThreadPoolExecutor.getTask
            pool-idle       wait  refines   method   java.util.concurrent.ForkJoinPool.awaitWork
            pool-shutdown   wait  refines   method   java.util.concurrent.ThreadPoolExecutor.awaitTermination
            """;
}

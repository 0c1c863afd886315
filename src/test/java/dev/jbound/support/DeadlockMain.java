package dev.jbound.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JVM with a deadlock for dump tests: {@code monitor} (two threads, each holding one
 * synchronized monitor and waiting for the other's) or {@code rlock} (the same with
 * ReentrantLocks). Prints "ready" once both threads hold their first lock and are about to block.
 */
public final class DeadlockMain {

    private DeadlockMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean monitors = args.length == 0 || args[0].equals("monitor");
        CountDownLatch bothHold = new CountDownLatch(2);
        if (monitors) {
            Object a = new Object();
            Object b = new Object();
            start("deadlock-a", () -> cross(a, b, bothHold));
            start("deadlock-b", () -> cross(b, a, bothHold));
        } else {
            ReentrantLock a = new ReentrantLock();
            ReentrantLock b = new ReentrantLock();
            start("rdeadlock-a", () -> cross(a, b, bothHold));
            start("rdeadlock-b", () -> cross(b, a, bothHold));
        }
        bothHold.await();
        Thread.sleep(200); // both are in their second acquire by now
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void cross(Object first, Object second, CountDownLatch bothHold) {
        synchronized (first) {
            bothHold.countDown();
            await(bothHold);
            synchronized (second) {
                System.out.println("unreachable");
            }
        }
    }

    private static void cross(ReentrantLock first, ReentrantLock second, CountDownLatch bothHold) {
        first.lock();
        try {
            bothHold.countDown();
            await(bothHold);
            second.lock();
        } finally {
            first.unlock();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

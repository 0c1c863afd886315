package dev.jbound.support;

import java.util.concurrent.CountDownLatch;

/**
 * A monitor held for good: "holder" takes the order book's lock and sleeps inside it (the classic
 * I/O-under-a-lock bug, drawn out), while three "waiter-N" threads block on it. No wait ends, so
 * no recorder writes a contention event. Prints "ready" once the waiters are blocked.
 */
public final class HeldMonitorMain {

    /** The lock's class, which the report must name. */
    static final class OrderBook {
    }

    private HeldMonitorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OrderBook book = new OrderBook();
        CountDownLatch held = new CountDownLatch(1);
        start("holder", () -> {
            synchronized (book) {
                held.countDown();
                sleepForever();
            }
        });
        held.await();
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) waiters[i] = start("waiter-" + (i + 1), () -> trade(book));
        for (Thread w : waiters) {
            while (w.getState() != Thread.State.BLOCKED) Thread.sleep(5);
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        sleepForever();
    }

    private static void trade(OrderBook book) {
        synchronized (book) {
            System.out.println("unreachable");
        }
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

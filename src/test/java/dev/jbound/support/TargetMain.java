package dev.jbound.support;

/**
 * A small target JVM for command tests: one thread (named by the first argument, default
 * "spinner") burns CPU until the process is killed. Prints "ready" once it runs.
 */
public final class TargetMain {
    private static volatile long sink;

    private TargetMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String name = args.length > 0 ? args[0] : "spinner";
        Thread t = new Thread(() -> {
            long x = 0;
            while (true) {
                for (int i = 0; i < 1_000_000; i++) x = x * 31 + i;
                sink = x;
            }
        }, name);
        t.setDaemon(true);
        t.start();
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

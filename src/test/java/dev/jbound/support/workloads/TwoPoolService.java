package dev.jbound.support.workloads;

import dev.jbound.support.servers.Work;

/**
 * A service whose pools disagree: {@code COMPUTE} threads ({@code compute-N}) hash without pause,
 * filling the cores, while {@code REQUESTERS} threads ({@code request-N}) only wait on a downstream
 * at {@code PORT}, each on a connection of its own. Summed, the waiting threads outnumber the busy
 * ones.
 *
 * <p>{@code TwoPoolService COMPUTE REQUESTERS PORT}; prints "ready".
 */
public final class TwoPoolService {

    public static void main(String[] args) throws Exception {
        int compute = Integer.parseInt(args[0]);
        int requesters = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        for (int i = 0; i < compute; i++) {
            long seed = i;
            start("compute-" + i, () -> {
                for (long h = seed; ; ) h = Work.hashFor(10_000, h);
            });
        }
        for (int i = 0; i < requesters; i++) {
            start("request-" + i, () -> {
                ClosedLoopService.Connection c = new ClosedLoopService.Connection(port);
                try {
                    while (true) c.ask();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}

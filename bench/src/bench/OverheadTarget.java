package bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU-bound target of the overhead benchmark: {@code OverheadTarget WORKERS PARKED}.
 * WORKERS threads ({@code bench-worker-N}) hash a fixed 64 KiB unit with SHA-256 in a loop and
 * count completed units; PARKED threads ({@code idle-pool-N}) sit in an idle fixed pool, parked in
 * the queue's take. It prints {@code ready PID}, then answers each {@code m} line on stdin with
 * {@code UNITS PROCESS_CPU_NANOS NANOTIME WORKER_CPU_NANOS}; end of input ends it.
 */
public final class OverheadTarget {
    static final AtomicLong UNITS = new AtomicLong();
    static volatile byte sink;

    public static void main(String[] args) throws Exception {
        int workers = Integer.parseInt(args[0]);
        int parked = Integer.parseInt(args[1]);
        if (parked > 0) {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(parked, r -> {
                Thread t = new Thread(null, r, "idle-pool-" + n.incrementAndGet(), 256 * 1024);
                t.setDaemon(true);
                return t;
            });
            ((ThreadPoolExecutor) pool).prestartAllCoreThreads();
        }
        long[] workerIds = new long[workers];
        for (int i = 1; i <= workers; i++) {
            Thread t = new Thread(OverheadTarget::work, "bench-worker-" + i);
            t.setDaemon(true);
            t.start();
            workerIds[i - 1] = t.getId();
        }
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("m")) {
                long units = UNITS.get();
                long cpu = os.getProcessCpuTime();
                long workerCpu = 0;
                for (long id : workerIds) workerCpu += threads.getThreadCpuTime(id);
                System.out.println(units + " " + cpu + " " + System.nanoTime() + " " + workerCpu);
                System.out.flush();
            }
        }
        System.exit(0);
    }

    private static void work() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[4096];
            while (true) {
                for (int i = 0; i < 16; i++) md.update(block);
                byte[] d = md.digest();
                block[d[0] & 0xfff] ^= d[1];
                sink = d[2];
                UNITS.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

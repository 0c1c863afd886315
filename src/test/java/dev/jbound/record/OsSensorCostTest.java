package dev.jbound.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Measures one poll of a 2,000-thread process (this JVM) and prints it: the default interval rests on it. */
class OsSensorCostTest {

    private static final int THREADS = 2_000;
    /** The sensor polls for seconds to minutes: measure compiled code, not the interpreter. */
    private static final int WARM_UP_POLLS = 10;

    @Test
    void onePollOfTwoThousandThreadsStaysCheap() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                Thread t = new Thread(null, () -> await(release), "parked-" + i, 64 * 1024);
                t.setDaemon(true);
                t.start();
                parked.add(t);
            }
            long pid = ProcessHandle.current().pid();
            try (TaskTable table = new TaskTable(pid, new ProcFileReader())) {
            table.snapshotStart();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < WARM_UP_POLLS; i++) table.poll(i);
            long[] costs = new long[11];
            for (int i = 0; i < costs.length; i++) {
                long before = mx.getCurrentThreadCpuTime();
                assertThat(table.poll(i)).isTrue();
                costs[i] = mx.getCurrentThreadCpuTime() - before;
            }
            Arrays.sort(costs);
            long median = costs[costs.length / 2];
            int seen = table.activities(0).size();
            double share = (double) median / OsSensor.DEFAULT_POLL_INTERVAL.toNanos();
            long stretched = (long) (median / OsSensor.MAX_CPU_SHARE);
            System.out.printf("os sensor: one poll of %d threads costs %.1f ms CPU (median of %d, min %.1f, max %.1f);"
                            + " %.2f%% of a core at the default %d ms interval, which the sensor stretches to %d ms%n",
                    seen, median / 1e6, costs.length, costs[0] / 1e6, costs[costs.length - 1] / 1e6,
                    share * 100, OsSensor.DEFAULT_POLL_INTERVAL.toMillis(), Math.max(stretched, OsSensor.DEFAULT_POLL_INTERVAL.toNanos()) / 1_000_000);
            assertThat(seen).isGreaterThanOrEqualTo(THREADS);
            // A poll reads one ~300-byte stat file per thread; 100 us per thread would mean something is off.
            assertThat(median).isLessThan(THREADS * 100_000L);
            }
        } finally {
            release.countDown();
            for (Thread t : parked) t.join(1_000);
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

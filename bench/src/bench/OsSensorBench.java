package bench;

import dev.jbound.model.OsActivity;
import dev.jbound.model.OsThreadActivity;
import dev.jbound.record.OsSensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What the OS evidence costs per window: the OS sensor of {@code attach} (thread states, CPU time,
 * run delay, and each sleeping thread's blocking call with what its descriptors are) watching the
 * overhead bench's target for a window, in this JVM, as jbound runs it. Its poller's CPU time is
 * measured on the poller thread itself, and the end of the window (end snapshot, socket lookups)
 * on the caller's.
 *
 * <p>System properties: bench.os.window.ms (5000), bench.os.rounds (5), bench.parked ("0,2000").
 */
public final class OsSensorBench {

    public static void main(String[] args) throws Exception {
        long windowMs = Long.getLong("bench.os.window.ms", 5000);
        int rounds = Integer.getInteger("bench.os.rounds", 5);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%n## OS sensor: CPU per %d ms window (median of %d), in jbound's JVM%n%n", windowMs, rounds);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"target threads", "polls", "calls read", "poller CPU ms", "end of window CPU ms",
                "total CPU ms", "% of a core", "us per thread per poll"});
        for (String p : System.getProperty("bench.parked", "0,2000").split(",")) {
            int parked = Integer.parseInt(p.trim());
            try (OverheadBench.Target t = OverheadBench.Target.start(2, parked)) {
                Thread.sleep(1000);
                List<Double> polls = new ArrayList<>(), calls = new ArrayList<>(), poller = new ArrayList<>(),
                        end = new ArrayList<>(), total = new ArrayList<>(), perThread = new ArrayList<>();
                int threads = 0;
                for (int r = 0; r <= rounds; r++) {
                    OsSensor sensor = OsSensor.start(t.pid);
                    Thread pollThread = pollerOf(t.pid);
                    Thread.sleep(windowMs);
                    long pollerCpu = mx.getThreadCpuTime(pollThread.getId());
                    long before = mx.getCurrentThreadCpuTime();
                    OsActivity a = sensor.stop();
                    long endCpu = mx.getCurrentThreadCpuTime() - before;
                    if (r == 0) continue; // the first window warms the sensor's code up
                    threads = a.threads().size();
                    int read = 0;
                    for (OsThreadActivity th : a.threads()) read += th.blocked().stream().mapToInt(b -> b.polls()).sum();
                    polls.add((double) sensor.polls());
                    calls.add((double) read);
                    poller.add(pollerCpu / 1e6);
                    end.add(endCpu / 1e6);
                    total.add((pollerCpu + endCpu) / 1e6);
                    perThread.add(sensor.polls() == 0 ? Double.NaN : pollerCpu / 1e3 / sensor.polls() / threads);
                }
                double med = Stats.median(total);
                rows.add(new String[]{Integer.toString(threads), Stats.f(Stats.median(polls), 0), Stats.f(Stats.median(calls), 0),
                        Stats.f(Stats.median(poller), 1), Stats.f(Stats.median(end), 1), Stats.f(med, 1),
                        Stats.f(100 * med / windowMs, 2), Stats.f(Stats.median(perThread), 1)});
                System.err.printf("  %d parked done%n", parked);
            }
        }
        Stats.table(rows);
    }

    /** The sensor's poller thread ("jbound-os-sensor-PID"), started by OsSensor.start. */
    private static Thread pollerOf(long pid) {
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().equals("jbound-os-sensor-" + pid)) return th;
        }
        throw new IllegalStateException("no OS sensor thread for " + pid);
    }
}

package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code jbound watch} at its defaults (--window 10s --every 60s) costs a CPU-bound target:
 * the same target as the overhead bench (2 workers hashing, optionally 2,000 parked threads),
 * measured over whole phases of watching and of not watching, alternating (A B, then B A), so
 * that each watching phase holds the same share of windows as the defaults give.
 *
 * <p>System properties: bench.watch.phase.s (120, two periods), bench.watch.rounds (2),
 * bench.parked ("0,2000").
 */
public final class WatchOverheadBench {

    private record Phase(boolean watching, double unitsPerSec, double cpuNanosPerUnit, double watchCores) {
    }

    public static void main(String[] args) throws Exception {
        long phaseMillis = Long.getLong("bench.watch.phase.s", 120) * 1000;
        int rounds = Integer.getInteger("bench.watch.rounds", 2);
        String jar = System.getProperty("bench.jar", "target/jbound.jar");
        System.out.printf(Locale.ROOT, "%n## watch overhead: jbound watch PID at its defaults (--window 10s --every 60s), %d rounds of %d s"
                + " watching and %d s not, alternating; 2 workers hashing%n%n", rounds, phaseMillis / 1000, phaseMillis / 1000);
        System.out.println("| parked threads | target CPU/unit, watching / not | throughput, watching / not | watch's own CPU (cores) | (target+watch) CPU/unit ratio | windows seen |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (String p : System.getProperty("bench.parked", "0,2000").split(",")) {
            int parked = Integer.parseInt(p.trim());
            List<Phase> phases = new ArrayList<>();
            int windows = 0;
            try (OverheadBench.Target target = OverheadBench.Target.start(2, parked)) {
                Thread.sleep(10_000); // the target's JIT settles
                for (int r = 0; r < rounds; r++) {
                    for (boolean watching : r % 2 == 0 ? new boolean[]{false, true} : new boolean[]{true, false}) {
                        Process watch = null;
                        Path log = Files.createTempFile("jbound-watch-bench-", ".log");
                        if (watching) {
                            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                            watch = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-jar", jar,
                                    "watch", Long.toString(target.pid))
                                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                        }
                        long[] a = target.mark();
                        Thread.sleep(phaseMillis);
                        long[] b = target.mark();
                        double watchCores = 0;
                        if (watch != null) {
                            double cpu = watch.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
                            watchCores = cpu / ((b[3] - a[3]) / 1e9);
                            watch.destroy();
                            watch.waitFor();
                            windows += (int) Files.readAllLines(log).stream().filter(l -> l.contains("confidence")).count();
                        }
                        Files.deleteIfExists(log);
                        long units = b[0] - a[0];
                        Phase ph = new Phase(watching, units / ((b[3] - a[3]) / 1e9), (double) (b[1] - a[1]) / units, watchCores);
                        phases.add(ph);
                        System.err.printf(Locale.ROOT, "  parked=%d round %d %-12s %8.0f units/s %6.1f us cpu/unit  watch %.3f cores%n",
                                parked, r + 1, watching ? "watching" : "not watching", ph.unitsPerSec(), ph.cpuNanosPerUnit() / 1e3, watchCores);
                        Thread.sleep(5_000); // the profiler's last window ends before the next phase
                    }
                }
            }
            double cpuW = Stats.median(phases.stream().filter(Phase::watching).map(Phase::cpuNanosPerUnit).toList());
            double cpuN = Stats.median(phases.stream().filter(x -> !x.watching()).map(Phase::cpuNanosPerUnit).toList());
            double tpW = Stats.median(phases.stream().filter(Phase::watching).map(Phase::unitsPerSec).toList());
            double tpN = Stats.median(phases.stream().filter(x -> !x.watching()).map(Phase::unitsPerSec).toList());
            double watchCores = Stats.median(phases.stream().filter(Phase::watching).map(Phase::watchCores).toList());
            // the watch's CPU spread over the units the target completed while watched
            double withWatch = (cpuW + watchCores * 1e9 / tpW) / cpuN;
            System.out.printf(Locale.ROOT, "| %d | %.4f | %.3f | %.4f | %.4f | %d |%n", parked, cpuW / cpuN, tpW / tpN, watchCores, withWatch, windows);
        }
    }
}

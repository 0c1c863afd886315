package dev.jbound.analyze;

import dev.jbound.model.ThreadInfo;
import dev.jbound.model.Breakdown;
import dev.jbound.model.CpuBudget;
import dev.jbound.model.Endpoint;
import dev.jbound.model.IoShare;
import dev.jbound.model.PoolRow;
import dev.jbound.model.Strategy;
import dev.jbound.model.ThreadRow;
import dev.jbound.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Per-pool breakdown, verdict and pool-size advice: one process-wide verdict hides a mixed service. */
final class PoolRows {
    private PoolRows() {
    }

    /**
     * @param load       per pool, what sizing needs beyond the breakdown
     * @param processCpu all the CPU the process used in the window: what one pool leaves to the rest
     * @param pinning    per pool, whether its threads would pin as virtual threads (from the dump; null without one)
     */
    static List<PoolRow> of(Map<String, List<ThreadRow>> pools, Map<String, IoAttribution.Tally> io, Map<String, PoolTally> load,
                            Function<String, Endpoint> endpoints, long window, long osWindow, double machineBusyCores,
                            CpuBudget cores, long processCpu, int jdk, Function<String, Pinning> pinning) {
        List<PoolRow> out = new ArrayList<>();
        pools.forEach((key, threads) -> {
            Breakdown b = Breakdown.EMPTY;
            int active = 0;
            int samples = 0;
            double covered = 0;
            for (ThreadRow t : threads) {
                if (t.idle()) continue;
                b = b.plus(t.breakdown());
                active++;
                samples += t.samples();
                covered += t.coverage() * t.breakdown().activeNanos();
            }
            String name = threads.size() == 1 ? threads.get(0).name() : key;
            // a pool's verdict rests on what its own threads' time rests on; doubts are the process's to say
            double coverage = b.activeNanos() == 0 ? 1 : covered / b.activeNanos();
            var evidence = new VerdictEvidence(coverage, samples, 0, Verdict.CpuSource.OS, Double.NaN, null, true, false);
            Verdict v = WorkloadClassifier.classify(b, window, cores.effectiveCpus(), -1, evidence);
            double busy = window == 0 ? 0 : (double) b.activeNanos() / window;
            IoAttribution.Tally waits = io.get(key);
            List<IoShare> targets = waits == null ? List.of() : waits.rows(endpoints);
            PoolTally t = load.getOrDefault(key, new PoolTally());
            double others = window <= 0 ? 0 : Math.max(0, processCpu - t.cpuNanos()) / (double) window;
            var sizing = new PoolSizing.Load(b, active, cores.effectiveCpus(), cores.machineCpus(), others, window,
                    t.requestsPerSecond(osWindow), t.borrowNanos(), t.borrowPool(), targets, machineBusyCores,
                    t.pooledVia());
            Strategy s = StrategyAdvisor.advisePool(v, new StrategyAdvisor.Facts(b, cores.effectiveCpus(), cores.throttled(),
                    busy, active, List.of(), List.of(), List.of(), jdk,
                    !threads.isEmpty() && ThreadInfo.isVirtual(threads.get(0).osTid()), sizing, pinning.apply(key)));
            out.add(new PoolRow(name, threads.size(), active, b, v, s, targets));
        });
        out.sort(Comparator.comparingLong((PoolRow p) -> -p.breakdown().activeNanos()).thenComparing(PoolRow::name));
        return out;
    }
}

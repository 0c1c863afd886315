package dev.jbound.model;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one JFR recording, independent of which recorder produced it.
 * Times are nanoseconds since the epoch; sample intervals are what the recorder was asked for.
 */
public record Recording(
        long startNanos,
        long endNanos,
        long cpuIntervalNanos,
        long wallIntervalNanos,
        Map<Long, ThreadInfo> threads,
        List<CpuSample> cpuSamples,
        List<WallSample> wallSamples,
        List<LockEvent> lockEvents,
        boolean truncated) {

    public Recording {
        threads = Map.copyOf(threads);
        cpuSamples = List.copyOf(cpuSamples);
        wallSamples = List.copyOf(wallSamples);
        lockEvents = List.copyOf(lockEvents);
    }

    public long durationNanos() {
        return Math.max(0, endNanos - startNanos);
    }

    public ThreadInfo thread(long osTid) {
        ThreadInfo t = threads.get(osTid);
        return t != null ? t : new ThreadInfo(osTid, "[tid=" + osTid + "]", 0);
    }
}

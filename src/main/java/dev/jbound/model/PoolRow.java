package dev.jbound.model;

import java.util.List;

/** Threads grouped by name pattern (e.g. {@code pool-3-thread-*}) with their own verdict. */
public record PoolRow(String name, int threads, int activeThreads, Breakdown breakdown,
                      Verdict verdict, Strategy strategy, List<IoShare> ioTargets) {

    public PoolRow {
        ioTargets = List.copyOf(ioTargets);
    }
}

package dev.jbound.analyze;

import dev.jbound.model.FrameCount;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds up thread time per (state, frame) so a report can name the frames behind each state. */
final class SiteTally {

    private static final class Count {
        long nanos;
        int samples;
    }

    private final EnumMap<ThreadState, Map<String, Count>> byState = new EnumMap<>(ThreadState.class);

    void add(ThreadState state, String frame, long nanos) {
        if (frame == null) return;
        Count c = byState.computeIfAbsent(state, s -> new HashMap<>()).computeIfAbsent(frame, f -> new Count());
        c.nanos += nanos;
        c.samples++;
    }

    void addAll(SiteTally other) {
        other.byState.forEach((state, frames) -> frames.forEach((frame, c) -> {
            Count mine = byState.computeIfAbsent(state, s -> new HashMap<>()).computeIfAbsent(frame, f -> new Count());
            mine.nanos += c.nanos;
            mine.samples += c.samples;
        }));
    }

    /** The {@code limit} frames with the most time in {@code state}, ties broken by name for stable output. */
    List<FrameCount> top(ThreadState state, int limit) {
        List<FrameCount> list = new ArrayList<>();
        byState.getOrDefault(state, Map.of()).forEach((f, c) -> list.add(new FrameCount(f, c.nanos, c.samples)));
        list.sort(Comparator.comparingLong(FrameCount::nanos).reversed().thenComparing(FrameCount::frame));
        return list.size() > limit ? List.copyOf(list.subList(0, limit)) : List.copyOf(list);
    }
}

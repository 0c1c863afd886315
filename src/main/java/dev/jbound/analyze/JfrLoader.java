package dev.jbound.analyze;

import dev.jbound.model.CpuSample;
import dev.jbound.model.LockEvent;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.WallSample;
import one.jfr.JfrReader;
import one.jfr.event.ContendedLock;
import one.jfr.event.Event;
import one.jfr.event.ExecutionSample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording into a {@link Recording} with async-profiler's streaming parser
 * ({@code one.jfr.JfrReader}), which the bench shows to be several times faster than
 * {@code jdk.jfr.consumer.RecordingFile} and needs no JFR module at run time.
 */
public final class JfrLoader {

    /** async-profiler writes cpu samples with thread state 0 and wall samples with RUNNABLE/SLEEPING. */
    private static final int STATE_DEFAULT = 0;
    /** async-profiler's default cpu and wall intervals, used when the recording does not say. */
    private static final long DEFAULT_INTERVAL_NANOS = 10_000_000L;
    private static final long DEFAULT_WALL_INTERVAL_NANOS = 50_000_000L;

    private JfrLoader() {
    }

    public static Recording load(Path file) throws IOException {
        try (JfrReader reader = new JfrReader(file.toString())) {
            return read(reader);
        }
    }

    private static Recording read(JfrReader reader) throws IOException {
        StackDecoder stacks = new StackDecoder(reader);
        List<CpuSample> cpu = new ArrayList<>();
        List<WallSample> wall = new ArrayList<>();
        List<LockEvent> locks = new ArrayList<>();
        List<Event> pendingSamples = new ArrayList<>();
        for (Event e; (e = reader.readEvent()) != null; ) {
            if (e instanceof ExecutionSample || e instanceof ContendedLock) {
                pendingSamples.add(e);
            }
        }
        // Intervals are only known once the settings of the recording have been read.
        long cpuInterval = settingNanos(reader, "interval", DEFAULT_INTERVAL_NANOS);
        long wallInterval = settingNanos(reader, "wall", DEFAULT_WALL_INTERVAL_NANOS);
        for (Event e : pendingSamples) {
            long time = reader.eventTimeToNanos(e.time);
            Stack stack = stacks.decode(e.stackTraceId);
            if (e instanceof ExecutionSample s) {
                if (s.threadState == STATE_DEFAULT) {
                    cpu.add(new CpuSample(time, s.tid, stack, cpuInterval));
                } else {
                    wall.add(new WallSample(time, s.tid, stack, wallInterval * Math.max(1, s.samples)));
                }
            } else {
                ContendedLock l = (ContendedLock) e;
                long durationNanos = (long) (l.duration * reader.nanosPerTick);
                LockEvent.Kind kind = stack.frames().stream().limit(3)
                        .anyMatch(f -> f.method().equals("park")) ? LockEvent.Kind.PARK : LockEvent.Kind.MONITOR;
                locks.add(new LockEvent(time, l.tid, stack, stacks.className(l.classId), durationNanos, kind));
            }
        }
        return new Recording(reader.startNanos, reader.endNanos, cpuInterval, wallInterval,
                threads(reader), cpu, wall, locks, reader.incomplete());
    }

    private static Map<Long, ThreadInfo> threads(JfrReader reader) {
        Map<Long, ThreadInfo> threads = new HashMap<>();
        reader.threads.forEach((tid, name) -> {
            Long javaId = reader.javaThreads.get(tid);
            threads.put(tid, new ThreadInfo(tid, name, javaId == null ? 0 : javaId));
        });
        return threads;
    }

    private static long settingNanos(JfrReader reader, String key, long fallback) {
        String value = reader.settings.get(key);
        if (value == null) return fallback;
        try {
            long nanos = Long.parseLong(value.trim());
            return nanos > 0 ? nanos : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package dev.jbound.load;

import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrFormatException;
import dev.jbound.load.jfr.JfrType;
import dev.jbound.load.jfr.LongMap;
import dev.jbound.model.LockEvent;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * async-profiler's events: cpu samples (jdk.ExecutionSample in the default thread state), wall
 * samples (profiler.WallClockSample, batched: one event may stand for several intervals), and
 * monitor and park contention (jdk.JavaMonitorEnter, jdk.ThreadPark).
 */
final class AsyncProfilerEvents {

    /** async-profiler writes cpu samples with thread state 0 and wall samples with RUNNABLE/SLEEPING. */
    private static final long STATE_DEFAULT = 0;
    /** async-profiler's default cpu and wall intervals, used when the recording does not say. */
    private static final long DEFAULT_INTERVAL_NANOS = 10_000_000L;
    private static final long DEFAULT_WALL_INTERVAL_NANOS = 50_000_000L;

    private final RecordingBuilder out;
    /** Settings by name: async-profiler writes its options ("interval", "wall") as jdk.ActiveSetting events. */
    private final Map<String, String> settings = new HashMap<>();
    // the chunk's (thread, stack) key pairs, resolved once each: the same few recur millions of
    // times. Emptied at each chunk, whose keys are its own, and kept: refilled, not grown again.
    private final LongMap<RecordingBuilder.Resolved> cpuSeen = new LongMap<>();
    private final LongMap<RecordingBuilder.Resolved> wallSeen = new LongMap<>();

    AsyncProfilerEvents(RecordingBuilder out) {
        this.out = out;
    }

    static boolean wrote(JfrChunk chunk) {
        return chunk.type("profiler.WallClockSample") != null || chunk.type("profiler.Log") != null
                || chunk.type("profiler.Window") != null;
    }

    /**
     * @param chunkSettings the chunk's settings, read ahead
     * @param also consumers of other event types, read in the same pass (the JVM's description) */
    void read(JfrChunk chunk, ChunkDecoder decoder, List<ActiveSettings.Setting> chunkSettings,
              Map<String, JfrChunk.EventConsumer> also) throws JfrFormatException {
        // Settings first: the sample weights depend on them wherever they sit in the chunk.
        for (ActiveSettings.Setting s : chunkSettings) settings.put(s.name(), s.value());
        out.cpuIntervalNanos = settingNanos("interval", DEFAULT_INTERVAL_NANOS);
        out.wallIntervalNanos = settingNanos("wall", DEFAULT_WALL_INTERVAL_NANOS);
        cpuSeen.clear();
        wallSeen.clear();
        Map<String, JfrChunk.EventConsumer> consumers = new HashMap<>();
        for (String sample : new String[]{"jdk.ExecutionSample", "profiler.WallClockSample"}) {
            JfrType t = chunk.type(sample);
            if (t != null) consumers.put(sample, sample(t, decoder));
        }
        for (String lock : new String[]{"jdk.JavaMonitorEnter", "jdk.ThreadPark"}) {
            JfrType t = chunk.type(lock);
            if (t != null) consumers.put(lock, lock(t, decoder));
        }
        JfrType cpu = chunk.type("jdk.CPUInformation");
        if (cpu != null) {
            int hw = cpu.indexOf("hwThreads");
            consumers.put("jdk.CPUInformation", e -> out.cpus = (int) e.getLong(hw));
        }
        consumers.putAll(also);
        chunk.events(consumers);
    }

    private JfrChunk.EventConsumer sample(JfrType t, ChunkDecoder decoder) {
        int time = t.indexOf("startTime");
        int thread = t.indexOf("sampledThread");
        int stack = t.indexOf("stackTrace");
        int state = t.indexOf("state");
        int samples = t.indexOf("samples");
        return e -> {
            long threadKey = e.getLong(thread);
            long stackKey = e.getLong(stack);
            boolean cpu = e.getLong(state) == STATE_DEFAULT;
            LongMap<RecordingBuilder.Resolved> seen = cpu ? cpuSeen : wallSeen;
            long at = e.epochNanos(time);
            long weight = cpu ? out.cpuIntervalNanos : out.wallIntervalNanos * Math.max(1, e.getLong(samples));
            if (!cpu && weight <= 0) return;
            RecordingBuilder.Resolved r = seen.get(threadKey, stackKey);
            if (r == null) {
                ThreadInfo th = decoder.thread(threadKey);
                if (th == null) return;
                r = out.resolve(th, decoder.stack(stackKey), cpu, at);
                seen.put(threadKey, stackKey, r);
            }
            out.sample(r, at, weight);
        };
    }

    private JfrChunk.EventConsumer lock(JfrType t, ChunkDecoder decoder) {
        int time = t.indexOf("startTime");
        int duration = t.indexOf("duration");
        int thread = t.indexOf("eventThread");
        int stack = t.indexOf("stackTrace");
        boolean park = t.name().equals("jdk.ThreadPark");
        int cls = park ? t.indexOf("parkedClass") : t.indexOf("monitorClass");
        LockEvent.Kind kind = park ? LockEvent.Kind.PARK : LockEvent.Kind.MONITOR;
        return e -> {
            ThreadInfo th = decoder.thread(e.getLong(thread));
            if (th == null) return;
            Stack s = decoder.stack(e.getLong(stack));
            out.lock(new LockEvent(e.epochNanos(time), out.thread(th), s, decoder.className(e.getLong(cls)),
                    e.nanos(duration), kind));
        };
    }

    private long settingNanos(String key, long fallback) {
        String value = settings.get(key);
        if (value == null) return fallback;
        try {
            long nanos = Long.parseLong(value.trim());
            return nanos > 0 ? nanos : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

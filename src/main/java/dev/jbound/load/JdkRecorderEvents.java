package dev.jbound.load;

import dev.jbound.analyze.ThreadDump;
import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrFormatException;
import dev.jbound.load.jfr.JfrType;
import dev.jbound.model.Frame;
import dev.jbound.model.LockEvent;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadState;

import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * The JDK Flight Recorder's events. Its sampler takes a handful of threads per period, so samples
 * show where time goes, not how much: CPU time comes from jdk.ThreadCPULoad (or the OS sensor),
 * and waits from timed events, each of which says what the thread waited for and how long:
 * monitor enter and park (lock or wait, by stack), monitor wait and sleep (wait), socket and file
 * reads and writes (io). GC pauses stop every application thread.
 */
final class JdkRecorderEvents {

    /** The JDK's default period for execution and native-method samples (default.jfc). */
    static final long DEFAULT_SAMPLE_PERIOD_NANOS = 20_000_000L;

    /** Timed events whose type decides the state; null means the stack does (a park may be a lock or idle). */
    private static final Map<String, ThreadState> TIMED = new HashMap<>();

    static {
        TIMED.put("jdk.JavaMonitorEnter", ThreadState.LOCK);
        TIMED.put("jdk.ThreadPark", null);
        TIMED.put("jdk.JavaMonitorWait", ThreadState.WAIT);
        TIMED.put("jdk.ThreadSleep", ThreadState.WAIT);
        TIMED.put("jdk.SocketRead", ThreadState.IO);
        TIMED.put("jdk.SocketWrite", ThreadState.IO);
        TIMED.put("jdk.FileRead", ThreadState.IO);
        TIMED.put("jdk.FileWrite", ThreadState.IO);
        TIMED.put("jdk.FileForce", ThreadState.IO);
    }

    private final RecordingBuilder out;
    /** Setting values by event type name and setting name; they may come in any chunk. */
    private final Map<String, Map<String, String>> settings = new HashMap<>();
    private final Map<Long, Long> lastCpuLoad = new HashMap<>();
    private int pinnedEvents;
    private long pinnedNanos;
    private final Map<String, Integer> pinnedSites = new HashMap<>();
    private int containerCpus;
    private long firstDumpAt = Long.MAX_VALUE;
    private String firstDump;
    private long lastDumpAt = Long.MIN_VALUE;
    private String lastDump;
    private int hwThreads;
    private long lostCpuSamples;

    JdkRecorderEvents(RecordingBuilder out) {
        this.out = out;
        out.producer = Recording.JDK_FLIGHT_RECORDER;
    }

    /**
     * @param chunkSettings the chunk's settings, read ahead
     * @param also consumers of other event types, read in the same pass (the JVM's description)
     */
    void read(JfrChunk chunk, ChunkDecoder decoder, List<ActiveSettings.Setting> chunkSettings,
              Map<String, JfrChunk.EventConsumer> also) throws JfrFormatException {
        readSettings(chunk, chunkSettings);
        long samplePeriod = period("jdk.ExecutionSample", DEFAULT_SAMPLE_PERIOD_NANOS);
        long nativePeriod = period("jdk.NativeMethodSample", DEFAULT_SAMPLE_PERIOD_NANOS);
        out.wallIntervalNanos = nativePeriod;
        Map<String, JfrChunk.EventConsumer> consumers = new HashMap<>();
        if (cpuTimeSampler()) {
            // JDK 25's CPU-time sampler (Linux) takes every thread on a CPU, in Java code or not,
            // each sample standing for its sampling period of CPU time; the execution sampler it
            // replaces takes a few threads a period and misses native code and some compiled loops.
            long throttle = JfrDurations.parse(settings.get("jdk.CPUTimeSample").get("throttle"));
            out.cpuIntervalNanos = throttle > 0 ? throttle : samplePeriod;
            on(chunk, consumers, "jdk.CPUTimeSample", t -> cpuTimeSample(t, decoder));
            on(chunk, consumers, "jdk.CPUTimeSamplesLost", t -> {
                int lost = t.indexOf("lostSamples");
                return e -> lostCpuSamples += e.getLong(lost);
            });
        } else {
            out.cpuIntervalNanos = samplePeriod;
            on(chunk, consumers, "jdk.ExecutionSample", t -> sample(t, decoder, false, samplePeriod));
        }
        on(chunk, consumers, "jdk.NativeMethodSample", t -> sample(t, decoder, true, nativePeriod));
        for (Map.Entry<String, ThreadState> timed : TIMED.entrySet()) {
            on(chunk, consumers, timed.getKey(), t -> timed(t, chunk, decoder, timed.getValue()));
        }
        on(chunk, consumers, "jdk.ThreadCPULoad", t -> cpuLoad(t, decoder, period("jdk.ThreadCPULoad", -1)));
        on(chunk, consumers, "jdk.GarbageCollection", this::gc);
        on(chunk, consumers, "jdk.ThreadDump", this::threadDump);
        on(chunk, consumers, "jdk.ObjectAllocationSample", t -> {
            int thread = t.indexOf("eventThread");
            return e -> {
                ThreadInfo th = decoder.thread(e.getLong(thread));
                if (th != null) out.allocation(th);
            };
        });
        on(chunk, consumers, "jdk.CPULoad", t -> processLoad(t, period("jdk.CPULoad", 1_000_000_000L)));
        on(chunk, consumers, "jdk.VirtualThreadPinned", t -> pinned(t, decoder));
        on(chunk, consumers, "jdk.CPUInformation", t -> {
            int hw = t.indexOf("hwThreads");
            return e -> hwThreads = (int) e.getLong(hw);
        });
        on(chunk, consumers, "jdk.ContainerConfiguration", t -> {
            int n = t.indexOf("effectiveCpuCount");
            return e -> containerCpus = (int) e.getLong(n);
        });
        consumers.putAll(also);
        chunk.events(consumers);
        out.cpus = containerCpus > 0 ? containerCpus : hwThreads;
    }

    /** Adds what only the whole recording tells: CPU time between the first and last thread dumps, pinned virtual threads. */
    void finish() {
        if (lostCpuSamples > 0) {
            out.note(String.format(Locale.US, "the JDK's CPU-time sampler lost %d samples (its queue was full):"
                    + " CPU samples undercount where the process was busiest", lostCpuSamples));
        }
        if (firstDump != null && lastDumpAt > firstDumpAt) {
            Map<Long, ThreadDump.Thread> first = ThreadDump.parse(firstDump).threads();
            Map<Long, ThreadDump.Thread> last = ThreadDump.parse(lastDump).threads();
            long apart = lastDumpAt - firstDumpAt;
            out.waitingThroughout(first, last, firstDumpAt, apart);
            out.dumps(first, last, apart);
        }
        if (pinnedEvents == 0) return;
        String site = pinnedSites.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        out.note(String.format(Locale.US, "%d times a virtual thread blocked while pinned to its carrier (%.0f ms in all),"
                + " most often at %s: the carrier could run nothing else meanwhile", pinnedEvents, pinnedNanos / 1e6, site));
    }

    private interface ConsumerFactory {
        JfrChunk.EventConsumer create(JfrType type);
    }

    private static void on(JfrChunk chunk, Map<String, JfrChunk.EventConsumer> consumers, String name, ConsumerFactory f) {
        JfrType t = chunk.type(name);
        if (t != null) consumers.put(name, f.create(t));
    }

    private void readSettings(JfrChunk chunk, List<ActiveSettings.Setting> chunkSettings) {
        Map<Long, String> typeNames = new HashMap<>();
        for (String n : new String[]{"jdk.ExecutionSample", "jdk.NativeMethodSample", "jdk.ThreadCPULoad", "jdk.CPULoad", "jdk.CPUTimeSample"}) {
            JfrType t = chunk.type(n);
            if (t != null) typeNames.put(t.id(), n);
        }
        for (ActiveSettings.Setting s : chunkSettings) {
            String type = typeNames.get(s.eventType());
            if (type != null) settings.computeIfAbsent(type, k -> new HashMap<>()).put(s.name(), s.value());
        }
    }

    /** The recording had JDK 25's CPU-time sampler on (jdk.CPUTimeSample, Linux only). */
    private boolean cpuTimeSampler() {
        return "true".equals(settings.getOrDefault("jdk.CPUTimeSample", Map.of()).get("enabled"));
    }

    private long period(String type, long fallback) {
        long nanos = JfrDurations.parse(settings.getOrDefault(type, Map.of()).get("period"));
        return nanos > 0 ? nanos : fallback;
    }

    private JfrChunk.EventConsumer sample(JfrType t, ChunkDecoder decoder, boolean inNative, long period) {
        int time = t.indexOf("startTime");
        int thread = t.indexOf("sampledThread");
        int stack = t.indexOf("stackTrace");
        return e -> {
            ThreadInfo th = decoder.thread(e.getLong(thread));
            if (th == null) return;
            Stack s = decoder.stack(e.getLong(stack));
            if (inNative) out.nativeSample(e.epochNanos(time), th, s, period);
            else out.cpu(e.epochNanos(time), th, s, period);
        };
    }

    private JfrChunk.EventConsumer cpuTimeSample(JfrType t, ChunkDecoder decoder) {
        int time = t.indexOf("startTime");
        int thread = t.indexOf("eventThread");
        int stack = t.indexOf("stackTrace");
        int period = t.indexOf("samplingPeriod");
        return e -> {
            ThreadInfo th = decoder.thread(e.getLong(thread));
            if (th == null) return;
            // a failed sample has no stack but still stands for its CPU time
            out.cpu(e.epochNanos(time), th, decoder.stack(e.getLong(stack)), e.nanos(period));
        };
    }

    private JfrChunk.EventConsumer timed(JfrType t, JfrChunk chunk, ChunkDecoder decoder, ThreadState known) {
        int time = t.indexOf("startTime");
        int duration = t.indexOf("duration");
        int thread = t.indexOf("eventThread");
        int stack = t.indexOf("stackTrace");
        int cls = t.name().equals("jdk.ThreadPark") ? t.indexOf("parkedClass")
                : t.name().equals("jdk.JavaMonitorEnter") ? t.indexOf("monitorClass") : -1;
        IoEventTarget target = IoEventTarget.of(t);
        return e -> {
            ThreadInfo th = decoder.thread(e.getLong(thread));
            if (th == null) return;
            long start = e.epochNanos(time);
            long dur = e.nanos(duration);
            // A wait is written in the chunk where it ends and may have begun in an earlier one; it
            // counts from the recording's start.
            long from = Math.max(start, out.startNanos);
            long to = Math.min(start + dur, chunk.endNanos());
            Stack s = decoder.stack(e.getLong(stack));
            out.timed(from, th, s, to - from, known);
            if (target != null) out.ioWait(th, target.of(e), to - from);
            if (cls >= 0) {
                LockEvent.Kind kind = known == ThreadState.LOCK ? LockEvent.Kind.MONITOR : LockEvent.Kind.PARK;
                out.lock(new LockEvent(start, out.thread(th), s, decoder.className(e.getLong(cls)), dur, kind));
            }
        };
    }

    private JfrChunk.EventConsumer cpuLoad(JfrType t, ChunkDecoder decoder, long period) {
        int time = t.indexOf("startTime");
        int thread = t.indexOf("eventThread");
        int user = t.indexOf("user");
        int system = t.indexOf("system");
        return e -> {
            ThreadInfo th = decoder.thread(e.getLong(thread));
            if (th == null) return;
            long at = e.epochNanos(time);
            Long last = lastCpuLoad.put(th.osTid(), at);
            // The load is an average over the thread's last period: since its previous event, or one period.
            long over = last != null ? at - last : period > 0 ? Math.min(period, at - out.startNanos) : at - out.startNanos;
            if (over > 0) out.cpuLoad(at, th, e.getDouble(user) + e.getDouble(system), e.getDouble(system), over);
        };
    }

    private JfrChunk.EventConsumer processLoad(JfrType t, long period) {
        int time = t.indexOf("startTime");
        int user = t.indexOf("jvmUser");
        int system = t.indexOf("jvmSystem");
        int machine = t.indexOf("machineTotal");
        long[] last = {Long.MIN_VALUE};
        return e -> {
            long at = e.epochNanos(time);
            long over = last[0] != Long.MIN_VALUE ? at - last[0] : Math.min(period, at - out.startNanos);
            last[0] = at;
            if (over > 0) {
                out.processLoad(e.getDouble(user) + e.getDouble(system), e.getDouble(system), machine >= 0 ? e.getDouble(machine) : -1, over);
            }
        };
    }

    private JfrChunk.EventConsumer gc(JfrType t) {
        int pauses = t.indexOf("sumOfPauses");
        int duration = t.indexOf("duration");
        int time = t.indexOf("startTime");
        return e -> {
            long pause = e.nanos(pauses >= 0 ? pauses : duration);
            out.gcPauseNanos = Math.max(0, out.gcPauseNanos) + pause;
            out.gcPause(e.epochNanos(time), pause);
        };
    }

    private JfrChunk.EventConsumer threadDump(JfrType t) {
        int time = t.indexOf("startTime");
        int result = t.indexOf("result");
        return e -> {
            long at = e.epochNanos(time);
            if (at < firstDumpAt) {
                firstDumpAt = at;
                firstDump = (String) e.get(result);
            }
            if (at > lastDumpAt) {
                lastDumpAt = at;
                lastDump = (String) e.get(result);
            }
        };
    }

    private JfrChunk.EventConsumer pinned(JfrType t, ChunkDecoder decoder) {
        int duration = t.indexOf("duration");
        int stack = t.indexOf("stackTrace");
        return e -> {
            pinnedEvents++;
            pinnedNanos += e.nanos(duration);
            pinnedSites.merge(applicationFrame(decoder.stack(e.getLong(stack))), 1, Integer::sum);
        };
    }

    /** The innermost frame outside the JDK: where the application pinned itself. */
    private static String applicationFrame(Stack s) {
        for (Frame f : s.frames()) {
            String c = f.className();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) return f.qualifiedName();
        }
        return s.isEmpty() ? "?" : s.frames().get(0).qualifiedName();
    }
}

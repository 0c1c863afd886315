package dev.jbound.analyze;

import dev.jbound.model.CpuSample;
import dev.jbound.model.FlameProfile;
import dev.jbound.model.Frame;
import dev.jbound.model.Recording;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WallSample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a recording's samples into collapsed stacks, classified as the verdict classifies them: a
 * CPU sample inside an I/O call is blocked time, not CPU, and a wall sample counts as blocked only
 * when its stack (or the recorder) says io or lock. The CPU graph keeps the JVM's own threads (the
 * GC's and JIT's cost is worth seeing); the blocked graph only the application's.
 */
public final class FlameStacks {
    private final StackStates states;
    private final Map<String, Long> cpu = new HashMap<>();
    private final Map<String, Long> blocked = new HashMap<>();

    private FlameStacks(StackStates states) {
        this.states = states;
    }

    /** @param states the classification the recording was analysed with */
    public static FlameProfile of(Recording rec, StackStates states) {
        FlameStacks f = new FlameStacks(states);
        for (CpuSample s : rec.cpuSamples()) {
            String pool = ThreadPools.poolOf(rec.thread(s.osTid()).name());
            ThreadState st = f.states.state(s.stack());
            if (st == ThreadState.CPU) f.add(f.cpu, null, pool, s.stack(), s.weightNanos());
            else if (isBlocked(st) && ThreadKinds.of(rec.thread(s.osTid())) == ThreadKind.APP) f.add(f.blocked, st, pool, s.stack(), s.weightNanos());
        }
        for (WallSample s : rec.wallSamples()) {
            ThreadState st = f.states.state(s.stack(), s.known());
            if (!isBlocked(st) || ThreadKinds.of(rec.thread(s.osTid())) != ThreadKind.APP) continue;
            f.add(f.blocked, st, ThreadPools.poolOf(rec.thread(s.osTid()).name()), s.stack(), s.weightNanos());
        }
        return new FlameProfile(f.cpu, f.blocked);
    }

    private static boolean isBlocked(ThreadState s) {
        return s == ThreadState.IO || s == ThreadState.LOCK;
    }

    /** {@code [state;]pool;outermost;...;innermost}, in microseconds. */
    private void add(Map<String, Long> into, ThreadState state, String pool, Stack stack, long nanos) {
        long micros = Math.max(1, nanos / 1000);
        StringBuilder sb = new StringBuilder();
        if (state != null) sb.append(state.label()).append(';');
        sb.append(clean(pool));
        List<Frame> frames = stack.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame fr = frames.get(i);
            sb.append(';').append(clean(fr.qualifiedName()));
            // async-profiler's flame graph colours frames by these suffixes: Java green, kernel orange
            if (fr.kind() == Frame.Kind.JAVA) sb.append("_[j]");
            else if (fr.kind() == Frame.Kind.KERNEL) sb.append("_[k]");
        }
        into.merge(sb.toString(), micros, Long::sum);
    }

    /**
     * A frame or pool name (the target's text) may not hold the collapsed format's separators, nor
     * what could end the flame graph page's script ({@code </script>}) or its string literals.
     */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == ';' ? ':' : c < 0x20 || c == 0x7f || "<>&'\"\\`".indexOf(c) >= 0 ? '_' : c);
        }
        return sb.toString();
    }
}

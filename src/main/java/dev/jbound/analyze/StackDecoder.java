package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;
import one.jfr.ClassRef;
import one.jfr.JfrReader;
import one.jfr.MethodRef;
import one.jfr.StackTrace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns JfrReader's constant-pool stack traces into {@link Stack}s, each decoded once. */
final class StackDecoder {

    // Frame types in async-profiler's and the JDK's jdk.types.FrameType pool.
    private static final byte TYPE_NATIVE = 3;
    private static final byte TYPE_CPP = 4;
    private static final byte TYPE_KERNEL = 5;

    private final JfrReader reader;
    private final Map<Integer, Stack> stacks = new HashMap<>();
    private final Map<Long, Frame> frames = new HashMap<>();
    private final Map<Long, String> classNames = new HashMap<>();

    StackDecoder(JfrReader reader) {
        this.reader = reader;
    }

    Stack decode(int stackTraceId) {
        return stacks.computeIfAbsent(stackTraceId, this::build);
    }

    String className(long classId) {
        return classNames.computeIfAbsent(classId, id -> {
            ClassRef ref = reader.classes.get(id);
            return ref == null ? "" : symbol(ref.name).replace('/', '.');
        });
    }

    private Stack build(int stackTraceId) {
        StackTrace trace = reader.stackTraces.get(stackTraceId);
        if (trace == null) return Stack.EMPTY;
        List<Frame> list = new ArrayList<>(trace.methods.length);
        int first = 0;
        // The profiler's own signal handler tops some samples: its cost, not the thread's work.
        while (first < trace.methods.length && isProfilerFrame(trace.methods[first], trace.types[first])) first++;
        for (int i = first; i < trace.methods.length; i++) {
            byte type = trace.types[i];
            long methodId = trace.methods[i];
            // A method id can only be native or Java, never both: the frame type does not change per id.
            list.add(frames.computeIfAbsent(methodId * 8 + kindKey(type), k -> frame(methodId, type)));
        }
        return new Stack(list);
    }

    private boolean isProfilerFrame(long methodId, byte type) {
        if (type != TYPE_NATIVE && type != TYPE_CPP) return false;
        MethodRef method = reader.methods.get(methodId);
        return method != null && className(method.cls).startsWith("libasyncProfiler");
    }

    private static int kindKey(byte type) {
        return type == TYPE_KERNEL ? 2 : (type == TYPE_NATIVE || type == TYPE_CPP) ? 1 : 0;
    }

    private Frame frame(long methodId, byte type) {
        MethodRef method = reader.methods.get(methodId);
        if (method == null) return Frame.nativeFrame("", "unknown");
        String name = symbol(method.name);
        String owner = className(method.cls);
        if (type == TYPE_KERNEL) return Frame.kernel(name);
        if (type == TYPE_NATIVE || type == TYPE_CPP) return Frame.nativeFrame(owner, name);
        return Frame.java(owner, name);
    }

    private String symbol(long id) {
        byte[] bytes = reader.symbols.get(id);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}

package dev.jbound.load;

import dev.jbound.load.jfr.JfrChunk;
import dev.jbound.load.jfr.JfrFormatException;
import dev.jbound.load.jfr.JfrType;
import dev.jbound.load.jfr.LongMap;
import dev.jbound.load.jfr.LongRows;
import dev.jbound.model.Frame;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one chunk's constant pools into model values: stack traces into {@link Stack}s, thread
 * keys into {@link ThreadInfo}s, class keys into names, each decoded once per chunk. Frames and
 * stacks are interned across chunks ({@link StackInterner}), so a long recording holds one copy of each.
 */
final class ChunkDecoder {

    static final Set<String> POOLS = Set.of("jdk.types.StackTrace", "jdk.types.Method", "java.lang.Class",
            "jdk.types.Symbol", "java.lang.Thread", "jdk.types.FrameType", "jdk.types.ThreadState");

    private final JfrChunk chunk;
    /** async-profiler's recordings carry native and kernel frames; the JDK's "Native" frames are Java native methods. */
    private final boolean nativeFrames;
    private final StackInterner interned;
    /** A stack's frames as they are built. */
    private Frame[] scratch = new Frame[64];
    // sized for the chunk's pools, which every chunk declares anew: filled once, not grown
    private final LongMap<Stack> stacks;
    private final LongMap<Frame> frames;
    private final LongMap<String> classNames;
    private final LongMap<ThreadInfo> threads;
    private final LongMap<String> frameTypes = new LongMap<>();
    // The pools' types and their fields' positions, looked up once per chunk (a stack's frames ask for each).
    private final JfrType classType;
    private final JfrType threadType;
    private final JfrType traceType;
    private final JfrType methodType;
    private final JfrType symbolType;
    private final JfrType frameKindType;
    private final int className;
    private final int threadOsName;
    private final int threadJavaName;
    private final int threadOsId;
    private final int threadJavaId;
    private final int threadVirtual;
    private final int traceFrames;
    private final int frameMethod;
    private final int frameKind;
    private final int methodName;
    private final int methodOwner;

    ChunkDecoder(JfrChunk chunk, boolean nativeFrames, StackInterner interned) {
        this.chunk = chunk;
        this.nativeFrames = nativeFrames;
        this.interned = interned;
        classType = chunk.type("java.lang.Class");
        threadType = chunk.type("java.lang.Thread");
        traceType = chunk.type("jdk.types.StackTrace");
        methodType = chunk.type("jdk.types.Method");
        symbolType = chunk.type("jdk.types.Symbol");
        frameKindType = chunk.type("jdk.types.FrameType");
        JfrType frameType = chunk.type("jdk.types.StackFrame");
        stacks = new LongMap<>(chunk.constantCount(traceType));
        frames = new LongMap<>(chunk.constantCount(methodType)); // a method's frames are of one kind, or few
        classNames = new LongMap<>(chunk.constantCount(classType));
        threads = new LongMap<>(chunk.constantCount(threadType));
        className = index(classType, "name");
        threadOsName = index(threadType, "osName");
        threadJavaName = index(threadType, "javaName");
        threadOsId = index(threadType, "osThreadId");
        threadJavaId = index(threadType, "javaThreadId");
        threadVirtual = index(threadType, "virtual");
        traceFrames = index(traceType, "frames");
        frameMethod = index(frameType, "method");
        frameKind = index(frameType, "type");
        methodName = index(methodType, "name");
        methodOwner = index(methodType, "type");
    }

    private static int index(JfrType type, String field) {
        return type == null ? -1 : type.indexOf(field);
    }

    /**
     * Decodes every stack and thread the chunk declares, on the thread that parses chunks ahead
     * (the only one that touches the {@link StackInterner}); afterwards this decoder belongs to the
     * thread that reads the chunk's events, and a key it has not seen has no stack there.
     */
    ChunkDecoder prepare() throws JfrFormatException {
        try {
            chunk.constantKeys(traceType, this::stack);
            chunk.constantKeys(threadType, this::thread);
        } catch (RuntimeException e) {
            // a pool entry not shaped as its type says (a frame that is no struct): the chunk is corrupt
            throw chunk.corrupt(e);
        }
        return this;
    }

    Stack stack(long key) {
        Stack s = stacks.get(key);
        if (s == null) {
            s = build(key);
            stacks.put(key, s);
        }
        return s;
    }

    /** The thread behind a thread key; null for key 0 (no thread). */
    ThreadInfo thread(long key) {
        if (key == 0) return null;
        ThreadInfo t = threads.get(key);
        if (t == null) threads.put(key, t = buildThread(key));
        return t;
    }

    String className(long key) {
        // looked up without a lambda: a capturing one is made anew at every call (a frame's every method)
        String name = classNames.get(key);
        if (name == null) {
            Object cls = chunk.constant(classType, key);
            classNames.put(key, name = isStruct(cls) ? interned.className(text(symbolType, number(cls, className))) : "");
        }
        return name;
    }

    /** A simple-type constant's text (a frame type, a symbol), or "". */
    private String text(JfrType type, long key) {
        Object v = chunk.constant(type, key);
        if (v instanceof Object[] a && a.length == 1) v = a[0];
        return v instanceof String s ? s : "";
    }

    private ThreadInfo buildThread(long key) {
        Object[] t = struct(chunk.constant(threadType, key));
        if (t == null) return new ThreadInfo(key, "[tid=" + key + "]", 0);
        String osName = (String) field(t, threadOsName);
        String javaName = (String) field(t, threadJavaName);
        long osTid = asLong(field(t, threadOsId));
        long javaId = asLong(field(t, threadJavaId));
        boolean virtual = asLong(field(t, threadVirtual)) != 0;
        String name = javaName != null && !javaName.isEmpty() ? javaName : osName;
        if (virtual) {
            return new ThreadInfo(ThreadInfo.VIRTUAL_ID_BASE + javaId, name == null || name.isEmpty() ? "virtual-" + javaId : name, javaId);
        }
        long id = osTid > 0 ? osTid : key;
        return new ThreadInfo(id, name == null ? "[tid=" + id + "]" : name, javaId);
    }

    private Stack build(long key) {
        Object[] trace = struct(chunk.constant(traceType, key));
        if (trace == null) return Stack.EMPTY;
        Object frameList = field(trace, traceFrames);
        if (frameList instanceof LongRows rows) {
            // the usual shape: frames of integers only (method, line, bytecode index, frame type)
            if (scratch.length < rows.rows()) scratch = new Frame[rows.rows()];
            int n = 0;
            for (int r = 0; r < rows.rows(); r++) n = add(n, rows.get(r, frameMethod), rows.get(r, frameKind));
            return interned.stack(scratch, withoutSignalHandler(n));
        }
        if (!(frameList instanceof List<?> raw)) return Stack.EMPTY;
        if (scratch.length < raw.size()) scratch = new Frame[raw.size()];
        int n = 0;
        for (Object o : raw) {
            Object[] f = (Object[]) o;
            n = add(n, asLong(field(f, frameMethod)), asLong(field(f, frameKind)));
        }
        return interned.stack(scratch, withoutSignalHandler(n));
    }

    /** Adds the frame of {@code method} and frame type {@code typeKey} at {@code scratch[n]}; the frames now built. */
    private int add(int n, long method, long typeKey) {
        // looked up without lambdas: they would be made anew for every frame of every stack
        String type = frameTypes.get(typeKey);
        if (type == null) frameTypes.put(typeKey, type = text(frameKindType, typeKey));
        long frameKey = method * 8 + kindKey(type);
        Frame frame = frames.get(frameKey);
        if (frame == null) frames.put(frameKey, frame = frame(method, type));
        scratch[n] = frame;
        return n + 1;
    }

    /**
     * The stack in {@code scratch[0, n)} without the profiler's own signal handling on top, moved
     * down to start at 0; its length. A cpu sample can land while the thread runs async-profiler's
     * wall-clock handler: the handler's frames (and what it calls: clock_gettime) sit above the
     * kernel's signal trampoline, and below that is what the thread was doing, or nothing when the
     * walk stopped at the trampoline. Its cost is the thread's, at the frame it was interrupted in;
     * named after the trampoline it taught users nothing ("1% __restore_rt").
     */
    private int withoutSignalHandler(int n) {
        boolean handler = false;
        int cut = 0;
        for (int i = 0; i < n && scratch[i].kind() != Frame.Kind.JAVA; i++) {
            Frame f = scratch[i];
            if (isProfiler(f)) {
                handler = true;
            } else if (handler && isSignalReturn(f.method())) {
                cut = i + 1;
                break;
            }
        }
        // without a trampoline (the profiler's own threads, the attach listener running its
        // commands) only the profiler's frames on top go: the rest is where that work was asked for
        if (cut == 0) while (cut < n && isProfiler(scratch[cut])) cut++;
        if (cut == 0) return n;
        System.arraycopy(scratch, cut, scratch, 0, n - cut);
        return n - cut;
    }

    private static boolean isProfiler(Frame f) {
        return f.kind() == Frame.Kind.NATIVE && f.className().startsWith("libasyncProfiler");
    }

    /** The frame a signal handler returns through: glibc's restorer on x64, the vDSO's on arm64. */
    private static boolean isSignalReturn(String method) {
        return method.equals("__restore_rt") || method.equals("__kernel_rt_sigreturn");
    }

    private int kindKey(String frameType) {
        if (!nativeFrames) return 0;
        return switch (frameType) {
            case "Kernel" -> 2;
            case "Native", "C++" -> 1;
            default -> 0;
        };
    }

    /** The interned frame of a method as the frame type makes it. */
    private Frame frame(long methodKey, String frameType) {
        Object m = chunk.constant(methodType, methodKey);
        if (!isStruct(m)) return interned.frame("", "unknown", Frame.Kind.NATIVE);
        String name = text(symbolType, number(m, methodName));
        String owner = className(number(m, methodOwner));
        return switch (kindKey(frameType)) {
            case 2 -> interned.frame("", name, Frame.Kind.KERNEL);
            case 1 -> interned.frame(owner, name, Frame.Kind.NATIVE);
            default -> interned.frame(owner, name, Frame.Kind.JAVA);
        };
    }

    /** Whether a constant is a struct's fields: numbers only (a method, a class), or any. */
    private static boolean isStruct(Object v) {
        return v instanceof long[] || v instanceof Object[];
    }

    /** Field {@code i} of a struct constant as a number (a key, a count); 0 where there is none. */
    private static long number(Object struct, int i) {
        if (struct instanceof long[] a) return i < 0 || i >= a.length ? 0 : a[i];
        return struct instanceof Object[] a ? asLong(field(a, i)) : 0;
    }

    private static Object field(Object[] struct, int i) {
        return i < 0 || i >= struct.length ? null : struct[i];
    }

    private static Object[] struct(Object v) {
        return v instanceof Object[] a ? a : null;
    }

    static long asLong(Object v) {
        return v instanceof Long l ? l : 0;
    }
}

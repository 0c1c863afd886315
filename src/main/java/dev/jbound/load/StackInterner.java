package dev.jbound.load;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One copy of each distinct frame and stack across a recording's chunks. Every chunk declares its
 * stacks again (hundreds of chunks in a big file, the same stacks in most): with its frames
 * interned first, a stack is found by its frames' identities, so a chunk's stack that was seen
 * before costs neither a new {@link Stack} nor comparing class and method names.
 */
final class StackInterner {

    /**
     * A stack's interned frames, compared by identity: the first {@code n} of {@code frames}. The
     * one {@link #probe} looks over the caller's array; a kept key has an array of its own.
     */
    private static final class Frames {
        Frame[] frames;
        int n;
        int hash;

        Frames set(Frame[] frames, int n) {
            this.frames = frames;
            this.n = n;
            int h = 1;
            for (int i = 0; i < n; i++) h = 31 * h + System.identityHashCode(frames[i]);
            this.hash = h;
            return this;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Frames other) || other.hash != hash || other.n != n) return false;
            for (int i = 0; i < n; i++) {
                if (frames[i] != other.frames[i]) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A frame's parts, compared written out: a record's equals and hashCode go through method
     * handles, which C1 (bin/jbound's compiler) does not make cheap. The one {@link #probeFrame}
     * is set for each lookup; a kept key is a copy.
     */
    private static final class FrameKey {
        String className;
        String method;
        Frame.Kind kind;
        int hash;

        FrameKey set(String className, String method, Frame.Kind kind) {
            this.className = className;
            this.method = method;
            this.kind = kind;
            this.hash = (Objects.hashCode(className) * 31 + Objects.hashCode(method)) * 31 + kind.ordinal();
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FrameKey k && k.hash == hash && k.kind == kind && Objects.equals(k.className, className)
                    && Objects.equals(k.method, method);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<FrameKey, Frame> frames = new HashMap<>();
    private final Map<Frames, Stack> stacks = new HashMap<>();
    // Lookups set these rather than make a key each: a chunk asks for every frame and stack it
    // declares, and most were met in an earlier chunk. One thread interns (the reading one).
    private final FrameKey probeFrame = new FrameKey();
    private final Frames probe = new Frames();

    /**
     * Class names as frames show them, by the names the pools give (java/lang/Thread): every chunk
     * asks for the same. Concurrent, unlike the rest: a chunk's lock events ask on the thread that
     * reads them while the next chunks are interned.
     */
    private final Map<String, String> dotted = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code internalName} with dots for slashes, worked out once per name (up to a bound). */
    String className(String internalName) {
        String name = dotted.get(internalName);
        if (name == null) {
            name = internalName.replace('/', '.');
            if (dotted.size() < MAX_NAMES) dotted.put(internalName, name);
        }
        return name;
    }

    private static final int MAX_NAMES = 1 << 16;

    /** The one frame of these parts, made the first time they are met. */
    Frame frame(String className, String method, Frame.Kind kind) {
        Frame known = frames.get(probeFrame.set(className, method, kind));
        if (known != null) return known;
        Frame f = new Frame(className, method, kind);
        frames.put(new FrameKey().set(className, method, kind), f);
        return f;
    }

    /** The one stack of the first {@code n} of {@code interned} (frames from {@link #frame}); the array is not kept. */
    Stack stack(Frame[] interned, int n) {
        if (n == 0) return Stack.EMPTY; // as an unknown trace is, so that equal stacks stay one object
        Stack s = stacks.get(probe.set(interned, n));
        if (s == null) {
            Frames key = new Frames().set(Arrays.copyOf(interned, n), n);
            s = new Stack(Arrays.asList(key.frames));
            stacks.put(key, s);
        }
        return s;
    }
}

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

    /** A stack's interned frames, compared by identity. */
    private static final class Frames {
        final Frame[] frames;
        final int hash;

        Frames(Frame[] frames) {
            this.frames = frames;
            int h = 1;
            for (Frame f : frames) h = 31 * h + System.identityHashCode(f);
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Frames other) || other.hash != hash || other.frames.length != frames.length) return false;
            for (int i = 0; i < frames.length; i++) {
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
     * handles, which C1 (bin/jbound's compiler) does not make cheap.
     */
    private static final class FrameKey {
        final String className;
        final String method;
        final Frame.Kind kind;
        final int hash;

        FrameKey(Frame f) {
            this.className = f.className();
            this.method = f.method();
            this.kind = f.kind();
            this.hash = (Objects.hashCode(className) * 31 + Objects.hashCode(method)) * 31 + kind.ordinal();
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

    /** The one copy of a frame equal to {@code f}. */
    Frame frame(Frame f) {
        Frame known = frames.putIfAbsent(new FrameKey(f), f);
        return known == null ? f : known;
    }

    /** The one stack of the first {@code n} of {@code interned} (frames from {@link #frame}); the array is not kept. */
    Stack stack(Frame[] interned, int n) {
        if (n == 0) return Stack.EMPTY; // as an unknown trace is, so that equal stacks stay one object
        Frames key = new Frames(Arrays.copyOf(interned, n));
        Stack s = stacks.get(key);
        if (s == null) {
            s = new Stack(Arrays.asList(key.frames));
            stacks.put(key, s);
        }
        return s;
    }
}

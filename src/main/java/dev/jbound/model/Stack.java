package dev.jbound.model;

import java.util.List;

/** A stack trace, innermost (top) frame first. */
public record Stack(List<Frame> frames) {

    public static final Stack EMPTY = new Stack(List.of());

    public Stack {
        frames = List.copyOf(frames);
    }

    public static Stack of(Frame... frames) {
        return new Stack(List.of(frames));
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** The innermost Java frame, or null when the stack has none (a native JVM thread). */
    public Frame topJavaFrame() {
        for (Frame f : frames) {
            if (f.isJava()) return f;
        }
        return null;
    }

    // Written out, as Frame's are: the record's own are bound through method handles at first use.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Stack s && frames.equals(s.frames);
    }

    @Override
    public int hashCode() {
        return frames.hashCode(); // the record's formula for one component: hashed order kept
    }
}

package dev.jbound.render;

import dev.jbound.model.ThreadState;

import java.util.List;

/**
 * A thread's lane as one letter per slice, as top's bars write states: C cpu, R runqueue, I io,
 * L lock, G gc, . waiting for work, and - where the thread was not seen.
 */
public final class LaneLetters {
    private LaneLetters() {
    }

    public static String of(List<ThreadState> states) {
        StringBuilder sb = new StringBuilder(states.size());
        for (ThreadState s : states) sb.append(letter(s));
        return sb.toString();
    }

    public static char letter(ThreadState s) {
        if (s == null) return '-';
        return switch (s) {
            case CPU -> 'C';
            case RUNQUEUE -> 'R';
            case IO -> 'I';
            case LOCK -> 'L';
            case GC -> 'G';
            case WAIT -> '.';
        };
    }
}

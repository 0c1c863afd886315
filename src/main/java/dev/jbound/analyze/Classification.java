package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.ThreadState;

/**
 * What one sample's stack says the thread was doing.
 *
 * @param state the thread state
 * @param site  the frame to show a user as the explanation: the application call site below the
 *              blocking frame when there is one (for CPU, the top Java frame); null only for an
 *              empty stack
 * @param rule  the id of the deciding rule, {@link #RUNNING} when no rule matched, {@link #EMPTY}
 */
public record Classification(ThreadState state, Frame site, String rule) {

    /** Rule id when no frame blocks: the thread runs code. */
    public static final String RUNNING = "running";
    /** Rule id for a sample without frames. */
    public static final String EMPTY = "empty";
}

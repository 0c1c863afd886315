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
 * @param awaitsRequest the stack is a server's read or accept waiting for the next client
 *                      ({@link FrameRule.Resolution#AWAITS})
 */
public record Classification(ThreadState state, Frame site, String rule, boolean awaitsRequest) {

    public Classification(ThreadState state, Frame site, String rule) {
        this(state, site, rule, false);
    }

    /**
     * The state of a sample the recorder labelled {@code known} (null: not labelled): the recorder's
     * (a socket-read event is I/O), unless the stack shows a server waiting for its next request,
     * which no recorder event can tell.
     */
    public ThreadState given(ThreadState known) {
        if (known == null) return state;
        return awaitsRequest && known == ThreadState.IO ? ThreadState.WAIT : known;
    }

    /** Rule id when no frame blocks: the thread runs code. */
    public static final String RUNNING = "running";
    /** Rule id for a sample without frames. */
    public static final String EMPTY = "empty";
}

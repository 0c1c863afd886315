package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a sampled stack into a {@link Classification} using the {@link FrameRules} table.
 *
 * <p>The walk goes from the innermost frame down. A {@code DECIDES} rule ends it. A
 * {@code SUGGESTS} rule records a state and goes on; a {@code REFINES} rule does the same but
 * only once something above showed the thread blocked. So the deepest informative frame of the
 * blocking call wins. The walk also ends at the first application frame: what called the user's
 * code cannot explain what the user's code waits on (a task contending for a lock inside a
 * ForkJoinPool worker is lock contention, not the pool's idle wait). No rule at all means the
 * thread runs code: CPU.
 *
 * <p>Pure and thread-safe. Each distinct frame is matched against the table once and memoised,
 * because the same few thousand frames recur in every sample.
 */
public final class FrameClassifier {

    /** Enough for the distinct frames of a large application; beyond it frames are matched uncached. */
    private static final int MAX_MEMOISED_FRAMES = 200_000;

    private record FrameFacts(FrameRule rule, CodeOrigin origin) {
    }

    private final FrameRules rules;
    private final Map<Frame, FrameFacts> facts = new ConcurrentHashMap<>();

    public FrameClassifier() {
        this(FrameRules.defaults());
    }

    public FrameClassifier(FrameRules rules) {
        this.rules = rules;
    }

    public Classification classify(Stack stack) {
        List<Frame> frames = stack.frames();
        if (frames.isEmpty()) return new Classification(ThreadState.CPU, null, Classification.EMPTY);
        FrameRule pending = null;
        int pendingAt = -1;
        for (int i = 0; i < frames.size(); i++) {
            FrameFacts f = factsOf(frames.get(i));
            FrameRule rule = f.rule();
            if (rule != null && rule.resolution() == FrameRule.Resolution.AWAITS) rule = null;
            if (rule != null && (rule.resolution() != FrameRule.Resolution.REFINES || pending != null)) {
                if (rule.resolution() == FrameRule.Resolution.DECIDES) {
                    Classification awaiting = rule.state() == ThreadState.IO ? awaitingServer(frames) : null;
                    return awaiting != null ? awaiting : explained(rule, frames, i);
                }
                pending = rule;
                pendingAt = i;
            }
            if (f.origin() == CodeOrigin.APPLICATION) break;
        }
        if (pending != null) return explained(pending, frames, pendingAt);
        Frame top = stack.topJavaFrame();
        // A recorder's socket-read event starts its stack in the stream classes: running code by
        // the stack alone, but marked, so that the event's I/O can still be read as a server's wait.
        return new Classification(ThreadState.CPU, top != null ? top : frames.get(0), Classification.RUNNING,
                awaitingServer(frames) != null);
    }

    /**
     * A server waiting for its next request: below native frames and the JDK's stream and socket
     * classes, the first other Java frame has an {@code AWAITS} rule. Null when it has not.
     */
    private Classification awaitingServer(List<Frame> frames) {
        boolean plumbing = false;
        for (Frame frame : frames) {
            if (!frame.isJava()) continue;
            if (isPlumbing(frame.qualifiedName())) {
                plumbing = true;
                continue;
            }
            FrameRule rule = factsOf(frame).rule();
            if (!plumbing || rule == null || rule.resolution() != FrameRule.Resolution.AWAITS) return null;
            return new Classification(rule.state(), frame, rule.id(), true);
        }
        return null;
    }

    /** The JDK classes between a socket and whoever reads from it, the recorder's event classes included. */
    private static boolean isPlumbing(String name) {
        return name.startsWith("java.io.") || name.startsWith("java.net.") || name.startsWith("sun.nio.ch.")
                || name.startsWith("sun.security.ssl.") || name.startsWith("javax.net.ssl.")
                || name.startsWith("jdk.internal.event.") || name.startsWith("jdk.jfr.");
    }

    /**
     * Where a stack waits when the recorder, not the stack, says what it waits for (the JDK's socket
     * read event starts in the JDK's stream class): the first application frame, else the first library frame.
     */
    public Frame waitSite(Stack stack) {
        if (stack.isEmpty()) return null;
        return explained(null, stack.frames(), -1).site();
    }

    /** The site: the first application frame below the match, else the first library frame, else the match. */
    private Classification explained(FrameRule rule, List<Frame> frames, int matchedAt) {
        Frame library = null;
        for (int i = matchedAt + 1; i < frames.size(); i++) {
            CodeOrigin origin = factsOf(frames.get(i)).origin();
            if (origin == CodeOrigin.APPLICATION) {
                return rule == null ? new Classification(ThreadState.CPU, frames.get(i), Classification.RUNNING)
                        : new Classification(rule.state(), frames.get(i), rule.id());
            }
            if (origin == CodeOrigin.LIBRARY && library == null) library = frames.get(i);
        }
        Frame site = library != null ? library : frames.get(Math.max(0, matchedAt));
        return rule == null ? new Classification(ThreadState.CPU, site, Classification.RUNNING)
                : new Classification(rule.state(), site, rule.id());
    }

    private FrameFacts factsOf(Frame frame) {
        FrameFacts known = facts.get(frame);
        if (known != null) return known;
        FrameFacts computed = new FrameFacts(rules.match(frame), CodeOrigin.of(frame));
        if (facts.size() < MAX_MEMOISED_FRAMES) facts.putIfAbsent(frame, computed);
        return computed;
    }
}

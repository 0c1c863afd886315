package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one classification of a recording's stacks: each distinct stack is classified once, and the
 * timeline (while the recording is read), the breakdown and the flame stacks all ask here, so they
 * cannot disagree and no stack pays the rule walk twice. A recording's reader interns its stacks,
 * hence the identity map: equal stacks from elsewhere are classified again, never wrongly.
 *
 * <p>One per recording, used by one thread at a time.
 */
public final class StackStates {
    private final FrameClassifier classifier;
    private final Map<Stack, Classification> byStack = new IdentityHashMap<>();

    public StackStates() {
        this(new FrameClassifier());
    }

    public StackStates(FrameClassifier classifier) {
        this.classifier = classifier;
    }

    public Classification of(Stack stack) {
        Classification c = byStack.get(stack);
        if (c == null) {
            c = classifier.classify(stack);
            byStack.put(stack, c);
        }
        return c;
    }

    public ThreadState state(Stack stack) {
        return of(stack).state();
    }

    /** The state of a sample the recorder labelled {@code known} (null: not labelled); see {@link Classification#given}. */
    public ThreadState state(Stack stack, ThreadState known) {
        return of(stack).given(known);
    }

    /** The frame a wait was decided at (see {@link FrameClassifier#waitSite}). */
    public Frame waitSite(Stack stack) {
        return classifier.waitSite(stack);
    }

    /** How many distinct stacks were classified. */
    public int distinct() {
        return byStack.size();
    }
}

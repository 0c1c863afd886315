package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.ThreadState;

import java.util.Objects;

/**
 * One line of the frame table: which frames it matches, the state such a frame implies, and
 * how sure that frame alone is (see {@link Resolution}).
 *
 * @param id         short reason shown in reports ("socket-read", "pool-idle")
 * @param state      the state a matching frame implies
 * @param resolution whether the frame settles the state or lets deeper frames refine it
 * @param match      how {@code pattern} is compared with a frame
 * @param pattern    a Java qualified name or prefix, or a native symbol (see {@link Match})
 */
public record FrameRule(String id, ThreadState state, Resolution resolution, Match match, String pattern) {

    /**
     * Why three strengths: a blocked thread's stack is a chain of ever more specific reasons
     * (futex ← park ← AQS.acquire ← ConditionObject.await ← ThreadPoolExecutor.getTask) and the
     * most specific one sits deepest, yet some frames (a socket read) are final on their own.
     */
    public enum Resolution {
        /** The frame settles the state; the walk ends here. */
        DECIDES,
        /** The thread is blocked here; deeper frames of the same blocking call may say why. */
        SUGGESTS,
        /**
         * Says why a thread blocked, but only if a frame above already showed it blocked: on its
         * own such a frame may be running code (a CompletableFuture.join helping its pool).
         */
        REFINES,
        /**
         * A server loop waiting for its next request: a blocking read or accept that this frame
         * calls, through the JDK's stream and socket classes only, waits for a client, not on one.
         * Such a frame changes nothing elsewhere in a stack.
         */
        AWAITS
    }

    public enum Match {
        /** Java frame whose qualified name equals the pattern. */
        METHOD("method"),
        /** Java frame whose qualified name starts with the pattern (a class, a method family). */
        PREFIX("prefix"),
        /** Native or kernel symbol equal to the pattern, C++ argument list ignored. */
        SYMBOL("symbol"),
        /** Native or kernel symbol starting with the pattern (a C++ class: "G1", "ObjectMonitor::"). */
        SYMBOL_PREFIX("symbol-prefix"),
        /** Native or kernel symbol containing the pattern. */
        SYMBOL_CONTAINS("symbol-contains"),
        /** libc function, whatever glibc alias it shows as ("__GI___poll", "__libc_read", "pread64"). */
        SYSCALL("syscall");

        private final String label;

        Match(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Match fromLabel(String label) {
            for (Match m : values()) {
                if (m.label.equals(label)) return m;
            }
            throw new IllegalArgumentException("unknown match '" + label + "'");
        }
    }

    public FrameRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(match, "match");
        if (pattern == null || pattern.isEmpty()) throw new IllegalArgumentException("rule " + id + ": empty pattern");
    }

    public boolean matches(Frame frame) {
        return switch (match) {
            case METHOD -> frame.isJava() && frame.qualifiedName().equals(pattern);
            case PREFIX -> frame.isJava() && frame.qualifiedName().startsWith(pattern);
            case SYMBOL -> !frame.isJava() && NativeSymbol.withoutArguments(frame.method()).equals(pattern);
            case SYMBOL_PREFIX -> !frame.isJava() && frame.method().startsWith(pattern);
            case SYMBOL_CONTAINS -> !frame.isJava() && NativeSymbol.withoutArguments(frame.method()).contains(pattern);
            case SYSCALL -> frame.kind() == Frame.Kind.NATIVE && NativeSymbol.libcName(frame.method()).equals(pattern);
        };
    }
}

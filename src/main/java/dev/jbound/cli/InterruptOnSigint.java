package dev.jbound.cli;

import sun.misc.Signal;

/**
 * While recording, the first Ctrl-C interrupts the recording thread so that jbound stops the
 * profiler and prints what it gathered (exit 130); a second Ctrl-C exits at once, and the
 * shutdown hook still stops the profiler in the target.
 */
final class InterruptOnSigint implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final sun.misc.SignalHandler previous;

    private InterruptOnSigint(sun.misc.SignalHandler previous) {
        this.previous = previous;
    }

    static InterruptOnSigint install() {
        return install(true);
    }

    /** @param secondExits false in the shell: Ctrl-C ends a recording there, never the shell */
    static InterruptOnSigint install(boolean secondExits) {
        Thread recording = Thread.currentThread();
        boolean[] seen = {false};
        try {
            sun.misc.SignalHandler prev = Signal.handle(INT, sig -> {
                if (seen[0] && secondExits) System.exit(ExitCodes.INTERRUPTED);
                seen[0] = true;
                recording.interrupt();
            });
            return new InterruptOnSigint(prev);
        } catch (IllegalArgumentException unsupported) {
            // e.g. the JVM runs with -Xrs: Ctrl-C then ends jbound and the shutdown hook stops the profiler
            return new InterruptOnSigint(null);
        }
    }

    /**
     * For {@code run}: every Ctrl-C runs {@code action} (it passes Ctrl-C on to the command) and
     * nothing else; jbound waits for the command to end, which decides how Ctrl-C ends it.
     */
    static InterruptOnSigint forwarding(Runnable action) {
        try {
            return new InterruptOnSigint(Signal.handle(INT, sig -> action.run()));
        } catch (IllegalArgumentException unsupported) {
            // -Xrs: Ctrl-C from a terminal still reaches the command, which shares the process group
            return new InterruptOnSigint(null);
        }
    }

    @Override
    public void close() {
        if (previous != null) Signal.handle(INT, previous);
    }
}

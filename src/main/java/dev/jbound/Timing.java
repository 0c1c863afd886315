package dev.jbound;

/**
 * Opt-in phase timing for bench/ ({@code -Djbound.timing=true}): prints
 * {@code jbound.timing <phase> <epoch microseconds>} to stderr. Off by default and silent then.
 */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("jbound.timing");

    private Timing() {
    }

    public static void mark(String phase) {
        if (!ON) return;
        java.time.Instant now = java.time.Instant.now();
        System.err.println("jbound.timing " + phase + " " + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000));
    }
}

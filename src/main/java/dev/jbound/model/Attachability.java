package dev.jbound.model;

/**
 * Whether jbound can attach to a JVM, and if not the short reason {@code jbound ps} shows.
 * {@code TargetFinder.byPid} refuses a pid for the same reasons, with a longer message.
 */
public enum Attachability {
    ATTACHABLE(""),
    /** the JVM runs as another user and jbound is not root: the attach socket and /proc/PID/root are the owner's */
    OTHER_USER("other user"),
    /** /proc/PID/maps cannot be read although the process is ours (e.g. not dumpable): nor can attach use it */
    PERMISSION_DENIED("permission denied"),
    /** started with -XX:+DisableAttachMechanism: an attempt would only make it print a thread dump */
    ATTACH_DISABLED("attach disabled");

    public static final String DISABLE_FLAG = "-XX:+DisableAttachMechanism";

    private final String reason;

    Attachability(String reason) {
        this.reason = reason;
    }

    public boolean attachable() {
        return this == ATTACHABLE;
    }

    /** Why not, in two or three words; empty when attachable. */
    public String reason() {
        return reason;
    }
}

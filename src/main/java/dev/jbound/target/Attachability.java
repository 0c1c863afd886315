package dev.jbound.target;

import java.util.List;

/**
 * Whether jbound can attach to a JVM, and if not the short reason {@code jbound ps} shows.
 * {@link TargetFinder#byPid} refuses a pid for the same reasons, with a longer message.
 */
public enum Attachability {
    ATTACHABLE(""),
    /** the JVM runs as another user and jbound is not root: the attach socket and /proc/PID/root are the owner's */
    OTHER_USER("other user"),
    /** /proc/PID/maps cannot be read although the process is ours (e.g. not dumpable): nor can attach use it */
    PERMISSION_DENIED("permission denied"),
    /** started with -XX:+DisableAttachMechanism: an attempt would only make it print a thread dump */
    ATTACH_DISABLED("attach disabled");

    static final String DISABLE_FLAG = "-XX:+DisableAttachMechanism";

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

    /** Root may attach to any user's JVM; anyone else only to their own. */
    static boolean otherUser(int ownerUid) {
        int self = TargetFinder.currentUid();
        return self != 0 && self != ownerUid;
    }

    /** The flag on the command line, or in the environment (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS carry JVM flags too). */
    static boolean attachDisabled(long pid, List<String> commandLine) {
        return commandLine.contains(DISABLE_FLAG) || ProcessFiles.environmentMentions(pid, DISABLE_FLAG);
    }
}

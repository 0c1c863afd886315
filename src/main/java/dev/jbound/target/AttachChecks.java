package dev.jbound.target;

import dev.jbound.model.Attachability;

import java.util.List;

/** The reasons a JVM refuses attach that /proc shows before trying: whose it is, and the flag that disables it. */
final class AttachChecks {

    private AttachChecks() {
    }

    /** Root may attach to any user's JVM; anyone else only to their own. */
    static boolean otherUser(int ownerUid) {
        int self = TargetFinder.currentUid();
        return self != 0 && self != ownerUid;
    }

    /** The flag on the command line, or in the environment (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS carry JVM flags too). */
    static boolean attachDisabled(long pid, List<String> commandLine) {
        return commandLine.contains(Attachability.DISABLE_FLAG) || ProcessFiles.environmentMentions(pid, Attachability.DISABLE_FLAG);
    }
}

package dev.jbound.target;

import dev.jbound.model.MainClass;

import java.io.IOException;
import java.util.List;

/**
 * Who a JVM that jbound launched is, as /proc tells while it runs: command line, main class,
 * Java version. No attach checks: it records itself and needs no attaching.
 */
public final class JvmDescription {
    private JvmDescription() {
    }

    /** Empty command line and main class once the process is gone. */
    public static TargetJvm of(long pid) {
        List<String> cmd;
        int uid;
        try {
            cmd = ProcessFiles.commandLine(pid);
            uid = ProcessFiles.ownerUid(pid);
        } catch (IOException | RuntimeException e) {
            return new TargetJvm(pid, -1, "?", List.of(), "", "");
        }
        return new TargetJvm(pid, uid, ProcessFiles.userName(pid), cmd, cmd.isEmpty() ? "" : MainClass.of(cmd), JvmVersion.of(pid));
    }
}

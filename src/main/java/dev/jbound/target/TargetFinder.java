package dev.jbound.target;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Checks that a PID is a JVM jbound can attach to, and says why not in one line. */
public final class TargetFinder {
    private TargetFinder() {
    }

    /** The uid jbound runs as; root may attach to any user's JVM. */
    public static int currentUid() {
        return ProcessFiles.selfUid();
    }

    public static TargetJvm byPid(long pid) throws TargetException {
        if (pid <= 0) throw new TargetException("no process with pid " + pid);
        if (!Files.isDirectory(ProcessFiles.dir(pid))) {
            throw new TargetException("no process with pid " + pid + " (list JVMs with: jcmd -l)");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new TargetException("pid " + pid + " is jbound itself; name another JVM");
        }
        try {
            int uid = ProcessFiles.ownerUid(pid);
            String user = ProcessFiles.userName(pid);
            int self = currentUid();
            if (self != 0 && self != uid) {
                throw new TargetException("pid " + pid + " belongs to user " + user
                        + "; run jbound as that user (sudo -u " + user + " jbound ...) or as root");
            }
            List<String> cmd = ProcessFiles.commandLine(pid);
            if (!ProcessFiles.mapsJvm(pid)) {
                throw new TargetException("pid " + pid + " is not a Java process (" + describe(cmd) + ")");
            }
            if (cmd.contains("-XX:+DisableAttachMechanism") || ProcessFiles.environmentMentions(pid, "-XX:+DisableAttachMechanism")) {
                throw new TargetException("pid " + pid + " was started with -XX:+DisableAttachMechanism;"
                        + " restart it without that flag to profile it");
            }
            return new TargetJvm(pid, uid, user, cmd, MainClass.of(cmd), JvmVersion.of(pid));
        } catch (NoSuchFileException e) {
            throw new TargetException("process " + pid + " exited");
        } catch (AccessDeniedException e) {
            throw new TargetException("cannot inspect pid " + pid + ": permission denied; run jbound as its owner or as root");
        } catch (IOException e) {
            throw new TargetException("cannot inspect pid " + pid + ": " + e.getMessage());
        }
    }

    private static String describe(List<String> cmd) {
        return cmd.isEmpty() ? "no command line" : cmd.get(0);
    }
}

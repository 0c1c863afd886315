package dev.jbound.target;

import dev.jbound.model.Attachability;

import dev.jbound.model.FoundJvm;

import dev.jbound.model.MainClass;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the JVM a user names by pid or by main class, checks jbound can attach to it, and says why not in one line. */
public final class TargetFinder {
    /** An ambiguous name lists at most this many JVMs, so the error stays one readable line. */
    private static final int MAX_LISTED = 10;
    private static final String LIST_HINT = "list them with: jbound ps";

    private TargetFinder() {
    }

    /** The uid jbound runs as; root may attach to any user's JVM. */
    public static int currentUid() {
        return ProcessFiles.selfUid();
    }

    /**
     * A pid (all digits), or else a name matched against the JVMs' main classes and jars (see
     * {@link JvmNames}): one match is the target, none or several are an error that lists them.
     */
    public static TargetJvm byPidOrName(String pidOrName) throws TargetException {
        String arg = pidOrName.strip();
        if (arg.isEmpty()) throw new TargetException("name a JVM by pid or main class (" + LIST_HINT + ")");
        if (isPid(arg)) {
            try {
                return byPid(Long.parseLong(arg));
            } catch (NumberFormatException e) {
                throw new TargetException("no process with pid " + arg + " (" + LIST_HINT + ")");
            }
        }
        return byPid(byName(arg).pid());
    }

    /**
     * Every JVM on this machine jbound can attach to now, or with a {@code name}, every one the name
     * matches (as {@link #byPidOrName} matches it, but all of them); jbound itself left out.
     */
    public static List<TargetJvm> allAttachable(String name) throws TargetException {
        List<FoundJvm> found = JvmScanner.find();
        if (name != null) found = JvmNames.matching(name, found);
        List<TargetJvm> out = new java.util.ArrayList<>();
        for (FoundJvm j : found) {
            if (!j.attachability().attachable()) continue;
            try {
                out.add(byPid(j.pid()));
            } catch (TargetException e) {
                // ended between the scan and the look, or refuses attach: not one to record
            }
        }
        return out;
    }

    /** Whether a PID|NAME argument is a pid: digits only (around blanks), not a name. */
    public static boolean isPid(String pidOrName) {
        String arg = pidOrName.strip();
        return !arg.isEmpty() && arg.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static FoundJvm byName(String name) throws TargetException {
        List<FoundJvm> matches = JvmNames.matching(name, JvmScanner.find());
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) throw new TargetException("no JVM matches '" + name + "' (" + LIST_HINT + ")");
        String listed = matches.stream().limit(MAX_LISTED).map(TargetFinder::describe).collect(Collectors.joining(", "));
        String more = matches.size() > MAX_LISTED ? ", and " + (matches.size() - MAX_LISTED) + " more" : "";
        throw new TargetException("'" + name + "' matches " + matches.size() + " JVMs: " + listed + more + "; pass a pid");
    }

    public static TargetJvm byPid(long pid) throws TargetException {
        if (pid <= 0) throw new TargetException("no process with pid " + pid);
        if (!Files.isDirectory(ProcessFiles.dir(pid))) {
            throw new TargetException("no process with pid " + pid + " (" + LIST_HINT + ")");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new TargetException("pid " + pid + " is jbound itself; name another JVM");
        }
        try {
            int uid = ProcessFiles.ownerUid(pid);
            String user = ProcessFiles.userName(pid);
            if (AttachChecks.otherUser(uid)) {
                throw new TargetException("pid " + pid + " belongs to user " + user
                        + "; run jbound as that user (sudo -u " + user + " jbound ...) or as root");
            }
            List<String> cmd = ProcessFiles.commandLine(pid);
            if (!ProcessFiles.mapsJvm(pid)) {
                throw new TargetException("pid " + pid + " is not a Java process (" + describe(cmd) + ")");
            }
            if (AttachChecks.attachDisabled(pid, cmd)) {
                throw new TargetException("pid " + pid + " was started with " + Attachability.DISABLE_FLAG
                        + "; restart it without that flag to profile it");
            }
            return new TargetJvm(pid, uid, user, cmd, MainClass.of(cmd), JvmVersion.of(pid));
        } catch (NoSuchFileException e) {
            throw new TargetException("process " + pid + " exited");
        } catch (AccessDeniedException e) {
            throw new TargetException("cannot inspect pid " + pid + ": permission denied; run jbound as its owner or as root");
        } catch (IOException e) {
            // a process that exits while its /proc files are read fails the read ("No such process")
            if (!ProcessIdentity.isAlive(pid)) throw new TargetException("process " + pid + " exited");
            throw new TargetException("cannot inspect pid " + pid + ": " + e.getMessage());
        }
    }

    private static String describe(FoundJvm j) {
        return j.pid() + " " + j.mainClass() + (j.attachability().attachable() ? "" : " (" + j.attachability().reason() + ")");
    }

    private static String describe(List<String> cmd) {
        return cmd.isEmpty() ? "no command line" : cmd.get(0);
    }
}

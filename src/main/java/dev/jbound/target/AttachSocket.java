package dev.jbound.target;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * The socket a HotSpot JVM listens on for attach, {@code /tmp/.java_pid<pid>} in its own mount
 * namespace, and the stale one a JVM killed with SIGKILL leaves behind. A later process given the
 * same pid inherits it: the attach client finds a socket, connects to it instead of asking the JVM
 * to start listening, and fails ("Connection refused", or "Permission denied" when the dead JVM
 * ran as another user). HotSpot removes such a file itself when it starts listening; this does it
 * before the first attach, for the socket that cannot be the target's.
 */
public final class AttachSocket {
    /** File and process times come from different clocks' roundings; a live socket is never older than its JVM by this. */
    private static final long MARGIN_MILLIS = 1000;

    private AttachSocket() {
    }

    /**
     * Removes the target's attach socket when it belongs to an earlier process: owned by another
     * user than the target runs as (HotSpot makes it as the JVM's user), or older than the target,
     * and nothing listens on it. A socket that cannot be removed is a one-line error naming it.
     */
    public static void clearStale(long pid) throws TargetException {
        Path socket = path(pid);
        Map<String, Object> attrs;
        int user;
        try {
            user = ProcessFiles.ownerUid(pid);
            attrs = Files.readAttributes(socket, "unix:uid,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // no socket yet (the attach client asks the JVM to make one), or the process is gone
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return; // the attach client will meet the same and say so
        }
        int mode = (Integer) attrs.get("mode");
        if ((mode & 0170000) != 0140000) return; // not a socket: the attach client ignores it too
        int owner = (Integer) attrs.get("uid");
        Instant made = ((FileTime) attrs.get("lastModifiedTime")).toInstant();
        Instant started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(null);
        boolean otherUser = owner != user;
        boolean older = started != null && made.isBefore(started.minusMillis(MARGIN_MILLIS));
        if (!otherUser && !older) return;
        // the file's owner and time only suggest it; that nothing listens on it proves it (a clock
        // stepped since the JVM started must not cost a live JVM its socket)
        if (listening(socket)) return;
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // the sticky /tmp lets only the file's owner (or root) remove it: EPERM, whatever else failed;
            // "attach mechanism" in the line makes the recorders take it as an attach refused (Asprof.Result)
            throw new TargetException("a stale socket " + socket + " (uid " + owner + ", left by an earlier process with pid "
                    + pid + ") blocks the attach mechanism; remove it as its owner or root");
        }
    }

    /** Whether a process accepts connections on {@code socket}; false when refused, or when this user may not even try. */
    private static boolean listening(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // a JVM's attach listener takes the empty request as a malformed one, and goes on listening
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // refused: nothing listens (permission denied: the removal below says so)
        }
    }

    /** Where the JVM of {@code pid} listens, seen from here: its /tmp, under its own pid in its pid namespace. */
    static Path path(long pid) {
        return ProcessFiles.dir(pid).resolve("root/tmp/.java_pid" + namespacePid(pid));
    }

    /** The pid the process knows itself by (the last NSpid entry: inside a container it differs). */
    static long namespacePid(long pid) {
        try {
            for (String line : Files.readAllLines(ProcessFiles.dir(pid).resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("NSpid:")) {
                    String[] ids = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(ids[ids.length - 1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an old kernel without NSpid, or the process is gone: its pid is the one it knows
        }
        return pid;
    }
}

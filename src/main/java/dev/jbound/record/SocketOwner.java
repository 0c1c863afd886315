package dev.jbound.record;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Which process holds a socket, by its inode: the one with a descriptor linking to "socket:[inode]".
 * Only the processes this user may look into are searched (the same user's, or all for root).
 */
final class SocketOwner {

    /** A host with thousands of processes is searched no further than this many descriptors. */
    static final int MAX_DESCRIPTORS = 200_000;

    private SocketOwner() {
    }

    static OptionalLong of(long inode) {
        String wanted = "socket:[" + inode + "]";
        String[] pids = new File("/proc").list((dir, name) -> !name.isEmpty() && Character.isDigit(name.charAt(0)));
        if (pids == null) return OptionalLong.empty();
        int looked = 0;
        for (String pid : pids) {
            String[] fds = new File("/proc/" + pid + "/fd").list();
            if (fds == null) continue; // another user's, or gone
            for (String fd : fds) {
                if (++looked > MAX_DESCRIPTORS) return OptionalLong.empty();
                try {
                    if (Files.readSymbolicLink(Path.of("/proc", pid, "fd", fd)).toString().equals(wanted)) {
                        return OptionalLong.of(Long.parseLong(pid));
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The process's comm, "" when unreadable. */
    static String name(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }
}

package dev.jbound.record;

import java.util.ArrayList;
import java.util.List;

/** /proc/PID/fdinfo/EPFD of an epoll descriptor: one "tfd: FD events: MASK data: ..." line per watched fd. */
final class EpollInfo {

    private EpollInfo() {
    }

    /** The watched fds, the first {@code max} of them. */
    static List<Integer> watched(String fdinfo, int max) {
        List<Integer> fds = new ArrayList<>();
        for (String line : fdinfo.split("\n")) {
            if (fds.size() >= max) break;
            String t = line.strip();
            if (!t.startsWith("tfd:")) continue;
            String[] f = t.substring(4).strip().split("\\s+");
            try {
                fds.add(Integer.parseInt(f[0]));
            } catch (NumberFormatException e) {
                // a line of another shape: skip it
            }
        }
        return fds;
    }
}

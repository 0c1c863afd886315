package dev.jbound.support;

import java.util.List;

/** Running something as the user nobody, for tests run as root: what another user's process looks like. */
public final class Nobody {
    /** The command prefix that runs the rest as nobody (uid and gid 65534, no other groups). */
    public static final List<String> PREFIX = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    private Nobody() {
    }
}

package dev.jbound.load;

import dev.jbound.load.jfr.EventValues;
import dev.jbound.load.jfr.JfrType;
import dev.jbound.model.IoTarget;

/**
 * What one of the JDK's I/O events names as its target: a socket event's peer address and port
 * (the host name where the address is missing), a file event's path. Field indexes of its type.
 */
record IoEventTarget(int host, int address, int port, int path) {

    /** The reader for this event type, or null for an event that is not I/O. */
    static IoEventTarget of(JfrType t) {
        return switch (t.name()) {
            case "jdk.SocketRead", "jdk.SocketWrite" -> new IoEventTarget(t.indexOf("host"), t.indexOf("address"), t.indexOf("port"), -1);
            case "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce" -> new IoEventTarget(-1, -1, -1, t.indexOf("path"));
            default -> null;
        };
    }

    IoTarget of(EventValues e) {
        if (path >= 0 || port < 0) {
            Object p = e.get(path);
            return p == null || p.toString().isEmpty() ? new IoTarget(IoTarget.Kind.UNSEEN, "files (path not recorded)") : IoTarget.file(p.toString());
        }
        String a = text(e.get(address));
        if (a.isEmpty()) a = text(e.get(host));
        if (a.isEmpty()) return new IoTarget(IoTarget.Kind.UNSEEN, "network (peer not recorded)");
        // as the OS's socket tables print it: an IPv6 address in brackets
        return IoTarget.endpoint((a.contains(":") ? "[" + a + "]" : a) + ":" + e.getLong(port));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}

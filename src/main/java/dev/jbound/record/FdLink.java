package dev.jbound.record;

import dev.jbound.model.Channel;

/** What a /proc/PID/fd link that is not a socket says its descriptor is. */
final class FdLink {

    private FdLink() {
    }

    static Channel channel(String link) {
        if (link.startsWith("pipe:")) return new Channel(Channel.Kind.PIPE, link, "");
        if (link.startsWith("anon_inode:")) return new Channel(Channel.Kind.EVENT, link.substring("anon_inode:".length()), "");
        if (link.startsWith("/dev/pts/") || link.startsWith("/dev/tty") || link.equals("/dev/console")) {
            return new Channel(Channel.Kind.TERMINAL, link, "");
        }
        if (link.startsWith("/dev/")) return new Channel(Channel.Kind.DEVICE, link, "");
        if (link.startsWith("/")) return new Channel(Channel.Kind.FILE, link, "");
        return new Channel(Channel.Kind.UNKNOWN, link, "");
    }
}

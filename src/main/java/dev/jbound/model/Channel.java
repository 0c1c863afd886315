package dev.jbound.model;

/**
 * What a file descriptor was when the OS sensor looked at it: a socket (listening, accepted from a
 * listener, or connected out to a peer), a file, a pipe, a terminal, a device or an event source.
 * Who opened a connection is what tells a server waiting for its client from a client waiting for
 * its server, for any framework: an accepted connection's local port is a listening port.
 *
 * @param kind   what the descriptor is
 * @param local  this end: "127.0.0.1:8080", a unix socket's path, a file's path; "" when unknown
 * @param remote the other end of a connection ("10.0.0.5:5432"), else ""
 */
public record Channel(Kind kind, String local, String remote) {

    public enum Kind {
        /** A listening socket: a thread waiting on it waits for a client to connect. */
        LISTENER,
        /** The server's end of a connection a listener accepted: reading it waits for the client's next request. */
        ACCEPTED,
        /** A connection this process opened: reading it waits for the peer's answer. */
        CONNECTED,
        /** A datagram socket (UDP, unix datagram). */
        DATAGRAM,
        FILE,
        PIPE,
        /** A terminal (a tty or pty): reading it waits for a person. */
        TERMINAL,
        /** Any other device under /dev. */
        DEVICE,
        /** An eventfd, timerfd, signalfd, inotify or epoll descriptor: a wake-up, not data. */
        EVENT,
        /** A socket that closed before the sensor could read its table entry, or an fd it could not read. */
        UNKNOWN
    }

    public static final Channel UNKNOWN = new Channel(Kind.UNKNOWN, "", "");

    public Channel {
        local = local == null ? "" : local;
        remote = remote == null ? "" : remote;
    }

    public boolean isSocket() {
        return kind == Kind.LISTENER || kind == Kind.ACCEPTED || kind == Kind.CONNECTED || kind == Kind.DATAGRAM;
    }

    /** "connected 127.0.0.1:5432", "listening 0.0.0.0:8080", "file /var/log/app.log". */
    public String describe() {
        return switch (kind) {
            case LISTENER -> "listening " + local;
            case ACCEPTED -> "client " + remote + " on " + local;
            case CONNECTED -> "connected to " + remote;
            case DATAGRAM -> remote.isEmpty() ? "datagram " + local : "datagram to " + remote;
            case FILE -> "file " + local;
            case PIPE -> "pipe";
            case TERMINAL -> "terminal " + local;
            case DEVICE -> "device " + local;
            case EVENT -> "event " + local;
            case UNKNOWN -> local.isEmpty() ? "unknown descriptor" : local;
        };
    }
}

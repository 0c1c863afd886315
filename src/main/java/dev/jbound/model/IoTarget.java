package dev.jbound.model;

import java.util.Locale;

/**
 * What an I/O wait waits on, as far as jbound could tell.
 *
 * @param kind what sort of thing it is
 * @param name "10.0.0.5:5432", "/var/lib/db/000004.log", "/dev/sda", "pipe"; for waits whose target
 *             was not seen, what the evidence does say ("network (peer not seen)", a frame)
 */
public record IoTarget(Kind kind, String name) {

    public enum Kind {
        /** A connection this process opened: waiting for its peer's answer or for room to send. */
        ENDPOINT,
        /** A file: its read, write or flush. */
        FILE,
        DEVICE,
        PIPE,
        /** A connected datagram socket to port 53: a name lookup. */
        NAME_LOOKUP,
        /** A child process the thread waits for. */
        CHILD,
        /** A futex wait while another thread of the process was in file I/O: a writer waiting for the one that flushes. */
        ANOTHER_THREADS_IO,
        /** What the OS did not show: named by the recording's frames. */
        UNSEEN;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public IoTarget {
        name = name == null ? "" : name;
    }

    public static IoTarget endpoint(String address) {
        return new IoTarget(Kind.ENDPOINT, address);
    }

    public static IoTarget file(String path) {
        return new IoTarget(Kind.FILE, path);
    }

    // Written out, as Frame's are: the record's own are bound through method handles at first use.
    @Override
    public boolean equals(Object o) {
        return o instanceof IoTarget t && kind == t.kind && name.equals(t.name);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(kind) * 31 + name.hashCode(); // the record's formula: hashed order kept
    }
}

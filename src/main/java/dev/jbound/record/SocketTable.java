package dev.jbound.record;

import dev.jbound.model.Channel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sockets of one network namespace by inode, from /proc/PID/net/tcp, tcp6, udp, udp6 and unix
 * (the target's own namespace, so a container's sockets are seen as it sees them). Who opened a
 * connection is told apart by the listeners: a connection whose local port a listener holds was
 * accepted by it; any other was opened by this side. A unix socket accepted by a listener carries
 * the listener's path; the side that connected has none.
 */
final class SocketTable {

    /** One line of a table. {@code port} -1 for unix sockets; {@code path} "" for inet ones. */
    record Entry(long inode, String protocol, int state, String address, int port, String remoteAddress, int remotePort,
                 String path, boolean listening) {
    }

    /** A connect() under way: only the side that connects is ever in it. */
    private static final int TCP_SYN_SENT = 0x02;
    private static final int TCP_LISTEN = 0x0A;
    /** A unix socket's flags: __SO_ACCEPTCON, set once it listens. */
    private static final int UNIX_ACCEPTCON = 0x10000;
    private static final int UNIX_DGRAM = 2;

    private final Map<Long, Entry> byInode = new HashMap<>();
    private final Set<Integer> listeningPorts = new HashSet<>();
    /** TCP connections by "local>remote": a loopback connection's other end is in the same table. */
    private final Map<String, Entry> byEnds = new HashMap<>();
    /** The listening TCP sockets by port: who is behind a connection to this machine. */
    private final Map<Integer, Entry> listeners = new HashMap<>();
    private final Set<String> listeningPaths = new HashSet<>();

    boolean contains(long inode) {
        return byInode.containsKey(inode);
    }

    int size() {
        return byInode.size();
    }

    /** Adds the lines of /proc/net/tcp, tcp6, udp or udp6 ({@code protocol} "tcp" or "udp"). */
    void addInet(String protocol, String text) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            Entry e = parseInetLine(protocol, lines[i]);
            if (e == null) continue;
            byInode.put(e.inode(), e);
            if (e.listening()) {
                listeningPorts.add(e.port());
                listeners.putIfAbsent(e.port(), e);
            } else if (protocol.equals("tcp")) {
                byEnds.put(endpoint(e.address(), e.port()) + ">" + endpoint(e.remoteAddress(), e.remotePort()), e);
            }
        }
    }

    /** Adds the lines of /proc/net/unix. */
    void addUnix(String text) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            Entry e = parseUnixLine(lines[i]);
            if (e == null) continue;
            byInode.put(e.inode(), e);
            if (e.listening() && !e.path().isEmpty()) listeningPaths.add(e.path());
        }
    }

    /** What socket {@code inode} is, or null when no table lists it (it closed, or lives in another namespace). */
    Channel channel(long inode) {
        Entry e = byInode.get(inode);
        if (e == null) return null;
        if (e.port() < 0) return unixChannel(e);
        String local = endpoint(e.address(), e.port());
        if (e.protocol().equals("udp")) {
            return new Channel(Channel.Kind.DATAGRAM, local, e.remotePort() == 0 ? "" : endpoint(e.remoteAddress(), e.remotePort()));
        }
        if (e.listening()) return new Channel(Channel.Kind.LISTENER, local, "");
        String remote = endpoint(e.remoteAddress(), e.remotePort());
        boolean accepted = listeningPorts.contains(e.port()) && e.state() != TCP_SYN_SENT;
        return new Channel(accepted ? Channel.Kind.ACCEPTED : Channel.Kind.CONNECTED, local, remote);
    }

    /**
     * The inode of the socket listening behind {@code endpoint} ("127.0.0.1:5432"), when that is an
     * address of this machine's namespace that a listener here serves; -1 otherwise.
     */
    long listenerBehind(String endpoint) {
        if (endpoint.startsWith("/")) {
            for (Entry e : byInode.values()) {
                if (e.port() < 0 && e.listening() && e.path().equals(endpoint)) return e.inode();
            }
            return -1;
        }
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) return -1;
        String address = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
        Entry l = listeners.get(port);
        if (l == null) return -1;
        boolean wildcard = l.address().equals("0.0.0.0") || l.address().equals("::");
        boolean loopback = address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        // a wildcard listener serves this host's addresses; a connection to it from here goes to a loopback
        // address, or to one of the host's own (which the listener's table entry does not list)
        return wildcard && (loopback || localAddresses().contains(address)) || l.address().equals(address) ? l.inode() : -1;
    }

    /** The addresses this namespace's sockets are bound to: the host's own, as far as its tables show. */
    private Set<String> localAddresses() {
        Set<String> own = new HashSet<>();
        for (Entry e : byInode.values()) {
            if (e.port() >= 0 && !e.address().equals("0.0.0.0") && !e.address().equals("::")) own.add(e.address());
        }
        return own;
    }

    /**
     * The other end of connection {@code inode} when it is on this machine (in this namespace): the
     * socket whose ends are this one's the other way round; -1 otherwise. It is found even where the
     * listener that accepted it has closed.
     */
    long peerOf(long inode) {
        Entry e = byInode.get(inode);
        if (e == null || e.port() < 0) return -1;
        Entry peer = byEnds.get(endpoint(e.remoteAddress(), e.remotePort()) + ">" + endpoint(e.address(), e.port()));
        return peer == null ? -1 : peer.inode();
    }

    /** What socket {@code inode} is, as an entry; null when no table lists it. */
    Entry entry(long inode) {
        return byInode.get(inode);
    }

    private Channel unixChannel(Entry e) {
        String path = e.path().isEmpty() ? "unix socket" : e.path();
        if (e.listening()) return new Channel(Channel.Kind.LISTENER, path, "");
        if (e.protocol().equals("unix-dgram")) return new Channel(Channel.Kind.DATAGRAM, path, "");
        if (!e.path().isEmpty() && listeningPaths.contains(e.path())) return new Channel(Channel.Kind.ACCEPTED, e.path(), "");
        // The connecting side has no path of its own; its peer's is not in the table.
        return new Channel(Channel.Kind.CONNECTED, "", e.path().isEmpty() ? "unix socket" : e.path());
    }

    /**
     * "  sl  local_address rem_address   st tx_queue:rx_queue ... uid timeout inode ...":
     * addresses are hex in the kernel's byte order, ports hex in network order.
     */
    static Entry parseInetLine(String protocol, String line) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 10 || !f[0].endsWith(":")) return null;
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            int state = Integer.parseInt(f[3], 16);
            long inode = Long.parseLong(f[9]);
            if (inode == 0) return null; // a TIME_WAIT entry belongs to no socket
            boolean listening = protocol.equals("tcp") && state == TCP_LISTEN;
            return new Entry(inode, protocol, state, address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16), "", listening);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "Num RefCount Protocol Flags Type St Inode Path": hex flags, type and state; the path may be absent. */
    static Entry parseUnixLine(String line) {
        String[] f = line.strip().split("\\s+", 8);
        if (f.length < 7 || !f[0].endsWith(":")) return null;
        try {
            int flags = Integer.parseInt(f[3], 16);
            int type = Integer.parseInt(f[4], 16);
            int state = Integer.parseInt(f[5], 16);
            long inode = Long.parseLong(f[6]);
            String path = f.length > 7 ? f[7].strip() : "";
            return new Entry(inode, type == UNIX_DGRAM ? "unix-dgram" : "unix", state, "", -1, "", -1, path,
                    (flags & UNIX_ACCEPTCON) != 0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word in little-endian order as x86 and arm64 print it. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.length() != 32) throw new IllegalArgumentException("not an address: " + hex);
        byte[] b = new byte[16];
        for (int w = 0; w < 4; w++) {
            long v = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
            for (int i = 0; i < 4; i++) b[w * 4 + i] = (byte) (v >> (8 * i));
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
        mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        if (mapped) return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
        return ipv6(b);
    }

    /** RFC 5952 text: lower case, the longest run of zero groups as "::". */
    private static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}

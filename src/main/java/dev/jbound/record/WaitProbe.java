package dev.jbound.record;

import dev.jbound.target.TaskStat;
import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.Endpoint;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sleeping task is blocked in: its system call (/proc/PID/task/TID/syscall) and what the
 * call's descriptors are (/proc/PID/fd, the epoll's fdinfo, a poll's pollfd array in the target's
 * memory, the namespace's socket tables). Read on the sensor's poll thread only; every read needs
 * the right to ptrace the target, as reading its /proc/PID/io does, and harms nothing in it.
 *
 * <p>A poll notes each blocked task's call and the links of its descriptors; sockets are looked up
 * in the socket tables, which are read again only when a poll meets a socket they lack, at most
 * once per {@link #TABLE_REFRESH_NANOS}: on a host with 10,000 connections a table is a megabyte.
 */
final class WaitProbe implements AutoCloseable {

    /** How often the socket tables may be read again for sockets opened since. */
    static final long TABLE_REFRESH_NANOS = 1_000_000_000L;

    /** A call and the links of its descriptors, as one poll saw them: what a thread's tally counts. */
    record Seen(SyscallTable.Entry entry, List<String> links) {
    }

    private final String procDir;
    private final long targetPid;
    private final Map<String, Peer> peers = new HashMap<>();
    private final Set<String> examined = new HashSet<>();
    private int lookups;
    private final SyscallTable table;
    private final OpenTaskFiles syscallFiles;
    private final ProcFileReader reader;
    private SocketTable sockets = new SocketTable();
    private final Map<Long, Channel> socketChannels = new HashMap<>();
    private final Set<Long> unresolved = new HashSet<>();
    private long tablesReadAt = Long.MIN_VALUE;
    private final Map<Long, List<String>> epollThisPoll = new HashMap<>();
    private RandomAccessFile memory;
    private boolean memoryRefused;
    private String problem;

    WaitProbe(long pid, ProcFileReader reader) {
        this.procDir = "/proc/" + pid + "/";
        this.targetPid = pid;
        this.table = SyscallTable.forArch(System.getProperty("os.arch"));
        this.syscallFiles = new OpenTaskFiles(procDir + "task/", "syscall", reader);
        this.reader = reader;
        if (table == null) problem = "blocking system calls not read on " + System.getProperty("os.arch") + ": waits judged by stacks only";
    }

    /** Why no calls could be read, for the report's notes; null when they could. */
    String problem() {
        if (problem == null && syscallFiles.refused() != null) {
            return "blocking system calls unreadable (/proc/PID/task/TID/syscall: " + syscallFiles.refused()
                    + ", it needs the right to ptrace the target): waits judged by stacks only";
        }
        return problem;
    }

    /** What task {@code tid} is blocked in now; null when it runs, or when it cannot be read. */
    Seen observe(String tid) {
        if (table == null || syscallFiles.refused() != null) return null;
        String text = syscallFiles.read(tid);
        if (text == null) return null;
        SyscallLine line;
        try {
            line = SyscallLine.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        if (line.running()) return null;
        SyscallTable.Entry entry = table.entry(line.number());
        return new Seen(entry, links(entry, line));
    }

    /** A poll ended: sockets first met in it are looked up, in tables read again if they lack them. */
    void afterPoll(long sinceStartNanos) {
        epollThisPoll.clear();
        if (!unresolved.isEmpty() && (tablesReadAt == Long.MIN_VALUE || sinceStartNanos - tablesReadAt >= TABLE_REFRESH_NANOS)) {
            readTables(sinceStartNanos);
        }
        for (var s : socketChannels.entrySet()) {
            Channel c = s.getValue();
            if (c.kind() == Channel.Kind.CONNECTED && !c.remote().isEmpty() && examined.add(c.remote())) {
                watchPeer(c.remote(), s.getKey(), sinceStartNanos);
            }
        }
    }

    /** A process on this machine behind an endpoint the threads wait on, and its CPU time when first seen. */
    private record Peer(long pid, String process, long startTicks, long startNanos) {
    }

    /**
     * The first time a poll meets a connection to {@code remote}: if a process of this machine serves
     * it (the listener of its port, or the other end of this connection), its CPU time from now on
     * is watched, with its children's: a local database's backends burning the cores are the limit
     * more client threads run into.
     */
    private void watchPeer(String remote, long inode, long sinceStartNanos) {
        if (lookups >= MAX_OWNER_LOOKUPS) return;
        long behind = sockets.listenerBehind(remote);
        if (behind < 0) behind = sockets.peerOf(inode);
        if (behind < 0) return;
        lookups++;
        long owner = SocketOwner.of(behind).orElse(0);
        if (owner <= 0) return;
        long ticks = owner == targetPid ? -1 : ProcessTree.cpuTicks(owner);
        peers.put(remote, new Peer(owner, SocketOwner.name(owner), ticks, sinceStartNanos));
    }

    /** Closes the files of tasks no longer listed. */
    void retainOnly(Set<String> listed) {
        syscallFiles.retainOnly(listed);
    }

    /** The call as a {@link BlockedCall}, its descriptors resolved with all the tables read in the window. */
    BlockedCall resolve(Seen seen, int polls, int diskSleep, int besideFileIo) {
        List<Channel> channels = new ArrayList<>(seen.links().size());
        for (String link : seen.links()) channels.add(channel(link));
        return new BlockedCall(seen.entry().name(), seen.entry().call(), channels, polls, diskSleep, besideFileIo);
    }

    /** A flush, or a read or write of a file (not a device): the disk's time, whoever waits for it. */
    static boolean isFileIo(Seen seen) {
        return switch (seen.entry().call()) {
            case SYNC -> true;
            case RECEIVE, SEND -> !seen.links().isEmpty() && seen.links().get(0).startsWith("/")
                    && !seen.links().get(0).startsWith("/dev/");
            default -> false;
        };
    }

    /** Endpoints whose local process is looked for: each look may search every process's descriptors. */
    static final int MAX_OWNER_LOOKUPS = 8;
    /** A peer watched for less than this has no CPU figure: 20 ticks of 10 ms. */
    static final long PEER_SPAN_NANOS = 200_000_000L;

    /**
     * At the window's end: how many connections the process holds to each of {@code remotes} (the
     * endpoints its threads waited on), and which local process listens behind each, read from
     * fresh socket tables and the process's descriptors.
     */
    List<Endpoint> endpoints(Collection<String> remotes, long sinceStartNanos) {
        if (remotes.isEmpty()) return List.of();
        readTables(sinceStartNanos);
        Map<String, Integer> connections = new HashMap<>();
        Map<String, Long> oneOf = new HashMap<>();
        String[] fds = new File(procDir + "fd").list();
        for (String fd : fds == null ? new String[0] : fds) {
            try {
                long inode = socketInode(Files.readSymbolicLink(Path.of(procDir + "fd/" + fd)).toString());
                Channel c = inode < 0 ? null : sockets.channel(inode);
                if (c != null && c.kind() == Channel.Kind.CONNECTED && remotes.contains(c.remote())) {
                    connections.merge(c.remote(), 1, Integer::sum);
                    oneOf.putIfAbsent(c.remote(), inode);
                }
            } catch (IOException | RuntimeException e) {
                // closed meanwhile
            }
        }
        List<Endpoint> out = new ArrayList<>();
        for (String remote : remotes) {
            if (!examined.contains(remote) && oneOf.containsKey(remote)) {
                examined.add(remote);
                watchPeer(remote, oneOf.get(remote), sinceStartNanos);
            }
            Peer p = peers.get(remote);
            int n = connections.getOrDefault(remote, 0);
            if (p == null) {
                out.add(new Endpoint(remote, n, 0, "", -1));
                continue;
            }
            long ticks = p.startTicks() < 0 ? -1 : ProcessTree.cpuTicks(p.pid());
            long span = sinceStartNanos - p.startNanos();
            // its CPU over the part of the window it was watched, where that is long enough to say (200 ms)
            double cores = ticks < 0 || span < PEER_SPAN_NANOS ? -1 : (ticks - p.startTicks()) * TaskStat.NANOS_PER_TICK / (double) span;
            out.add(new Endpoint(remote, n, p.pid(), p.process(), Math.max(-1, cores)));
        }
        return out;
    }

    /** The end of the window: sockets still unknown get one more look. */
    void finish(long sinceStartNanos) {
        if (!unresolved.isEmpty()) readTables(sinceStartNanos);
    }

    private List<String> links(SyscallTable.Entry entry, SyscallLine line) {
        return switch (entry.fds()) {
            case NONE -> List.of();
            case ARG0 -> List.of(link((int) line.arg(0)));
            case EPOLL -> epollMembers((int) line.arg(0));
            case POLL_ARRAY -> pollMembers(line.arg(0), line.arg(1));
        };
    }

    /** The fd's link: "socket:[123]", "pipe:[45]", "anon_inode:[eventfd]", a path; "" when gone. */
    private String link(int fd) {
        if (fd < 0) return "";
        try {
            String target = Files.readSymbolicLink(Path.of(procDir + "fd/" + fd)).toString();
            long inode = socketInode(target);
            if (inode >= 0 && !socketChannels.containsKey(inode)) noteSocket(inode);
            return target;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The descriptors an epoll watches: the "tfd:" lines of its fdinfo, the first few of them. */
    private List<String> epollMembers(int epfd) {
        return epollThisPoll.computeIfAbsent((long) epfd, k -> {
            String info = reader.readOrNull(procDir + "fdinfo/" + epfd);
            if (info == null) return List.of();
            List<String> links = new ArrayList<>();
            for (int fd : EpollInfo.watched(info, BlockedCall.MAX_CHANNELS)) links.add(link(fd));
            return links;
        });
    }

    /** A poll()'s pollfd array, read from the target's memory: {int fd; short events; short revents} each. */
    private List<String> pollMembers(long address, long count) {
        if (count <= 0 || count > BlockedCall.MAX_CHANNELS || memoryRefused) return List.of();
        byte[] raw = new byte[(int) count * 8];
        try {
            if (memory == null) memory = new RandomAccessFile(procDir + "mem", "r");
            memory.seek(address);
            memory.readFully(raw);
        } catch (IOException e) {
            // No access to its memory (another user, a hardened kernel): the call is known, its fds are not.
            if (memory == null) memoryRefused = true;
            return List.of();
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        List<String> links = new ArrayList<>();
        for (int i = 0; i < count; i++) links.add(link(b.getInt(i * 8)));
        return links;
    }

    private void noteSocket(long inode) {
        Channel known = sockets.channel(inode);
        if (known != null) socketChannels.put(inode, known);
        else unresolved.add(inode);
    }

    private void readTables(long sinceStartNanos) {
        SocketTable fresh = new SocketTable();
        for (String proto : new String[]{"tcp", "tcp6", "udp", "udp6"}) {
            String text = readWhole(procDir + "net/" + proto);
            if (text != null) fresh.addInet(proto.startsWith("tcp") ? "tcp" : "udp", text);
        }
        String unix = readWhole(procDir + "net/unix");
        if (unix != null) fresh.addUnix(unix);
        sockets = fresh;
        tablesReadAt = sinceStartNanos;
        for (var it = unresolved.iterator(); it.hasNext(); ) {
            long inode = it.next();
            Channel c = fresh.channel(inode);
            if (c != null) {
                socketChannels.put(inode, c);
                it.remove();
            }
        }
    }

    /** A socket table can be far larger than the reader's buffer. */
    private static String readWhole(String path) {
        try {
            return Files.readString(Path.of(path), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }

    private Channel channel(String link) {
        if (link.isEmpty()) return Channel.UNKNOWN;
        long inode = socketInode(link);
        if (inode >= 0) {
            Channel c = socketChannels.get(inode);
            return c != null ? c : new Channel(Channel.Kind.UNKNOWN, "socket (closed before its table was read)", "");
        }
        return FdLink.channel(link);
    }

    /** The inode of "socket:[123]", else -1. */
    static long socketInode(String link) {
        if (!link.startsWith("socket:[") || !link.endsWith("]")) return -1;
        try {
            return Long.parseLong(link.substring(8, link.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        syscallFiles.close();
        if (memory != null) {
            try {
                memory.close();
            } catch (IOException e) {
                // nothing was written
            }
        }
    }
}

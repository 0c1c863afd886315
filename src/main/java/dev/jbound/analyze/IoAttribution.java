package dev.jbound.analyze;

import dev.jbound.model.BlockedCall;
import dev.jbound.model.Channel;
import dev.jbound.model.Endpoint;
import dev.jbound.model.FrameCount;
import dev.jbound.model.IoShare;
import dev.jbound.model.IoTarget;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where each second of I/O went: a thread's I/O time shared over what it waited on, by the best
 * evidence it has. The OS's polls first (the descriptors of the calls it was blocked in: a
 * connection's peer, a file's path); then the recording's own I/O events (the JDK's socket reads
 * name host and port, its file events the path); last the frames, which say network or file but
 * not which.
 */
final class IoAttribution {

    /** Targets named in a report; the rest fold into one "other" row. */
    static final int TOP_TARGETS = 8;
    /** A name lookup's port. */
    private static final String DNS_PORT = ":53";

    private IoAttribution() {
    }

    /**
     * A thread's I/O time by target.
     *
     * @param ioNanos the thread's io time
     * @param blocked the calls the OS saw it blocked in (empty without the OS sensor)
     * @param events  the recording's I/O events of the thread by target (the JDK's), nanoseconds
     * @param sites   its I/O wait sites, the frames' view
     */
    static Map<IoTarget, Long> ofThread(long ioNanos, List<BlockedCall> blocked, boolean app, Map<IoTarget, Long> events,
                                        List<FrameCount> sites) {
        return ofThread(ioNanos, blocked, app, events, sites, true, Map.of());
    }

    /**
     * What the OS saw threads waiting on from each I/O wait site: for a thread its polls never
     * caught blocked (a paced sensor polls a big JVM seldom), the threads waiting at the same site
     * speak for it.
     */
    static Map<String, Map<IoTarget, Double>> bySite(Map<String, List<Map<IoTarget, Double>>> seen) {
        Map<String, Map<IoTarget, Double>> out = new HashMap<>();
        seen.forEach((site, list) -> list.forEach(w -> w.forEach((t, n) -> out.computeIfAbsent(site, k -> new LinkedHashMap<>())
                .merge(t, n, Double::sum))));
        return out;
    }

    /**
     * @param besideIoCounted the thread's I/O includes futex waits beside another thread's file I/O
     *                        (native code the OS saw so): only then are those waits a target
     */
    static Map<IoTarget, Long> ofThread(long ioNanos, List<BlockedCall> blocked, boolean app, Map<IoTarget, Long> events,
                                        List<FrameCount> sites, boolean besideIoCounted, Map<String, Map<IoTarget, Double>> seenAtSite) {
        if (ioNanos <= 0) return Map.of();
        Map<IoTarget, Double> weights = fromOs(blocked, app && besideIoCounted);
        if (weights.isEmpty()) events.forEach((t, n) -> weights.merge(t, (double) n, Double::sum));
        if (weights.isEmpty() && !sites.isEmpty()) {
            Map<IoTarget, Double> same = seenAtSite.get(sites.get(0).frame());
            if (same != null) weights.putAll(same);
        }
        if (weights.isEmpty()) sites.forEach(f -> weights.merge(unseen(f.frame()), (double) f.nanos(), Double::sum));
        if (weights.isEmpty()) weights.put(new IoTarget(IoTarget.Kind.UNSEEN, "unknown"), 1.0);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<IoTarget, Long> out = new LinkedHashMap<>();
        long given = 0;
        IoTarget last = null;
        for (var w : weights.entrySet()) {
            long n = (long) Math.floor(ioNanos * w.getValue() / total);
            out.merge(w.getKey(), n, Long::sum);
            given += n;
            last = w.getKey();
        }
        out.merge(last, ioNanos - given, Long::sum);
        return out;
    }

    /** The OS's polls of the calls that were I/O, spread over the descriptors each waited on. */
    static Map<IoTarget, Double> fromOs(List<BlockedCall> blocked, boolean app) {
        Map<IoTarget, Double> w = new LinkedHashMap<>();
        for (BlockedCall c : blocked) {
            if (c.call() == BlockedCall.Call.FUTEX) {
                // a storage engine's writer waiting for the one that flushes (OsWaitRules.OffCpu)
                if (app && c.besideFileIo() > 0) w.merge(new IoTarget(IoTarget.Kind.ANOTHER_THREADS_IO, "another thread's file I/O"),
                        (double) c.besideFileIo(), Double::sum);
                continue;
            }
            if (OsWaitRules.stateOf(c) != ThreadState.IO) continue;
            List<IoTarget> targets = new ArrayList<>();
            for (Channel ch : c.channels()) {
                IoTarget t = of(ch);
                if (t != null) targets.add(t);
            }
            if (targets.isEmpty()) {
                targets.add(c.call() == BlockedCall.Call.CHILD ? new IoTarget(IoTarget.Kind.CHILD, "child process")
                        : new IoTarget(IoTarget.Kind.UNSEEN, c.syscall() + (c.diskSleep() > 0 ? " (disk sleep)" : "")));
            }
            for (IoTarget t : targets) w.merge(t, (double) c.polls() / targets.size(), Double::sum);
        }
        return w;
    }

    /** What a descriptor is as a target of I/O; null for one that is not (a listener, a wake-up). */
    static IoTarget of(Channel ch) {
        return switch (ch.kind()) {
            case CONNECTED -> IoTarget.endpoint(ch.remote());
            case DATAGRAM -> ch.remote().isEmpty() ? null
                    : ch.remote().endsWith(DNS_PORT) ? new IoTarget(IoTarget.Kind.NAME_LOOKUP, ch.remote()) : IoTarget.endpoint(ch.remote());
            case FILE -> IoTarget.file(ch.local());
            case DEVICE -> new IoTarget(IoTarget.Kind.DEVICE, ch.local());
            case PIPE -> new IoTarget(IoTarget.Kind.PIPE, "pipe");
            default -> null;
        };
    }

    /** A wait site's frame, where nothing saw the descriptor: network or file as far as the frame says. */
    static IoTarget unseen(String frame) {
        String f = frame == null ? "" : frame;
        if (f.contains("Socket") || f.contains("socket") || f.contains("Net.") || f.contains("EPoll") || f.contains("Selector")
                || f.contains("Http") || f.contains("jdbc") || f.contains("Jdbc")) {
            return new IoTarget(IoTarget.Kind.UNSEEN, "network (peer not seen): " + f);
        }
        if (f.contains("File") || f.contains("force") || f.contains("RandomAccess")) {
            return new IoTarget(IoTarget.Kind.UNSEEN, "files (path not seen): " + f);
        }
        return new IoTarget(IoTarget.Kind.UNSEEN, f.isEmpty() ? "unknown" : f);
    }

    /** Adds up threads' I/O by target for a scope (the process, a pool). */
    static final class Tally {
        private final Map<IoTarget, long[]> byTarget = new HashMap<>(); // {nanos, threads}
        private long total;

        void add(Map<IoTarget, Long> thread) {
            thread.forEach((t, n) -> {
                long[] v = byTarget.computeIfAbsent(t, k -> new long[2]);
                v[0] += n;
                v[1]++;
                total += n;
            });
        }

        /** The targets with the most time, the rest folded into "other", with what the OS saw of each endpoint. */
        List<IoShare> rows(Function<String, Endpoint> endpoints) {
            List<Map.Entry<IoTarget, long[]>> list = new ArrayList<>(byTarget.entrySet());
            list.sort(Comparator.comparingLong((Map.Entry<IoTarget, long[]> e) -> -e.getValue()[0])
                    .thenComparing(e -> e.getKey().name()));
            List<IoShare> out = new ArrayList<>();
            long otherNanos = 0;
            int otherThreads = 0;
            for (int i = 0; i < list.size(); i++) {
                var e = list.get(i);
                if (e.getValue()[0] <= 0) continue;
                if (i >= TOP_TARGETS) {
                    otherNanos += e.getValue()[0];
                    otherThreads = (int) Math.max(otherThreads, e.getValue()[1]);
                    continue;
                }
                IoTarget t = e.getKey();
                Endpoint ep = t.kind() == IoTarget.Kind.ENDPOINT ? endpoints.apply(t.name()) : null;
                out.add(new IoShare(t, e.getValue()[0], share(e.getValue()[0]), (int) e.getValue()[1], ep));
            }
            if (otherNanos > 0) {
                out.add(new IoShare(new IoTarget(IoTarget.Kind.UNSEEN, "other"), otherNanos, share(otherNanos), otherThreads, null));
            }
            return out;
        }

        private double share(long nanos) {
            return total == 0 ? 0 : (double) nanos / total;
        }
    }
}

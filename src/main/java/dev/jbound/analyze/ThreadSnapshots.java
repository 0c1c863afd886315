package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Report;
import dev.jbound.model.ThreadSnapshot;
import dev.jbound.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A thread dump's text → {@link ThreadSnapshot}: states by jbound's model, the lock graph, and its deadlocks. */
public final class ThreadSnapshots {

    /** Frames kept per thread: enough to see what it does and where it waits. */
    static final int FRAMES = 8;

    private ThreadSnapshots() {
    }

    /** Whether the dump shows a thread waiting for a lock of one of these classes, and so its holder. */
    public static boolean catchesAWaiter(String dumpText, java.util.Collection<String> lockClasses) {
        ThreadDump dump = ThreadDump.parse(dumpText);
        return lockClasses.stream().anyMatch(c -> dump.mostContended(c) != null);
    }

    /** Whether the dump shows a thread waiting for any lock, held by another. */
    public static boolean catchesAnyWaiter(String dumpText) {
        return !ThreadDump.parse(dumpText).contended().isEmpty();
    }

    public static ThreadSnapshot of(String dumpText, Report.Target target, long takenAtMillis) {
        ThreadDump dump = ThreadDump.parse(dumpText);
        StackStates states = new StackStates();
        List<ThreadSnapshot.DumpThread> threads = new ArrayList<>();
        Map<String, String> waitsFor = new HashMap<>();
        for (ThreadDump.Thread t : dump.threads().values()) {
            threads.add(new ThreadSnapshot.DumpThread(t.name(), t.tid(), t.javaState(), state(t, states),
                    t.stack().frames().stream().limit(FRAMES).map(Frame::qualifiedName).toList(), t.waitingFor(), t.holding()));
            if (t.waitingFor() != null) waitsFor.put(t.name(), t.waitingFor());
        }
        List<ThreadSnapshot.DumpLock> locks = new ArrayList<>();
        Map<String, String> holderOf = new HashMap<>();
        for (ThreadDump.LockObject l : dump.locks().values()) {
            String holder = l.holder() == null ? null : l.holder().thread();
            if (holder != null) holderOf.put(l.address(), holder);
            if (holder != null || !l.waiters().isEmpty()) {
                locks.add(new ThreadSnapshot.DumpLock(l.address(), l.lockClass(), holder, l.waiters()));
            }
        }
        locks.sort(Comparator.comparingInt((ThreadSnapshot.DumpLock l) -> -l.waiters().size()).thenComparing(ThreadSnapshot.DumpLock::address));
        return new ThreadSnapshot(target, takenAtMillis, threads, locks, deadlocks(waitsFor, holderOf));
    }

    /**
     * The JVM's word decides a blocked monitor enter (no frame shows it); the stack decides the
     * rest. A thread with no Java frames is one of the JVM's own, waiting for its next task as far
     * as one instant can tell.
     */
    private static ThreadState state(ThreadDump.Thread t, StackStates states) {
        if (t.javaState().startsWith("BLOCKED")) return ThreadState.LOCK;
        if (t.stack().isEmpty()) return ThreadState.WAIT;
        return states.state(t.stack());
    }

    /**
     * Each thread waits for at most one lock and each lock has at most one holder, so the wait-for
     * graph is a set of chains: follow each from its start; coming back to a thread of the same walk is a cycle.
     */
    static List<ThreadSnapshot.Deadlock> deadlocks(Map<String, String> waitsFor, Map<String, String> holderOf) {
        List<ThreadSnapshot.Deadlock> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : waitsFor.keySet().stream().sorted().toList()) {
            LinkedHashSet<String> walk = new LinkedHashSet<>();
            String t = start;
            while (t != null && !done.contains(t) && walk.add(t)) {
                String lock = waitsFor.get(t);
                t = lock == null ? null : holderOf.get(lock);
            }
            if (t != null && walk.contains(t)) {
                List<String> path = new ArrayList<>(walk);
                List<String> cycle = path.subList(path.indexOf(t), path.size());
                out.add(new ThreadSnapshot.Deadlock(cycle, cycle.stream().map(waitsFor::get).toList()));
            }
            done.addAll(walk);
        }
        return out;
    }
}

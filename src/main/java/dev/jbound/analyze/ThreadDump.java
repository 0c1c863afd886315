package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HotSpot thread dump ({@code jcmd PID Thread.print -l}, or the JDK recorder's jdk.ThreadDump):
 * its lock facts (which thread holds which monitor or ownable synchronizer, who waits for it, what
 * the holder was running) and, per thread, its OS id ({@code nid}), CPU time so far ({@code cpu=},
 * JDK 11+, the JVM's own threads too), age ({@code elapsed=}) and Java stack. Two dumps give every
 * thread's CPU time in between, which the JDK's sampler cannot.
 */
public final class ThreadDump {

    record Holder(String thread, String topFrame) {
    }

    /**
     * One thread's header facts and stack; {@code cpuNanos} and {@code ageNanos} are -1 when the dump
     * has none (JDK 8). {@code javaState} is the java.lang.Thread.State line ("" for the JVM's own
     * threads), {@code waitingFor} the address of the lock it waits to acquire (or null),
     * {@code holding} the addresses of the locks it holds.
     */
    /**
     * @param inNativeMethod its innermost frame is a Java native method ("(Native Method)"): JNI, to the JVM runnable
     * @param monitors       the monitors it holds (synchronized, not ownable synchronizers), innermost first
     */
    public record Thread(long tid, String name, long cpuNanos, long ageNanos, Stack stack, String javaState, String waitingFor,
                  List<String> holding, boolean inNativeMethod, List<Monitor> monitors) {
    }

    /** A monitor a thread holds: its class and the frame whose synchronized block or method took it. */
    public record Monitor(String lockClass, String frame) {
    }

    /** A lock object seen in the dump, by its address. */
    record LockObject(String address, String lockClass, Holder holder, List<String> waiters) {
    }

    private static final Pattern THREAD_HEADER = Pattern.compile("^\"(.*)\"(?:\\s.*)?$");
    private static final Pattern CPU = Pattern.compile("\\bcpu=([0-9.]+)ms\\b");
    private static final Pattern ELAPSED = Pattern.compile("\\belapsed=([0-9.]+)s\\b");
    private static final Pattern NID = Pattern.compile("\\bnid=(0x[0-9a-fA-F]+|[0-9]+)");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (\\S+)\\(.*$");
    private static final Pattern JAVA_STATE = Pattern.compile("^\\s+java\\.lang\\.Thread\\.State: (.*)$");
    private static final Pattern WAITING_ON = Pattern.compile("^\\s+- waiting on <(0x[0-9a-f]+)>");
    private static final Pattern LOCKED = Pattern.compile("^\\s+- (?:locked|eliminated) <(0x[0-9a-f]+)> \\(a (\\S+)\\)");
    private static final Pattern WAITING = Pattern.compile("^\\s+- (?:waiting to lock|parking to wait for)\\s+<(0x[0-9a-f]+)> \\(a (\\S+)\\)");
    private static final Pattern OWNABLE = Pattern.compile("^\\s+- <(0x[0-9a-f]+)> \\(a (\\S+)\\)");

    private final Map<String, LockObject> locks;
    private final Map<Long, Thread> threads;

    private ThreadDump(Map<String, LockObject> locks, Map<Long, Thread> threads) {
        this.locks = locks;
        this.threads = threads;
    }

    /** The threads whose header names their OS id, by that id. */
    public Map<Long, Thread> threads() {
        return threads;
    }

    /** The lock objects some thread waits for, in the dump's order. */
    List<LockObject> contended() {
        return locks.values().stream().filter(l -> !l.waiters().isEmpty()).toList();
    }

    /** The thread named so (the first, if several are), or null. */
    Thread named(String name) {
        for (Thread t : threads.values()) {
            if (t.name().equals(name)) return t;
        }
        return null;
    }

    public static ThreadDump parse(String text) {
        Map<String, String> classes = new HashMap<>();
        Map<String, Holder> holders = new HashMap<>();
        Map<String, List<String>> waiters = new HashMap<>();
        Map<Long, Thread> threads = new java.util.LinkedHashMap<>();
        String thread = null;
        String topFrame = null;
        String header = null;
        List<Frame> frames = new ArrayList<>();
        ThreadLocks own = new ThreadLocks();
        boolean inOwnable = false;
        for (String line : text == null ? new String[0] : text.split("\n")) {
            Matcher m;
            // HotSpot's own deadlock report follows the threads and repeats their stacks: not more threads
            if (line.startsWith("JNI global") || line.startsWith("Found one Java-level deadlock") || line.matches("^Found \\d+ deadlocks.*")) break;
            if ((m = THREAD_HEADER.matcher(line)).matches()) {
                addThread(threads, thread, header, frames, own);
                thread = m.group(1);
                header = line;
                frames = new ArrayList<>();
                own = new ThreadLocks();
                topFrame = null;
                inOwnable = false;
            } else if (thread == null) {
                continue;
            } else if (line.contains("Locked ownable synchronizers:")) {
                inOwnable = true;
            } else if ((m = JAVA_STATE.matcher(line)).matches()) {
                own.javaState = m.group(1).trim();
            } else if ((m = WAITING_ON.matcher(line)).find()) {
                // Object.wait(): the dump lists the monitor as locked next, but the thread released it
                own.released = m.group(1);
            } else if ((m = FRAME.matcher(line)).matches()) {
                if (topFrame == null) {
                    topFrame = m.group(1);
                    own.inNativeMethod = line.contains("Native Method)"); // "(Native Method)", or "(java.base@17/Native Method)"
                }
                int dot = m.group(1).lastIndexOf('.');
                if (dot > 0) frames.add(Frame.java(m.group(1).substring(0, dot), m.group(1).substring(dot + 1)));
            } else if ((m = WAITING.matcher(line)).find()) {
                // Condition.await() parks for a signal, not a lock: an idle pool worker is no waiter
                if (m.group(2).endsWith("$ConditionObject")) continue;
                classes.put(m.group(1), m.group(2));
                waiters.computeIfAbsent(m.group(1), a -> new ArrayList<>()).add(thread);
                own.waitingFor = m.group(1);
            } else if ((m = LOCKED.matcher(line)).find() || (inOwnable && (m = OWNABLE.matcher(line)).find())) {
                classes.put(m.group(1), m.group(2));
                if (m.group(1).equals(own.released)) continue;
                holders.putIfAbsent(m.group(1), new Holder(thread, topFrame == null ? "" : topFrame));
                own.holding.add(m.group(1));
                // "- locked" follows the frame that took the monitor
                if (!inOwnable && !frames.isEmpty()) own.monitors.add(new Monitor(m.group(2), frames.get(frames.size() - 1).qualifiedName()));
            }
        }
        addThread(threads, thread, header, frames, own);
        Map<String, LockObject> locks = new HashMap<>();
        classes.forEach((addr, cls) -> locks.put(addr, new LockObject(addr, cls, holders.get(addr),
                List.copyOf(waiters.getOrDefault(addr, List.of())))));
        return new ThreadDump(locks, threads);
    }

    /** What one thread's lines say about its locks, gathered while its stack is read. */
    private static final class ThreadLocks {
        String javaState = "";
        String waitingFor;
        String released;
        boolean inNativeMethod;
        final List<String> holding = new ArrayList<>();
        final List<Monitor> monitors = new ArrayList<>();
    }

    private static void addThread(Map<Long, Thread> threads, String name, String header, List<Frame> frames, ThreadLocks own) {
        if (name == null) return;
        Matcher nid = NID.matcher(header);
        if (!nid.find()) return;
        try {
            String id = nid.group(1);
            long tid = id.startsWith("0x") ? Long.parseLong(id.substring(2), 16) : Long.parseLong(id);
            threads.put(tid, new Thread(tid, name, nanos(CPU.matcher(header), 1e6), nanos(ELAPSED.matcher(header), 1e9),
                    new Stack(frames), own.javaState, own.waitingFor, List.copyOf(own.holding), own.inNativeMethod,
                    List.copyOf(own.monitors)));
        } catch (NumberFormatException e) {
            // a header this parser does not understand: that thread keeps its sampled CPU
        }
    }

    private static long nanos(Matcher m, double unit) {
        return m.find() ? Math.round(Double.parseDouble(m.group(1)) * unit) : -1;
    }

    /** Every lock the dump names, by address. */
    Map<String, LockObject> locks() {
        return locks;
    }

    /** The contended lock of this class with the most waiters (the one worth naming), or null. */
    LockObject mostContended(String lockClass) {
        LockObject best = null;
        for (LockObject l : locks.values()) {
            if (!l.lockClass().equals(lockClass) || l.waiters().isEmpty()) continue;
            if (best == null || l.waiters().size() > best.waiters().size()) best = l;
        }
        return best;
    }
}

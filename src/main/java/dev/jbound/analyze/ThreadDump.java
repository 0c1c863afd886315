package dev.jbound.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lock facts of a HotSpot thread dump ({@code jcmd PID Thread.print -l}): which thread holds
 * which monitor or ownable synchronizer, who waits for it, and what the holder was running.
 */
final class ThreadDump {

    record Holder(String thread, String topFrame) {
    }

    /** A lock object seen in the dump, by its address. */
    record LockObject(String address, String lockClass, Holder holder, List<String> waiters) {
    }

    private static final Pattern THREAD_HEADER = Pattern.compile("^\"(.*)\" #\\d+.*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (\\S+)\\(.*$");
    private static final Pattern LOCKED = Pattern.compile("^\\s+- (?:locked|eliminated) <(0x[0-9a-f]+)> \\(a (\\S+)\\)");
    private static final Pattern WAITING = Pattern.compile("^\\s+- (?:waiting to lock|parking to wait for)\\s+<(0x[0-9a-f]+)> \\(a (\\S+)\\)");
    private static final Pattern OWNABLE = Pattern.compile("^\\s+- <(0x[0-9a-f]+)> \\(a (\\S+)\\)");

    private final Map<String, LockObject> locks;

    private ThreadDump(Map<String, LockObject> locks) {
        this.locks = locks;
    }

    static ThreadDump parse(String text) {
        Map<String, String> classes = new HashMap<>();
        Map<String, Holder> holders = new HashMap<>();
        Map<String, List<String>> waiters = new HashMap<>();
        String thread = null;
        String topFrame = null;
        boolean inOwnable = false;
        for (String line : text == null ? new String[0] : text.split("\n")) {
            Matcher m;
            if ((m = THREAD_HEADER.matcher(line)).matches()) {
                thread = m.group(1);
                topFrame = null;
                inOwnable = false;
            } else if (thread == null) {
                continue;
            } else if (line.contains("Locked ownable synchronizers:")) {
                inOwnable = true;
            } else if ((m = FRAME.matcher(line)).matches()) {
                if (topFrame == null) topFrame = m.group(1);
            } else if ((m = WAITING.matcher(line)).find()) {
                classes.put(m.group(1), m.group(2));
                waiters.computeIfAbsent(m.group(1), a -> new ArrayList<>()).add(thread);
            } else if ((m = LOCKED.matcher(line)).find() || (inOwnable && (m = OWNABLE.matcher(line)).find())) {
                classes.put(m.group(1), m.group(2));
                // A thread waiting in Object.wait() shows the monitor as locked but has released it.
                holders.putIfAbsent(m.group(1), new Holder(thread, topFrame == null ? "" : topFrame));
            }
        }
        Map<String, LockObject> locks = new HashMap<>();
        classes.forEach((addr, cls) -> locks.put(addr, new LockObject(addr, cls, holders.get(addr),
                List.copyOf(waiters.getOrDefault(addr, List.of())))));
        return new ThreadDump(locks);
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

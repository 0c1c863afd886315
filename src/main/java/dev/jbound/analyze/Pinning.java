package dev.jbound.analyze;

import dev.jbound.model.Stack;
import dev.jbound.model.ThreadKind;
import dev.jbound.model.ThreadState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Would these threads pin their carriers as virtual threads? Checked on the thread dump taken after
 * the window, before advice says "use virtual threads": a virtual thread that blocks inside a
 * synchronized block or method cannot unmount on JDK 21-23 (JEP 491 lifts that in 24), and one that
 * blocks in a native method of a library (JNI) cannot on any release. Pinned, a virtual thread holds
 * its carrier like a platform thread does, and the pool of carriers (as many as the cores) caps the
 * concurrency the advice counts on.
 *
 * @param waiting          the application's threads in the dump waiting on I/O
 * @param inMonitor        of them, those holding a monitor
 * @param inNative         of them, those blocked in a library's native method
 * @param monitor          the monitor held most often ("java.lang.Object in Store.save"), or null
 */
record Pinning(int waiting, int inMonitor, int inNative, String monitor) {

    /** The JDK release from which blocking in a monitor no longer pins (JEP 491). */
    static final int MONITORS_UNPIN = 24;

    /** From this release java.io's readers, writers and buffered streams lock with their own locks, not monitors. */
    static final int JAVA_IO_UNPINNED = 21;

    /**
     * The evidence in {@code dump} for the threads {@code named}, on a JVM of release {@code feature};
     * null without a dump (nothing checked).
     */
    static Pinning of(ThreadDump dump, Function<Stack, ThreadState> state, Predicate<String> named, int feature) {
        if (dump == null) return null;
        int waiting = 0;
        int inMonitor = 0;
        int inNative = 0;
        Map<String, Integer> monitors = new LinkedHashMap<>();
        for (ThreadDump.Thread t : dump.threads().values()) {
            if (ThreadKinds.of(t.name()) != ThreadKind.APP || t.stack().isEmpty() || !named.test(t.name())) continue;
            if (state.apply(t.stack()) != ThreadState.IO) continue;
            waiting++;
            // A BufferedReader on JDK 17 holds its reader's monitor through every readLine; from 21 it
            // takes a lock of its own instead, so on the JDK virtual threads need that monitor is gone.
            List<ThreadDump.Monitor> held = t.monitors().stream()
                    .filter(m -> feature >= JAVA_IO_UNPINNED || !(m.frame().startsWith("java.io.") || m.frame().startsWith("sun.nio.cs.")))
                    .toList();
            if (!held.isEmpty()) {
                inMonitor++;
                // the outermost is the one a fix has to move: everything inside it runs pinned
                ThreadDump.Monitor m = held.get(held.size() - 1);
                monitors.merge(m.lockClass() + " in " + m.frame(), 1, Integer::sum);
            }
            if (t.inNativeMethod() && CodeOrigin.libraryNative(t.stack())) inNative++;
        }
        String most = monitors.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new Pinning(waiting, inMonitor, inNative, most);
    }

    /** Whether, on JDK {@code feature} (0 or less: unknown, taken as before 24), these waits would pin. */
    boolean pins(int feature) {
        return inNative > 0 || inMonitor > 0 && (feature <= 0 || feature < MONITORS_UNPIN);
    }

    /** What the advice says of it, before it names virtual threads for JDK {@code feature}. */
    String advice(int feature) {
        if (waiting == 0) {
            return "no thread was waiting on I/O in the thread dump after the window, so jbound could not check whether virtual"
                    + " threads would pin their carriers: look for synchronized blocks and native calls around the blocking calls";
        }
        StringBuilder sb = new StringBuilder();
        if (inMonitor > 0) {
            sb.append(String.format(java.util.Locale.US, "%d of the %d threads waiting on I/O in the thread dump hold a monitor (%s)",
                    inMonitor, waiting, monitor));
            sb.append(feature >= MONITORS_UNPIN
                    ? ": on JDK " + feature + " a virtual thread unmounts there (JEP 491)"
                    : ": on JDK 21-23 a virtual thread blocking there pins its carrier, so no more run at once than there are"
                    + " carriers (cores); replace that synchronized with a ReentrantLock, or run on JDK 24+ (JEP 491)");
        }
        if (inNative > 0) {
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(String.format(java.util.Locale.US, "%d of the %d threads waiting on I/O block in a library's native method,"
                    + " where a virtual thread pins its carrier on every JDK: keep those calls on a bounded platform pool", inNative, waiting));
        }
        if (sb.isEmpty()) {
            sb.append(String.format(java.util.Locale.US, "no thread of the %d waiting on I/O in the thread dump holds a monitor or"
                    + " blocks in native code: as virtual threads they would not pin their carriers there", waiting));
        }
        return sb.toString();
    }
}

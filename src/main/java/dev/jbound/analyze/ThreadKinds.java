package dev.jbound.analyze;

import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadKind;

import java.util.List;

/**
 * Tells application threads from the JVM's own, by name: HotSpot names its threads consistently
 * across releases (and /proc truncates them to 15 characters, hence the short prefixes).
 */
public final class ThreadKinds {

    private record Prefix(String prefix, ThreadKind kind) {
    }

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("GC Thread#", ThreadKind.GC),
            new Prefix("G1 ", ThreadKind.GC),
            new Prefix("GC Thread", ThreadKind.GC),
            new Prefix("ParGC Thread", ThreadKind.GC),
            new Prefix("Parallel GC", ThreadKind.GC),
            new Prefix("ZWorker", ThreadKind.GC),
            new Prefix("ZDriver", ThreadKind.GC),
            new Prefix("ZDirector", ThreadKind.GC),
            new Prefix("ZStat", ThreadKind.GC),
            new Prefix("ZUnmapper", ThreadKind.GC),
            new Prefix("XWorker", ThreadKind.GC),
            new Prefix("Shenandoah", ThreadKind.GC),
            new Prefix("Shenand", ThreadKind.GC),
            new Prefix("Conc#", ThreadKind.GC),
            new Prefix("C1 CompilerThre", ThreadKind.JIT),
            new Prefix("C2 CompilerThre", ThreadKind.JIT),
            new Prefix("JVMCI CompilerT", ThreadKind.JIT),
            new Prefix("Sweeper thread", ThreadKind.JIT),
            new Prefix("Async-profiler", ThreadKind.PROFILER),
            new Prefix("VM Thread", ThreadKind.JVM),
            new Prefix("VM Periodic Tas", ThreadKind.JVM),
            new Prefix("Service Thread", ThreadKind.JVM),
            new Prefix("Monitor Deflati", ThreadKind.JVM),
            new Prefix("Signal Dispatche", ThreadKind.JVM),
            new Prefix("Attach Listener", ThreadKind.JVM),
            new Prefix("Reference Handle", ThreadKind.JVM),
            new Prefix("Finalizer", ThreadKind.JVM),
            new Prefix("Common-Cleaner", ThreadKind.JVM),
            new Prefix("Notification Thr", ThreadKind.JVM),
            new Prefix("JFR ", ThreadKind.PROFILER),
            new Prefix("JFR Recorder", ThreadKind.PROFILER),
            new Prefix("JFR Periodic", ThreadKind.PROFILER),
            new Prefix("StrDedup", ThreadKind.GC),
            new Prefix("DestroyJavaVM", ThreadKind.JVM),
            // the JDK's own thread that waits for every child process to exit, whether or not anyone waits on it
            new Prefix("process reaper", ThreadKind.JVM));

    private ThreadKinds() {
    }

    /**
     * The JDK's pollers for virtual threads' sockets (21: Read-/Write-Poller, 22+: MasterPoller too):
     * blocked in epoll_wait on the behalf of the virtual threads parked on sockets, so their wait
     * stands for those threads', which a recorder that samples only mounted threads may not see.
     */
    static boolean isVirtualThreadPoller(String name) {
        return name.startsWith("MasterPoller") || name.startsWith("Read-Poller") || name.startsWith("Write-Poller");
    }

    public static ThreadKind of(ThreadInfo t) {
        ThreadKind byName = of(t.name());
        // A thread without a java.lang.Thread and without a known name is one of the JVM's own.
        return byName == ThreadKind.APP && !t.isJavaThread() && t.name().startsWith("[tid=") ? ThreadKind.JVM : byName;
    }

    public static ThreadKind of(String name) {
        for (Prefix p : PREFIXES) {
            if (name.startsWith(p.prefix)) return p.kind;
        }
        // The launcher's primordial thread ("java") never runs application code once main starts.
        return name.equals("java") ? ThreadKind.JVM : ThreadKind.APP;
    }
}

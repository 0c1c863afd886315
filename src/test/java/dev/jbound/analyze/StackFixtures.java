package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds stacks the way async-profiler prints them, innermost first: "n:" native, "k:" kernel, else Java. */
final class StackFixtures {
    private StackFixtures() {
    }

    /** A wall sample's top over a parked thread (glibc 2.36, JDK 17): futex, condvar, Parker, Unsafe.park. */
    static final String[] PARKED = {
            "k:futex_wait_queue", "k:futex_wait", "k:do_futex", "k:__x64_sys_futex", "k:do_syscall_64",
            "n:__futex_abstimed_wait_common", "n:___pthread_cond_wait", "n:Parker::park(bool, long)",
            "n:Unsafe_Park", "jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.park"};

    /** The bottom of a pool worker thread. */
    static final String[] POOL_WORKER = {
            "java.util.concurrent.ThreadPoolExecutor.runWorker",
            "java.util.concurrent.ThreadPoolExecutor$Worker.run", "java.lang.Thread.run"};

    static Stack stack(String... frames) {
        List<Frame> out = new ArrayList<>();
        for (String f : frames) out.add(frame(f));
        return new Stack(out);
    }

    static String[] join(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] p : parts) all.addAll(Arrays.asList(p));
        return all.toArray(String[]::new);
    }

    static String[] frames(String... frames) {
        return frames;
    }

    static Frame frame(String spec) {
        if (spec.startsWith("n:")) return Frame.nativeFrame("lib.so", spec.substring(2));
        if (spec.startsWith("k:")) return Frame.kernel(spec.substring(2));
        int dot = spec.lastIndexOf('.');
        return Frame.java(spec.substring(0, dot), spec.substring(dot + 1));
    }
}

package dev.jbound.load;

import dev.jbound.load.jfr.LongMap;
import dev.jbound.model.CpuSample;
import dev.jbound.model.LockEvent;
import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;
import dev.jbound.model.WallSample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges identical samples and events (same thread, stack and state or lock) as a recording is
 * read: the analysis needs their totals, not their order, and a long recording then costs memory
 * by its distinct stacks, not by its length (a 100 MB file holds millions of samples).
 */
final class SampleTally {

    /**
     * A lock event's (thread, stack, lock class, kind). Stacks are interned by the reader, so they
     * compare by identity: hashing a stack's frames for every event would cost more than the rest
     * of the merge. Written out, not a record: a record's equals goes through method handles,
     * which C1 (bin/jbound's compiler) does not make cheap.
     */
    private static final class LockKey {
        final long tid;
        final Stack stack;
        final String lockClass;
        final LockEvent.Kind kind;
        private final int hash;

        LockKey(long tid, Stack stack, String lockClass, LockEvent.Kind kind) {
            this.tid = tid;
            this.stack = stack;
            this.lockClass = lockClass;
            this.kind = kind;
            this.hash = ((Long.hashCode(tid) * 31 + System.identityHashCode(stack)) * 31 + Objects.hashCode(lockClass)) * 31 + kind.ordinal();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LockKey k && k.hash == hash && k.tid == tid && k.stack == stack && k.kind == kind
                    && Objects.equals(k.lockClass, lockClass);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    static final class Total {
        final long firstNanos;
        long weightNanos;
        int count;

        Total(long firstNanos) {
            this.firstNanos = firstNanos;
        }

        void add(long weight, int n) {
            weightNanos += weight;
            count += n;
        }
    }

    /**
     * Samples by (thread, state the recorder gave: 0 for none, else its ordinal + 1), then by stack:
     * millions of lookups, none of which allocates a key.
     */
    private final LongMap<IdentityHashMap<Stack, Total>> cpu = new LongMap<>();
    private final LongMap<IdentityHashMap<Stack, Total>> wall = new LongMap<>();
    private final Map<LockKey, Total> locks = new HashMap<>();

    void cpu(long time, long tid, Stack stack, long weight) {
        add(cpu, time, tid, 0, stack, weight, 1);
    }

    void wall(long time, long tid, Stack stack, long weight, ThreadState known, int count) {
        add(wall, time, tid, known == null ? 0 : known.ordinal() + 1, stack, weight, count);
    }

    private static void add(LongMap<IdentityHashMap<Stack, Total>> into, long time, long tid, int state, Stack stack, long weight, int count) {
        total(into, time, tid, state, stack).add(weight, count);
    }

    private static Total total(LongMap<IdentityHashMap<Stack, Total>> into, long time, long tid, int state, Stack stack) {
        IdentityHashMap<Stack, Total> byStack = into.get(tid, state);
        if (byStack == null) into.put(tid, state, byStack = new IdentityHashMap<>());
        Total t = byStack.get(stack);
        if (t == null) byStack.put(stack, t = new Total(time));
        return t;
    }

    /**
     * The running total of a thread's cpu samples (or unlabelled wall samples) at a stack, made at
     * {@code time} if new: a reader meeting the same sample again adds to it without looking it up.
     */
    Total total(boolean cpuSamples, long time, long tid, Stack stack) {
        return total(cpuSamples ? cpu : wall, time, tid, 0, stack);
    }

    /** Whether any cpu or wall sample (or timed wait) of thread {@code tid} was tallied. */
    boolean sampled(long tid) {
        if (cpu.get(tid, 0) != null) return true;
        for (int state = 0; state <= ThreadState.values().length; state++) {
            if (wall.get(tid, state) != null) return true;
        }
        return false;
    }

    void lock(LockEvent e) {
        LockKey key = new LockKey(e.osTid(), e.stack(), e.lockClass(), e.kind());
        Total t = locks.get(key);
        if (t == null) locks.put(key, t = new Total(e.timeNanos()));
        t.add(e.durationNanos(), e.count());
    }

    /** How many cpu samples each thread has. */
    Map<Long, Integer> cpuCountByThread() {
        Map<Long, Integer> out = new HashMap<>();
        cpu.forEach((tid, state, byStack) -> byStack.values().forEach(t -> out.merge(tid, t.count, Integer::sum)));
        return out;
    }

    List<CpuSample> cpuSamples() {
        List<CpuSample> out = new ArrayList<>();
        cpu.forEach((tid, state, byStack) -> byStack.forEach((stack, t) -> out.add(new CpuSample(t.firstNanos, tid, stack, t.weightNanos, t.count))));
        return out;
    }

    List<WallSample> wallSamples() {
        List<WallSample> out = new ArrayList<>();
        ThreadState[] states = ThreadState.values();
        wall.forEach((tid, state, byStack) -> byStack.forEach((stack, t) ->
                out.add(new WallSample(t.firstNanos, tid, stack, t.weightNanos, state == 0 ? null : states[(int) state - 1], t.count))));
        return out;
    }

    List<LockEvent> lockEvents() {
        List<LockEvent> out = new ArrayList<>(locks.size());
        locks.forEach((k, t) -> out.add(new LockEvent(t.firstNanos, k.tid, k.stack, k.lockClass, t.weightNanos, k.kind, t.count)));
        return out;
    }
}

package dev.jbound.load.jfr;

import java.util.function.LongFunction;

/**
 * A map from one or two long keys to values, by open addressing: the reader looks up constant-pool
 * keys, threads and timeline cells once per event (millions in a big file), and a HashMap of boxed
 * Longs or key records allocates on each lookup. Values are never null. Not thread-safe.
 */
public final class LongMap<V> {
    private static final int FIRST_CAPACITY = 16;

    private long[] first;
    /** The keys' second halves; null while every key put has a second half of 0 (a map of one key). */
    private long[] second;
    private Object[] values;
    private int size;

    public LongMap() {
        allocate(FIRST_CAPACITY);
    }

    /** A map with room for {@code expected} entries before it grows (a constant pool's count, known ahead). */
    public LongMap(int expected) {
        allocate(Math.max(FIRST_CAPACITY, Integer.highestOneBit(Math.max(1, Math.min(expected, 1 << 24)) * 2 - 1) * 2));
    }

    private void allocate(int capacity) {
        first = new long[capacity];
        second = null; // most maps have one key: the constant pools, several per chunk
        values = new Object[capacity];
        size = 0;
    }

    private static int hash(long a, long b) {
        long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private int slot(long a, long b) {
        int mask = values.length - 1;
        int i = hash(a, b) & mask;
        long[] seconds = second;
        if (seconds == null) {
            // every key held has 0 for its second half: one with another cannot be here
            while (values[i] != null && (first[i] != a || b != 0)) i = (i + 1) & mask;
            return i;
        }
        while (values[i] != null && (first[i] != a || seconds[i] != b)) i = (i + 1) & mask;
        return i;
    }

    public V get(long key) {
        return get(key, 0);
    }

    @SuppressWarnings("unchecked")
    public V get(long a, long b) {
        return (V) values[slot(a, b)];
    }

    public void put(long key, V value) {
        put(key, 0, value);
    }

    public void put(long a, long b, V value) {
        int i = slot(a, b);
        if (values[i] == null) {
            if (++size * 2 > values.length) {
                grow();
                put(a, b, value);
                return;
            }
            first[i] = a;
            if (b != 0 && second == null) second = new long[values.length];
            if (second != null) second[i] = b;
        }
        values[i] = value;
    }

    public V computeIfAbsent(long key, LongFunction<V> make) {
        V v = get(key);
        if (v == null) {
            v = make.apply(key);
            put(key, v);
        }
        return v;
    }

    /** Empties the map, keeping its room: a map filled again for every chunk need not grow again. */
    public void clear() {
        java.util.Arrays.fill(values, null);
        second = null;
        size = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public interface Entry<V> {
        void accept(long a, long b, V value);
    }

    @SuppressWarnings("unchecked")
    public void forEach(Entry<V> each) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) each.accept(first[i], second == null ? 0 : second[i], (V) values[i]);
        }
    }

    private void grow() {
        long[] oldFirst = first;
        long[] oldSecond = second;
        Object[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) put(oldFirst[i], oldSecond == null ? 0 : oldSecond[i], cast(oldValues[i]));
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object o) {
        return (V) o;
    }
}

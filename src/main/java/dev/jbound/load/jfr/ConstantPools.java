package dev.jbound.load.jfr;

import java.util.Set;

/**
 * One chunk's constant pools. Checkpoint events are chained backwards from the header's offset by
 * relative deltas; each holds pools of (key, value) entries. Only the types a reader asks for are
 * kept; the others are decoded only to step over them.
 */
final class ConstantPools {

    /** Stands for a null value (a null string) in a pool, which holds no nulls. */
    private static final Object NULL = new Object();

    /** The most entries a pool's map has room for before they are read. */
    private static final int PRESIZED = 1 << 16;

    private final LongMap<LongMap<Object>> pools = new LongMap<>();

    /** The decoded value for {@code key} in the pool of {@code typeId}: Object[] for structs. */
    Object get(long typeId, long key) {
        LongMap<Object> pool = pools.get(typeId);
        Object v = pool == null ? null : pool.get(key);
        return v == NULL ? null : v;
    }

    int count(long typeId) {
        LongMap<Object> pool = pools.get(typeId);
        return pool == null ? 0 : pool.size();
    }

    /** Each key of the pool of {@code typeId}, in no order. */
    void keys(long typeId, java.util.function.LongConsumer each) {
        LongMap<Object> pool = pools.get(typeId);
        if (pool != null) pool.forEach((key, unused, value) -> each.accept(key));
    }

    static ConstantPools read(ByteCursor in, long firstOffset, Metadata metadata, Values values, Set<Long> keep) {
        ConstantPools cp = new ConstantPools();
        long offset = firstOffset;
        int guard = 0;
        while (true) {
            in.position(Math.toIntExact(offset));
            in.varint(); // size
            long typeId = in.varlong();
            if (typeId != 1) throw new IllegalStateException("no checkpoint at " + offset);
            in.varlong(); // start time
            in.varlong(); // duration
            long delta = in.varlong();
            in.u1(); // checkpoint kind (flush, chunk header, statics, thread)
            int poolCount = in.length();
            for (int i = 0; i < poolCount; i++) {
                long poolType = in.varlong();
                JfrType type = metadata.type(poolType);
                if (type == null) throw new IllegalStateException("constant pool of undeclared type " + poolType);
                int count = in.length();
                Values.Layout layout = values.layout(type);
                if (keep.contains(poolType)) {
                    LongMap<Object> pool = cp.pools.get(poolType);
                    // sized for its count, up to a bound: a corrupt count that the chunk's size allows must
                    // not claim hundreds of megabytes before a single entry is read
                    if (pool == null) cp.pools.put(poolType, pool = new LongMap<>(Math.min(count, PRESIZED)));
                    for (int j = 0; j < count; j++) {
                        long key = in.varlong();
                        Object value = values.constant(in, layout);
                        pool.put(key, value == null ? NULL : value);
                    }
                } else {
                    for (int j = 0; j < count; j++) {
                        in.varlong();
                        values.skipConstant(in, layout);
                    }
                }
            }
            if (delta == 0) return cp;
            offset += delta;
            if (offset <= 0 || ++guard > 1_000_000) throw new IllegalStateException("broken checkpoint chain");
        }
    }
}

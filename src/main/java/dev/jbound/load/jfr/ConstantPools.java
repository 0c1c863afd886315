package dev.jbound.load.jfr;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One chunk's constant pools. Checkpoint events are chained backwards from the header's offset by
 * relative deltas; each holds pools of (key, value) entries. Only the types a reader asks for are
 * kept; the others are decoded only to step over them.
 */
final class ConstantPools {

    private final Map<Long, Map<Long, Object>> pools = new HashMap<>();

    /** The decoded value for {@code key} in the pool of {@code typeId}: Object[] for structs. */
    Object get(long typeId, long key) {
        Map<Long, Object> pool = pools.get(typeId);
        return pool == null ? null : pool.get(key);
    }

    Map<Long, Object> pool(long typeId) {
        return pools.getOrDefault(typeId, Map.of());
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
                boolean kept = keep.contains(poolType);
                Map<Long, Object> pool = kept ? cp.pools.computeIfAbsent(poolType, k -> new HashMap<>(Math.min(count, Values.PREALLOCATED) * 2)) : null;
                for (int j = 0; j < count; j++) {
                    long key = in.varlong();
                    Object value = values.constant(in, type);
                    if (kept) pool.put(key, value);
                }
            }
            if (delta == 0) return cp;
            offset += delta;
            if (offset <= 0 || ++guard > 1_000_000) throw new IllegalStateException("broken checkpoint chain");
        }
    }
}

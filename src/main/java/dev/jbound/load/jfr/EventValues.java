package dev.jbound.load.jfr;

/**
 * One event's fields, decoded in place: numbers and constant-pool keys without boxing, the rest
 * as objects. A chunk reuses one instance per event type, so callers copy what they keep.
 */
public final class EventValues {

    // plain ints, not Values.Kind: a switch on an enum costs C1 (bin/jbound's compiler) a call per field
    private static final int LONG = 0;
    private static final int BYTE = 1;
    private static final int FLOAT = 2;
    private static final int DOUBLE = 3;
    private static final int OBJECT = 4;

    private final JfrType type;
    private final Values values;
    private final Values.Layout layout;
    private final long[] longs;
    private final Object[] objects;
    /** How each field is read: the numbers in place, the rest ({@link #OBJECT}) as objects. */
    private final int[] reads;
    /** Every field an integer: read in one call. */
    private final boolean allLongs;
    private final double nanosPerTick;
    private final long chunkStartNanos;
    private final long chunkStartTicks;

    EventValues(JfrType type, Values values, JfrChunk chunk) {
        this.type = type;
        this.values = values;
        this.layout = values.layout(type);
        int n = type.fields().size();
        this.longs = new long[n];
        this.objects = new Object[n];
        this.reads = new int[n];
        for (int i = 0; i < n; i++) {
            // refused here, before any of the chunk's events reaches a consumer, as the chunk's framing is
            if (!layout.arrays[i] && layout.kinds[i] == Values.Kind.UNDECLARED) {
                throw new IllegalStateException("field of undeclared type " + type.fields().get(i).typeId());
            }
            reads[i] = layout.arrays[i] ? OBJECT : switch (layout.kinds[i]) {
                case LONG -> LONG;
                case BYTE -> BYTE;
                case FLOAT -> FLOAT;
                case DOUBLE -> DOUBLE;
                default -> OBJECT;
            };
        }
        this.allLongs = layout.integers;
        this.nanosPerTick = chunk.nanosPerTick();
        this.chunkStartNanos = chunk.startNanos();
        this.chunkStartTicks = chunk.startTicks();
    }

    void read(ByteCursor in) {
        if (allLongs) {
            in.varlongs(longs, longs.length);
            return;
        }
        int[] r = reads;
        for (int i = 0; i < r.length; i++) {
            switch (r[i]) {
                case LONG -> longs[i] = in.varlong();
                case BYTE -> longs[i] = in.u1();
                case FLOAT -> longs[i] = Double.doubleToRawLongBits(in.f4());
                case DOUBLE -> longs[i] = Double.doubleToRawLongBits(in.f8());
                default -> objects[i] = values.read(in, layout, i);
            }
        }
    }

    public JfrType type() {
        return type;
    }

    /** A number or constant-pool key; 0 when the field is absent (index -1). */
    public long getLong(int index) {
        return index < 0 ? 0 : longs[index];
    }

    public double getDouble(int index) {
        return index < 0 ? 0 : Double.longBitsToDouble(longs[index]);
    }

    public Object get(int index) {
        return index < 0 ? null : objects[index];
    }

    /** A tick timestamp field as nanoseconds since the epoch. */
    public long epochNanos(int index) {
        return chunkStartNanos + (long) ((getLong(index) - chunkStartTicks) * nanosPerTick);
    }

    /** A tick duration field as nanoseconds. */
    public long nanos(int index) {
        return (long) (getLong(index) * nanosPerTick);
    }
}

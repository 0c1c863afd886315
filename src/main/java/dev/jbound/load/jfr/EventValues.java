package dev.jbound.load.jfr;

/**
 * One event's fields, decoded in place: numbers and constant-pool keys without boxing, the rest
 * as objects. A chunk reuses one instance per event type, so callers copy what they keep.
 */
public final class EventValues {

    private final JfrType type;
    private final Values values;
    private final long[] longs;
    private final Object[] objects;
    private final Values.Kind[] kinds;
    private final double nanosPerTick;
    private final long chunkStartNanos;
    private final long chunkStartTicks;

    EventValues(JfrType type, Values values, JfrChunk chunk) {
        this.type = type;
        this.values = values;
        int n = type.fields().size();
        this.longs = new long[n];
        this.objects = new Object[n];
        this.kinds = new Values.Kind[n];
        for (int i = 0; i < n; i++) {
            JfrType.Field f = type.fields().get(i);
            kinds[i] = f.array() ? Values.Kind.STRUCT : f.constantPool() ? Values.Kind.LONG : values.kind(f.typeId());
        }
        this.nanosPerTick = chunk.nanosPerTick();
        this.chunkStartNanos = chunk.startNanos();
        this.chunkStartTicks = chunk.startTicks();
    }

    void read(ByteCursor in) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case LONG -> longs[i] = in.varlong();
                case BYTE -> longs[i] = in.u1();
                case FLOAT -> longs[i] = Double.doubleToRawLongBits(in.f4());
                case DOUBLE -> longs[i] = Double.doubleToRawLongBits(in.f8());
                default -> objects[i] = values.read(in, type.fields().get(i));
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

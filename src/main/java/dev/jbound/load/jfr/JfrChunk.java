package dev.jbound.load.jfr;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained chunk of a recording: its header, type system, constant pools and events.
 * Header layout (big-endian): magic "FLR\0", major and minor version (u2 each), then chunk size,
 * constant-pool offset, metadata offset, start (epoch ns), duration (ns), start ticks and ticks per
 * second (i8 each), and a feature word whose bit 0 says integers are compressed.
 */
public final class JfrChunk {

    static final int HEADER_SIZE = 68;
    static final int MAGIC = 0x464c5200;
    private static final int FEATURE_COMPRESSED_INTS = 1;
    private static final long METADATA_EVENT = 0;
    private static final long CHECKPOINT_EVENT = 1;

    public interface EventConsumer {
        void accept(EventValues event);
    }

    private final ByteCursor in;
    private final long fileOffset;
    private final long startNanos;
    private final long durationNanos;
    private final long startTicks;
    private final double nanosPerTick;
    private final Metadata metadata;
    private final Values values;
    private final ConstantPools pools;
    /** The ids of the event types the reader asked to find on the framing walk, and where their events start. */
    private final long[] rareTypes;
    private final int[] rarePositions;

    private JfrChunk(ByteBuffer bytes, long fileOffset, Set<String> keptPools, Set<String> rareEvents, Metadata previous, byte[] window,
                     StringCache strings) {
        this.in = new ByteCursor(bytes, window);
        this.fileOffset = fileOffset;
        if ((in.intAt(64) & FEATURE_COMPRESSED_INTS) == 0) {
            throw new IllegalStateException("uncompressed integers are not supported");
        }
        long cpOffset = in.longAt(16);
        long metaOffset = in.longAt(24);
        this.startNanos = in.longAt(32);
        this.durationNanos = in.longAt(40);
        // everything after is measured from these: an end past the year 2262 is a broken header
        if (startNanos < 0 || durationNanos < 0 || startNanos + durationNanos < startNanos) {
            throw new IllegalStateException("invalid chunk start " + startNanos + " or duration " + durationNanos);
        }
        this.startTicks = in.longAt(48);
        long ticksPerSecond = in.longAt(56);
        if (ticksPerSecond <= 0) throw new IllegalStateException("invalid tick frequency " + ticksPerSecond);
        this.nanosPerTick = 1e9 / ticksPerSecond;
        in.position(Math.toIntExact(metaOffset));
        int metaSize = in.varint();
        if (metaSize <= 0 || metaOffset + metaSize > in.limit()) throw new IllegalStateException("invalid metadata size " + metaSize);
        if (in.varlong() != METADATA_EVENT) throw new IllegalStateException("no metadata at " + metaOffset);
        this.metadata = Metadata.read(in, (int) metaOffset + metaSize, previous);
        this.values = metadata.values();
        Set<Long> keep = new java.util.HashSet<>();
        for (String name : keptPools) {
            JfrType t = metadata.type(name);
            if (t != null) keep.add(t.id());
        }
        keep.add(typeId("java.lang.String"));
        in.strings(strings); // the pools' names, met in the chunks before
        try {
            this.pools = ConstantPools.read(in, cpOffset, metadata, values, keep);
        } finally {
            in.strings(null); // the cache is the reading thread's; the events are read on another
        }
        long stringType = typeId("java.lang.String");
        in.stringPool(key -> (String) pools.get(stringType, key));
        long[] rare = rareEvents.stream().map(metadata::type).filter(java.util.Objects::nonNull).mapToLong(JfrType::id).toArray();
        this.rareTypes = rare;
        this.rarePositions = checkFraming(rare);
    }

    /**
     * Walks the events' sizes from the header to the end once, so that a chunk whose framing is
     * broken is refused whole, before any of its events reach the analysis. On the way it notes
     * where the events of the {@code rare} types start, so that a walk over those alone (a
     * recording's settings) need not read every event's framing again.
     */
    private int[] checkFraming(long[] rare) {
        int pos = HEADER_SIZE;
        int end = in.limit();
        int[] found = new int[rare.length == 0 ? 0 : 16];
        int count = 0;
        long[] head = new long[2];
        while (pos < end) {
            in.eventHeader(pos, head);
            int size = eventSize(head, pos, end);
            if (rare.length > 0 && contains(rare, head[1])) {
                if (count == found.length) found = java.util.Arrays.copyOf(found, count * 2);
                found[count++] = pos;
            }
            pos += size;
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** The size in an event's header read at {@code pos}, refused unless the event lies whole before {@code end}. */
    private int eventSize(long[] head, int pos, int end) {
        int size = (int) head[0];
        if (size <= 0 || pos + size > end || size != head[0]) {
            throw new IllegalStateException("invalid event size " + head[0] + " at " + (fileOffset + pos));
        }
        return size;
    }

    private static boolean contains(long[] ids, long id) {
        for (long i : ids) {
            if (i == id) return true;
        }
        return false;
    }

    /**
     * Parses the chunk whose bytes are {@code bytes} (position 0 = its header).
     *
     * @param keptPools constant-pool types whose values the caller will look up
     * @param rareEvents event types the caller will walk on their own, whose events the framing walk notes
     * @param window    an array for the chunk's heap window, from a chunk that is done with (null: a new one)
     * @param strings   the strings of the chunks parsed before, by their bytes (one thread parses them all)
     */
    static JfrChunk parse(ByteBuffer bytes, long fileOffset, Set<String> keptPools, Set<String> rareEvents, Metadata previous, byte[] window,
                          StringCache strings) throws JfrFormatException {
        try {
            return new JfrChunk(bytes, fileOffset, keptPools, rareEvents, previous, window, strings);
        } catch (RuntimeException | StackOverflowError e) {
            // a type that contains itself, or an element tree nested past the stack: corrupt, like the rest
            throw corrupt(fileOffset, e);
        }
    }

    static JfrFormatException corrupt(long offset, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new JfrFormatException("corrupt JFR chunk at byte " + offset + " (" + why + ")", e);
    }

    private long typeId(String name) {
        JfrType t = metadata.type(name);
        return t == null ? -1 : t.id();
    }

    /** The array its heap window is in: a later chunk may take it over once this one is done with. */
    byte[] window() {
        return in.window();
    }

    /** A failure while its content was decoded outside this package (its constant pools' stacks), as the chunk's corruption. */
    public JfrFormatException corrupt(RuntimeException e) {
        return corrupt(fileOffset, e);
    }

    /** Its types, which the next chunk may share. */
    Metadata metadata() {
        return metadata;
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }

    long startTicks() {
        return startTicks;
    }

    double nanosPerTick() {
        return nanosPerTick;
    }

    /** The type named so in this chunk, or null: what a recording declares varies by producer and JDK. */
    public JfrType type(String name) {
        return metadata.type(name);
    }

    /** A constant-pool value: Object[] for a struct, or the plain value of a simple type; null if absent. */
    public Object constant(String typeName, long key) {
        return constant(metadata.type(typeName), key);
    }

    /** The same, for a type looked up once (null: the chunk does not declare it). */
    public Object constant(JfrType type, long key) {
        return type == null ? null : pools.get(type.id(), key);
    }

    /** How many entries the constant pool of {@code type} holds (0 for none, or for a type not kept). */
    public int constantCount(JfrType type) {
        return type == null ? 0 : pools.count(type.id());
    }

    /** Each key in the constant pool of {@code type} (null: none), in no order. */
    public void constantKeys(JfrType type, java.util.function.LongConsumer each) {
        if (type != null) pools.keys(type.id(), each);
    }

    /** Calls {@code consumer} for each event whose type is named in {@code consumers}, in file order. */
    public void events(Map<String, EventConsumer> consumers) throws JfrFormatException {
        LongMap<Reader> byId = new LongMap<>();
        try {
            consumers.forEach((name, c) -> {
                JfrType t = metadata.type(name);
                if (t != null) byId.put(t.id(), new Reader(new EventValues(t, values, this), c));
            });
        } catch (RuntimeException e) {
            throw corrupt(fileOffset, e);
        }
        // events of one type mostly follow each other (a profiler's samples): the last type's reader is kept at hand
        long lastType = -1;
        Reader last = null;
        int[] only = onlyRare(byId) ? rarePositions : null; // then just the events the framing walk noted
        long[] head = new long[2];
        int next = 0;
        int pos = HEADER_SIZE;
        int end = in.limit();
        while (only != null ? next < only.length : pos < end) {
            if (only != null) pos = only[next++];
            Reader reader;
            int size;
            try {
                in.eventHeader(pos, head);
                size = eventSize(head, pos, end);
                long type = head[1];
                if (type == lastType) {
                    reader = last;
                } else {
                    reader = type > CHECKPOINT_EVENT ? byId.get(type) : null;
                    lastType = type;
                    last = reader;
                }
                if (reader != null) {
                    reader.event.read(in);
                    // fields that ran past the event's size read its neighbours: the framing or the metadata lies
                    if (in.position() > pos + size) throw new IllegalStateException("fields run past the event's size " + size);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw corrupt(fileOffset + pos, e);
            }
            // outside the try: a consumer's own failure is a bug to report, not a corrupt file
            if (reader != null) reader.consumer.accept(reader.event);
            pos += size;
        }
    }

    /** Whether every type read is one whose events the framing walk noted. */
    private boolean onlyRare(LongMap<Reader> byId) {
        boolean[] all = {true};
        byId.forEach((id, unused, reader) -> all[0] &= contains(rareTypes, id));
        return all[0];
    }

    /** An event type's decoder and the consumer of its events. */
    private record Reader(EventValues event, EventConsumer consumer) {
    }
}

package dev.jbound.load.jfr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.jbound.load.jfr.ChunkWriter.concat;
import static dev.jbound.load.jfr.ChunkWriter.varlong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A chunk's structures, each built on purpose (ChunkWriter): the header, the metadata's types and
 * fields, the constant pools (strings, a struct), events with every kind of field, and the ways
 * each breaks, which must end in one JfrFormatException naming where, never another exception.
 */
class JfrChunkTest {

    private static final long LONG = 4;
    private static final long INT = 5;
    private static final long STRING = 20;
    private static final long THREAD = 21;
    private static final long SAMPLE = 101;

    @TempDir
    Path dir;

    /** A chunk declaring primitives, a string, a thread struct in a pool, and one event type. */
    private static ChunkWriter writer() {
        return constants(types(new ChunkWriter()));
    }

    /** The primitives, the string, the thread struct and the event type. */
    private static ChunkWriter types(ChunkWriter w) {
        return w.type(LONG, "long").type(INT, "int").type(STRING, "java.lang.String")
                .type(THREAD, "java.lang.Thread", new JfrType.Field("osName", STRING, false, false),
                        new JfrType.Field("osThreadId", LONG, false, false))
                .type(SAMPLE, "test.Sample", new JfrType.Field("startTime", LONG, false, false),
                        new JfrType.Field("thread", THREAD, true, false),
                        new JfrType.Field("name", STRING, false, false),
                        new JfrType.Field("depths", INT, false, true));
    }

    /** A pooled string and thread 9. */
    private static ChunkWriter constants(ChunkWriter w) {
        return w.constant(STRING, 1, ChunkWriter.utf8("pooled name"))
                .constant(THREAD, 9, concat(ChunkWriter.utf8("worker-1"), varlong(4242)));
    }

    private static byte[] sample(long ticks, long thread, byte[] name, long... depths) {
        byte[] d = varlong(depths.length);
        for (long x : depths) d = concat(d, varlong(x));
        return concat(varlong(ticks), varlong(thread), name, d);
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("t.jfr");
        Files.write(p, bytes);
        return p;
    }

    private record Seen(long nanos, String thread, long tid, String name, List<?> depths) {
    }

    private List<Seen> read(byte[] bytes) throws IOException {
        List<Seen> seen = new ArrayList<>();
        JfrFile.read(write(bytes), Set.of("java.lang.Thread"), chunk -> {
            JfrType t = chunk.type("test.Sample");
            int start = t.indexOf("startTime");
            int thread = t.indexOf("thread");
            int name = t.indexOf("name");
            int depths = t.indexOf("depths");
            chunk.events(Map.of("test.Sample", e -> {
                Object[] th = (Object[]) chunk.constant("java.lang.Thread", e.getLong(thread));
                seen.add(new Seen(e.epochNanos(start), (String) th[0], (Long) th[1], (String) e.get(name), (List<?>) e.get(depths)));
            }));
        });
        return seen;
    }

    @Test
    void eventsAreDecodedByTheirMetadataWithConstantPoolsResolved() throws IOException {
        byte[] chunk = writer()
                .event(SAMPLE, sample(1000, 9, ChunkWriter.utf8("inline"), 3, 4))
                .event(SAMPLE, sample(1_000_500, 9, concat(new byte[]{2}, varlong(1)), 7))
                .bytes();
        List<Seen> seen = read(chunk);
        // ticks at 1 GHz from the chunk's start tick (1000): the first at the chunk's start, the second 1 ms on
        assertThat(seen).containsExactly(
                new Seen(1_700_000_000_000_000_000L, "worker-1", 4242, "inline", List.of(3L, 4L)),
                new Seen(1_700_000_000_000_999_500L, "worker-1", 4242, "pooled name", List.of(7L)));
    }

    @Test
    void aChunkDeclaringTheSameTypesSharesTheFirstsAndOneDeclaringOthersHasItsOwn() throws IOException {
        byte[] first = writer().event(SAMPLE, sample(1000, 9, ChunkWriter.utf8("a"))).bytes();
        byte[] same = writer().event(SAMPLE, sample(2000, 9, ChunkWriter.utf8("b"))).bytes();
        // the next chunk moves the sample's name before its thread: the same type names, other fields
        byte[] other = new ChunkWriter()
                .type(LONG, "long").type(INT, "int").type(STRING, "java.lang.String")
                .type(THREAD, "java.lang.Thread", new JfrType.Field("osName", STRING, false, false),
                        new JfrType.Field("osThreadId", LONG, false, false))
                .type(SAMPLE, "test.Sample", new JfrType.Field("startTime", LONG, false, false),
                        new JfrType.Field("name", STRING, false, false),
                        new JfrType.Field("thread", THREAD, true, false),
                        new JfrType.Field("depths", INT, false, true))
                .constant(THREAD, 9, concat(ChunkWriter.utf8("worker-2"), varlong(4343)))
                .event(SAMPLE, concat(varlong(3000), ChunkWriter.utf8("c"), varlong(9), varlong(0)))
                .bytes();
        List<JfrType> sampleTypes = new ArrayList<>();
        JfrFile.read(write(concat(first, same, other)), Set.of(), chunk -> sampleTypes.add(chunk.type("test.Sample")));
        assertThat(sampleTypes).hasSize(3);
        assertThat(sampleTypes.get(1)).as("identical declarations are not parsed again").isSameAs(sampleTypes.get(0));
        assertThat(sampleTypes.get(2)).isNotSameAs(sampleTypes.get(0));
        assertThat(read(concat(first, same, other))).extracting(Seen::name, Seen::thread)
                .containsExactly(tuple("a", "worker-1"), tuple("b", "worker-1"), tuple("c", "worker-2"));
    }

    @Test
    void eventTypesTheReaderDoesNotKnowAreSteppedOver() throws IOException {
        byte[] chunk = writer().type(102, "test.Other", new JfrType.Field("x", LONG, false, false))
                .event(102, varlong(77))
                .event(SAMPLE, sample(1000, 9, new byte[]{1}))
                .bytes();
        assertThat(read(chunk)).extracting(Seen::name).containsExactly("");
    }

    @Test
    void aBrokenHeaderEndsInOneErrorThatSaysWhat() throws IOException {
        byte[] good = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(JfrFormatException.class).hasMessage("not a JFR file: it is empty");
        assertThatThrownBy(() -> read(new byte[10])).hasMessage("not a JFR file: too short (10 bytes)");
        byte[] noMagic = good.clone();
        noMagic[0] = 'X';
        assertThatThrownBy(() -> read(noMagic)).hasMessage("not a JFR file (no FLR header)");
        ChunkWriter old = writer();
        old.major = 1;
        assertThatThrownBy(() -> read(old.bytes())).hasMessageStartingWith("unsupported JFR format 1.1");
        ChunkWriter uncompressed = writer();
        uncompressed.features = 0;
        assertThatThrownBy(() -> read(uncompressed.bytes())).isInstanceOf(JfrFormatException.class)
                .hasMessage("corrupt JFR chunk at byte 0 (uncompressed integers are not supported)");
        ChunkWriter noTicks = writer();
        noTicks.ticksPerSecond = 0;
        assertThatThrownBy(() -> read(noTicks.bytes())).hasMessage("corrupt JFR chunk at byte 0 (invalid tick frequency 0)");
        // a chunk longer than the file: a copy of a recording still being written
        assertThatThrownBy(() -> read(java.util.Arrays.copyOf(good, good.length - 1)))
                .hasMessage("the recording is cut short: the chunk at byte 0 is incomplete and it is the first, so nothing in it can be read");
    }

    @Test
    void aSecondChunkCutShortLeavesTheFirstReadAndSaysSo() throws IOException {
        byte[] one = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        byte[] two = concat(one, java.util.Arrays.copyOf(one, 40));
        List<Integer> chunks = new ArrayList<>();
        JfrFile.Outcome o = JfrFile.read(write(two), Set.of(), chunk -> chunks.add(1));
        assertThat(chunks).hasSize(1);
        assertThat(o).isEqualTo(new JfrFile.Outcome(1, true, "the recording is cut short: 40 bytes after the last whole chunk"));
    }

    @Test
    void brokenFramingMetadataOrPoolsAreRefusedWholeWithTheOffset() throws IOException {
        // an event whose size runs past the chunk's end
        byte[] overrun = writer().rawEvent(concat(ChunkWriter.padded(1_000_000), varlong(SAMPLE))).bytes();
        assertThatThrownBy(() -> read(overrun)).isInstanceOf(JfrFormatException.class)
                .hasMessage("corrupt JFR chunk at byte 0 (invalid event size 1000000 at 68)");
        // the header's metadata offset pointing at an event that is not the metadata
        byte[] wrongMeta = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        ByteBuffer.wrap(wrongMeta).putLong(24, 68);
        assertThatThrownBy(() -> read(wrongMeta)).hasMessage("corrupt JFR chunk at byte 0 (no metadata at 68)");
        // the constant-pool offset pointing at an event that is no checkpoint
        byte[] wrongPool = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        ByteBuffer.wrap(wrongPool).putLong(16, 68);
        assertThatThrownBy(() -> read(wrongPool)).hasMessage("corrupt JFR chunk at byte 0 (no checkpoint at 68)");
        // a field of a type the metadata never declared
        byte[] undeclared = new ChunkWriter().type(LONG, "long").type(SAMPLE, "test.Sample", new JfrType.Field("x", 77, false, false))
                .event(SAMPLE, varlong(1)).bytes();
        assertThatThrownBy(() -> JfrFile.read(write(undeclared), Set.of(), c -> c.events(Map.of("test.Sample", e -> { }))))
                .isInstanceOf(JfrFormatException.class).hasMessageContaining("field of undeclared type 77");
    }

    @Test
    void anEventCutShortInsideItsFieldsIsRefusedAtItsOffset() throws IOException {
        // framed as 6 bytes, but its array claims 100 elements
        byte[] body = concat(varlong(SAMPLE), varlong(1000), varlong(9), new byte[]{1}, varlong(100));
        byte[] chunk = writer().rawEvent(ChunkWriter.framed(body)).bytes();
        assertThatThrownBy(() -> read(chunk)).isInstanceOf(JfrFormatException.class)
                .hasMessageStartingWith("corrupt JFR chunk at byte 68 (");
    }

    @Test
    void anArrayOfIntegerStructsIsRowsOfLongsAndOneWithOtherFieldsAListOfStructs() throws IOException {
        // a stack trace's shape: a flag, then frames of (method, line, type) integers; and a struct whose
        // elements also hold a string, which stays a list of Object[]
        long frame = 40;
        long trace = 41;
        long named = 42;
        long holder = 43;
        ChunkWriter w = types(new ChunkWriter())
                .type(frame, "test.Frame", new JfrType.Field("method", LONG, true, false), new JfrType.Field("line", INT, false, false),
                        new JfrType.Field("type", LONG, true, false))
                .type(trace, "test.Trace", new JfrType.Field("truncated", LONG, false, false), new JfrType.Field("frames", frame, false, true))
                .type(named, "test.Named", new JfrType.Field("n", LONG, false, false), new JfrType.Field("s", STRING, false, false))
                .type(holder, "test.Holder", new JfrType.Field("items", named, false, true))
                .constant(trace, 3, concat(varlong(0), varlong(3), varlong(1L << 40), varlong(12), varlong(1),
                        varlong(7), varlong(300), varlong(2), varlong(Long.MIN_VALUE), varlong(-1), varlong(0)))
                .constant(trace, 4, concat(varlong(1), varlong(0)))
                .constant(holder, 5, concat(varlong(1), varlong(9), ChunkWriter.utf8("s")));
        byte[] chunk = constants(w).event(SAMPLE, sample(1000, 9, ChunkWriter.utf8("x"), 1)).bytes();
        List<Object> values = new ArrayList<>();
        JfrFile.read(write(chunk), Set.of("test.Trace", "test.Holder"), c -> {
            values.add(((Object[]) c.constant("test.Trace", 3))[1]);
            values.add(((Object[]) c.constant("test.Trace", 4))[1]);
            values.add(((Object[]) c.constant("test.Holder", 5))[0]);
        });
        LongRows three = (LongRows) values.get(0);
        assertThat(three.rows()).isEqualTo(3);
        assertThat(new long[]{three.get(0, 0), three.get(0, 1), three.get(0, 2), three.get(1, 0), three.get(1, 1), three.get(1, 2),
                three.get(2, 0), three.get(2, 1), three.get(2, 2)})
                .containsExactly(1L << 40, 12, 1, 7, 300, 2, Long.MIN_VALUE, -1, 0);
        assertThat(three.get(1, -1)).as("a field the struct lacks").isZero();
        assertThatThrownBy(() -> three.get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(((LongRows) values.get(1)).rows()).isZero();
        assertThat(values.get(2)).isInstanceOf(List.class);
        Object[] item = (Object[]) ((List<?>) values.get(2)).get(0);
        assertThat(item).containsExactly(9L, "s");
    }

    @Test
    void aConstantOfNumbersOnlyIsALongArrayAndOneWithAStringFieldsAsObjects() throws IOException {
        // a method's shape: pool keys, an int and a boolean; every chunk declares hundreds, unboxed
        long bool = 44;
        long method = 45;
        ChunkWriter w = types(new ChunkWriter()).type(bool, "boolean")
                .type(method, "test.Method", new JfrType.Field("type", LONG, true, false), new JfrType.Field("name", LONG, true, false),
                        new JfrType.Field("modifiers", INT, false, false), new JfrType.Field("hidden", bool, false, false))
                .constant(method, 6, concat(varlong(1L << 33), varlong(300), varlong(9), new byte[]{1}))
                .constant(method, 7, concat(varlong(0), varlong(0), varlong(-1), new byte[]{(byte) 0xff}));
        byte[] chunk = constants(w).event(SAMPLE, sample(1000, 9, ChunkWriter.utf8("x"), 1)).bytes();
        List<Object> values = new ArrayList<>();
        JfrFile.read(write(chunk), Set.of("test.Method", "java.lang.Thread"), c -> {
            values.add(c.constant("test.Method", 6));
            values.add(c.constant("test.Method", 7));
            values.add(c.constant("java.lang.Thread", 9));
        });
        assertThat((long[]) values.get(0)).containsExactly(1L << 33, 300, 9, 1);
        assertThat((long[]) values.get(1)).as("a byte read as Java reads one: signed").containsExactly(0, 0, -1, -1);
        assertThat((Object[]) values.get(2)).containsExactly("worker-1", 4242L);
    }

    @Test
    void poolsNobodyAsksForAreSteppedOverWhateverTheirValuesEncoding() throws IOException {
        // an unkept pool of structs holding strings in every encoding, nested structs and arrays,
        // written before the kept thread pool: stepping over it must land on the thread's entry
        long holder = 30;
        long inner = 31;
        byte[] strings = concat(new byte[]{0}, new byte[]{1}, new byte[]{2}, varlong(1), ChunkWriter.utf8("é"),
                new byte[]{4}, varlong(2), varlong('o'), varlong('k'), new byte[]{5}, varlong(1), new byte[]{'z'});
        ChunkWriter w = types(new ChunkWriter())
                .type(inner, "test.Inner", new JfrType.Field("n", LONG, false, false), new JfrType.Field("s", STRING, false, true))
                .type(holder, "test.Holder", new JfrType.Field("inner", inner, false, true), new JfrType.Field("ref", THREAD, true, false))
                // pools are written in the order they are first given: the holder's before the string's and the thread's
                .constant(holder, 5, concat(varlong(2), varlong(7), varlong(6), strings, varlong(8), varlong(0), varlong(9)));
        byte[] chunk = constants(w).event(SAMPLE, sample(1000, 9, ChunkWriter.utf8("x"), 1)).bytes();
        assertThat(read(chunk)).extracting(Seen::thread, Seen::tid).containsExactly(tuple("worker-1", 4242L));
    }

    @Test
    void aConsumerThatFailsStopsTheReadingThreadAndItsExceptionReachesTheCaller() throws IOException {
        byte[] one = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        byte[] many = new byte[one.length * 50];
        for (int i = 0; i < 50; i++) System.arraycopy(one, 0, many, i * one.length, one.length);
        Path file = write(many);
        List<Integer> prepared = java.util.Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> JfrFile.read(file, Set.of(), Set.of(), chunk -> prepared.add(1), (chunk, p) -> {
            throw new IllegalStateException("a bug in the consumer");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a bug in the consumer");
        // the reading thread parsed at most a few chunks ahead and is gone, not blocked for good
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (readerAlive() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(readerAlive()).isFalse();
        assertThat(prepared.size()).isBetween(1, 4);
        // a whole walk of the same file: every chunk, in order, each prepared before it is consumed
        List<Integer> order = new ArrayList<>();
        int[] next = {0};
        JfrFile.Outcome o = JfrFile.read(file, Set.of(), Set.of(), chunk -> next[0]++, (chunk, p) -> order.add(p));
        assertThat(o).isEqualTo(new JfrFile.Outcome(50, false, null));
        assertThat(order).hasSize(50).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aChunkThatTurnsOutCorruptWhilePreparedEndsTheWalkThereLikeOneThatCannotBeParsed() throws IOException {
        byte[] one = writer().event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        Path file = write(concat(one, one, one));
        int[] n = {0};
        List<Integer> consumed = new ArrayList<>();
        JfrFile.Outcome o = JfrFile.read(file, Set.of(), Set.of(), chunk -> {
            if (++n[0] == 2) throw new JfrFormatException("corrupt JFR chunk at byte " + one.length + " (test)");
            return n[0];
        }, (chunk, p) -> consumed.add(p));
        assertThat(consumed).containsExactly(1);
        assertThat(o).isEqualTo(new JfrFile.Outcome(1, true, "corrupt JFR chunk at byte " + one.length + " (test)"));
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jbound-jfr-reader") && t.isAlive());
    }

    @Test
    void twoTypesUnderOneIdAreRefusedAsTheReadersWouldMixThemUp() throws IOException {
        byte[] chunk = writer().type(SAMPLE, "test.Other", new JfrType.Field("x", LONG, false, false))
                .event(SAMPLE, sample(1000, 9, new byte[]{1})).bytes();
        assertThatThrownBy(() -> read(chunk)).isInstanceOf(JfrFormatException.class)
                .hasMessage("corrupt JFR chunk at byte 0 (two types declared with id " + SAMPLE + ")");
    }
}

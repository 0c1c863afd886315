package dev.jbound.load.jfr;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static dev.jbound.load.jfr.ChunkWriter.concat;
import static dev.jbound.load.jfr.ChunkWriter.varlong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JFR's encodings: compressed integers and tagged strings, and what a corrupt one does. */
class ByteCursorTest {

    private static ByteCursor cursor(byte[] b) {
        return new ByteCursor(ByteBuffer.wrap(b));
    }

    @Test
    void compressedIntegersTakeSevenBitsAByteAndTheNinthByteWhole() {
        assertThat(cursor(new byte[]{5}).varlong()).isEqualTo(5);
        // 300 = 0b10_0101100: 0xac (low seven, more follows), then 0x02
        assertThat(cursor(new byte[]{(byte) 0xac, 0x02}).varlong()).isEqualTo(300);
        // a padded size, as the JDK writes event sizes
        assertThat(cursor(ChunkWriter.padded(68)).varint()).isEqualTo(68);
        // nine bytes: eight of seven bits and a ninth of eight make all 64
        byte[] all = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(cursor(all).varlong()).isEqualTo(-1L);
        for (long v : new long[]{0, 127, 128, 1L << 35, Long.MAX_VALUE, Long.MIN_VALUE, -2}) {
            assertThat(cursor(varlong(v)).varlong()).as("%d", v).isEqualTo(v);
        }
        // cut short in the middle of one: the buffer's own underflow, which the chunk reader turns into "corrupt"
        assertThatThrownBy(() -> cursor(new byte[]{(byte) 0x80}).varlong()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void severalIntegersInOneCallReadAsEachOneAlone() {
        long[] values = {0, 127, 128, 300, 1L << 35, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 1L << 56, 42};
        byte[][] parts = new byte[values.length][];
        for (int i = 0; i < values.length; i++) parts[i] = varlong(values[i]);
        byte[] bytes = concat(parts);
        // from every start, so that the window's end falls everywhere in them (the short tail reads one by one)
        for (int from = 0; from < values.length; from++) {
            ByteCursor in = cursor(bytes);
            int pos = 0;
            for (int i = 0; i < from; i++) pos += parts[i].length;
            in.position(pos);
            long[] into = new long[values.length - from];
            in.varlongs(into, into.length);
            assertThat(into).as("from %d", from).containsExactly(java.util.Arrays.copyOfRange(values, from, values.length));
            assertThat(in.position()).isEqualTo(bytes.length);
        }
        // with room for the loop: the same values ahead of padding
        ByteCursor padded = cursor(concat(bytes, new byte[100]));
        long[] into = new long[values.length];
        padded.varlongs(into, into.length);
        assertThat(into).containsExactly(values);
        assertThat(padded.position()).isEqualTo(bytes.length);
    }

    @Test
    void anEventsHeaderIsItsSizeAndTypeWhereverItSitsAndHoweverLong() {
        // one-byte size and type; a padded size (the JDK's) and a two-byte type; then one at the very end
        byte[] bytes = concat(new byte[]{3, 101, 7}, ChunkWriter.padded(6), varlong(300), new byte[]{0}, new byte[]{2, 119});
        ByteCursor in = cursor(bytes);
        long[] head = new long[2];
        in.eventHeader(0, head);
        assertThat(head).containsExactly(3, 101);
        assertThat(in.position()).isEqualTo(2);
        in.eventHeader(3, head);
        assertThat(head).containsExactly(6, 300);
        assertThat(in.position()).isEqualTo(3 + 4 + 2);
        in.eventHeader(bytes.length - 2, head); // too near the end for the fast read: byte by byte
        assertThat(head).containsExactly(2, 119);
        assertThat(in.position()).isEqualTo(bytes.length);
        // and back to the start, from wherever the cursor is
        in.eventHeader(0, head);
        assertThat(head).containsExactly(3, 101);
        assertThatThrownBy(() -> in.eventHeader(bytes.length - 1, head)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void stringsInEachEncoding() {
        ByteCursor in = cursor(concat(new byte[]{0}, new byte[]{1},
                new byte[]{2}, varlong(7),
                ChunkWriter.utf8("héllo"),
                new byte[]{4}, varlong(2), varlong('o'), varlong('k'),
                new byte[]{5}, varlong(3), "abc".getBytes(StandardCharsets.ISO_8859_1)));
        in.stringPool(key -> key == 7 ? "pooled" : null);
        assertThat(in.string()).isNull();
        assertThat(in.string()).isEmpty();
        assertThat(in.string()).isEqualTo("pooled");
        assertThat(in.string()).isEqualTo("héllo");
        assertThat(in.string()).isEqualTo("ok");
        assertThat(in.string()).isEqualTo("abc");
        assertThatThrownBy(() -> cursor(new byte[]{9}).string()).hasMessage("invalid string encoding 9");
    }

    @Test
    void aLengthLongerThanWhatIsLeftIsRefusedBeforeAnythingIsAllocated() {
        // a count of 2^31-1 in front of three bytes: refused, not an array of two billion
        ByteCursor in = cursor(concat(varlong(Integer.MAX_VALUE), new byte[]{1, 2, 3}));
        assertThatThrownBy(in::length).hasMessage("invalid length " + Integer.MAX_VALUE);
        assertThatThrownBy(() -> cursor(varlong(-5)).length()).hasMessage("invalid length -5");
        assertThatThrownBy(() -> cursor(concat(new byte[]{3}, varlong(1000), new byte[]{'x'})).string()).hasMessage("invalid length 1000");
    }

    @Test
    void valuesAcrossTheHeapWindowsEndReadTheSameAsInside() {
        // a chunk bigger than the window: each kind of value written so that it straddles the
        // window's end, read once in order and once after jumping back to a position outside the window
        int w = ByteCursor.WINDOW;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[w - 3]);
        int varlongAt = out.size();
        out.writeBytes(varlong(Long.MIN_VALUE)); // nine bytes: three before the end, six after
        out.writeBytes(new byte[w - 4]);
        int stringAt = out.size();
        out.writeBytes(ChunkWriter.utf8("straddling"));
        out.writeBytes(new byte[w - 15]);
        int doubleAt = out.size();
        out.writeBytes(ByteBuffer.allocate(8).putDouble(2.5).array());
        out.writeBytes(new byte[w]);
        int longStringAt = out.size();
        String big = "x".repeat(w + 10); // longer than the window itself
        out.writeBytes(ChunkWriter.utf8(big));
        out.writeBytes(varlong(300));
        ByteCursor in = cursor(out.toByteArray());
        for (int pass = 0; pass < 2; pass++) {
            in.position(varlongAt);
            assertThat(in.varlong()).isEqualTo(Long.MIN_VALUE);
            in.position(stringAt);
            assertThat(in.string()).isEqualTo("straddling");
            in.position(doubleAt);
            assertThat(in.f8()).isEqualTo(2.5);
            in.position(longStringAt);
            assertThat(in.string()).isEqualTo(big);
            assertThat(in.varlong()).isEqualTo(300);
            assertThat(in.position()).isEqualTo(in.limit());
            // stepping over the same values reaches the same places
            in.position(stringAt);
            in.skipString();
            assertThat(in.position()).isEqualTo(stringAt + ChunkWriter.utf8("straddling").length);
            in.position(longStringAt);
            in.skipString();
            assertThat(in.varlong()).isEqualTo(300);
        }
        // and past the chunk's end: the underflow the chunk reader turns into "corrupt"
        assertThatThrownBy(in::u1).isInstanceOf(java.nio.BufferUnderflowException.class);
    }

    @Test
    void aWindowFromADoneChunkIsTakenOverOnlyWhenItIsBigEnough() {
        byte[] old = new byte[64];
        java.util.Arrays.fill(old, (byte) 0x7f);
        ByteCursor reused = new ByteCursor(ByteBuffer.wrap(concat(varlong(300), new byte[]{5})), old);
        assertThat(reused.window()).isSameAs(old);
        assertThat(reused.varlong()).isEqualTo(300);
        assertThat(reused.u1()).isEqualTo((byte) 5);
        // the old chunk's bytes beyond this chunk's are never read
        assertThatThrownBy(reused::u1).isInstanceOf(java.nio.BufferUnderflowException.class);
        ByteCursor fresh = new ByteCursor(ByteBuffer.wrap(new byte[100]), old);
        assertThat(fresh.window()).isNotSameAs(old).hasSize(100);
    }
}

package dev.jbound.load.jfr;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads JFR's encodings from one chunk's bytes: LEB128-style compressed integers (seven bits a
 * byte, the ninth byte whole), big-endian floats, and strings tagged with their encoding.
 * Reads go through a window of the chunk copied onto the heap (all of a chunk of up to a
 * megabyte, the usual size): a compressed integer is then a few array reads, where a mapped
 * buffer's every byte goes through its bounds and liveness checks (the reader's hottest code).
 * Out-of-range reads surface as {@link IndexOutOfBoundsException} / BufferUnderflowException,
 * which the chunk reader turns into a {@link JfrFormatException} naming the offset.
 */
final class ByteCursor {

    /** The most of a chunk held on the heap at once. */
    static final int WINDOW = 1 << 20;

    private static final int STRING_NULL = 0;
    private static final int STRING_EMPTY = 1;
    private static final int STRING_POOL = 2;
    private static final int STRING_UTF8 = 3;
    private static final int STRING_CHARS = 4;
    private static final int STRING_LATIN1 = 5;
    /** The longest compressed integer. */
    private static final int MAX_VARLONG = 9;

    /** The whole chunk (mapped); the window is copied from it. */
    private final ByteBuffer buf;
    private final int limit;
    private final byte[] window;
    /** The chunk position of window[0]. */
    private int base;
    /** How many of the window's bytes are the chunk's (fewer at its end). */
    private int filled;
    /** The next byte to read, as an index into the window. */
    private int next;
    /** Resolves STRING_POOL references; set once the chunk's constant pools are read. */
    private java.util.function.LongFunction<String> stringPool = key -> null;
    /** Where strings met before are found by their bytes, while one is set (as the constant pools are read). */
    private StringCache strings;

    ByteCursor(ByteBuffer buf) {
        this(buf, null);
    }

    /** @param reuse an array to hold the window if it is big enough (one whose chunk is done), else null */
    ByteCursor(ByteBuffer buf, byte[] reuse) {
        this.buf = buf;
        this.limit = buf.limit();
        if (reuse != null && buf.hasArray() && buf.array() == reuse && buf.arrayOffset() == 0 && limit <= WINDOW) {
            // the chunk was read into the array itself (JfrFile does so for a chunk the window holds): nothing to copy
            this.window = reuse;
            this.base = 0;
            this.filled = limit;
            this.next = 0;
            return;
        }
        int size = windowSize(limit);
        this.window = reuse != null && reuse.length >= size ? reuse : new byte[size];
        load(0);
    }

    /** How much of a chunk of {@code limit} bytes the window holds. */
    static int windowSize(int limit) {
        return Math.min(limit, WINDOW);
    }

    /** The window's array, for the next chunk's cursor once this chunk is done with. */
    byte[] window() {
        return window;
    }

    /** Moves the window to start at chunk position {@code pos}. */
    private void load(int pos) {
        base = pos;
        filled = Math.min(window.length, limit - pos);
        buf.get(pos, window, 0, filled);
        next = 0;
    }

    /** @param cache where the strings read from now on are looked up by their bytes; null for none */
    void strings(StringCache cache) {
        this.strings = cache;
    }

    void stringPool(java.util.function.LongFunction<String> pool) {
        this.stringPool = pool;
    }

    int position() {
        return base + next;
    }

    void position(int pos) {
        if (pos < 0 || pos > limit) throw new IndexOutOfBoundsException("position " + pos + " outside the chunk");
        if (pos >= base && pos <= base + filled) next = pos - base;
        else load(pos);
    }

    int limit() {
        return limit;
    }

    /** Whether the bytes from {@code pos} on are {@code expected}. */
    boolean equalsAt(int pos, byte[] expected) {
        return pos >= 0 && expected.length <= limit - pos && buf.slice(pos, expected.length).equals(ByteBuffer.wrap(expected));
    }

    /** A copy of {@code length} bytes from {@code pos}; the position stays. */
    byte[] bytesAt(int pos, int length) {
        if (pos < 0 || length < 0 || length > limit - pos) throw new IllegalStateException("invalid length " + length);
        byte[] b = new byte[length];
        buf.get(pos, b);
        return b;
    }

    int intAt(int pos) {
        return buf.getInt(pos);
    }

    long longAt(int pos) {
        return buf.getLong(pos);
    }

    /** The next byte, moving the window on when it is read to its end. */
    private byte nextByte() {
        if (next >= filled) {
            int pos = base + next;
            if (pos >= limit) throw new BufferUnderflowException();
            load(pos);
        }
        return window[next++];
    }

    long varlong() {
        if (filled - next < MAX_VARLONG) return varlongNearEnd();
        // written out byte by byte: C1, bin/jbound's compiler, does not unroll the loop, and this is
        // the reader's hottest code (several integers per event, millions of events)
        byte[] w = window;
        int i = next;
        byte b = w[i];
        if (b >= 0) {
            next = i + 1;
            return b;
        }
        long r = b & 0x7fL;
        b = w[i + 1];
        r |= (b & 0x7fL) << 7;
        if (b >= 0) {
            next = i + 2;
            return r;
        }
        b = w[i + 2];
        r |= (b & 0x7fL) << 14;
        if (b >= 0) {
            next = i + 3;
            return r;
        }
        b = w[i + 3];
        r |= (b & 0x7fL) << 21;
        if (b >= 0) {
            next = i + 4;
            return r;
        }
        b = w[i + 4];
        r |= (b & 0x7fL) << 28;
        if (b >= 0) {
            next = i + 5;
            return r;
        }
        b = w[i + 5];
        r |= (b & 0x7fL) << 35;
        if (b >= 0) {
            next = i + 6;
            return r;
        }
        b = w[i + 6];
        r |= (b & 0x7fL) << 42;
        if (b >= 0) {
            next = i + 7;
            return r;
        }
        b = w[i + 7];
        r |= (b & 0x7fL) << 49;
        if (b >= 0) {
            next = i + 8;
            return r;
        }
        next = i + 9;
        return r | (w[i + 8] & 0xffL) << 56;
    }

    /**
     * {@code n} compressed integers into {@code into[0..n)} in one call, for an event whose fields
     * are all integers (a profiler's samples): a call per field costs C1's code more than the loop.
     */
    void varlongs(long[] into, int n) {
        varlongs(into, 0, n);
    }

    /** The same, into {@code into[from..from + n)}. */
    void varlongs(long[] into, int from, int n) {
        byte[] w = window;
        int p = next;
        if (filled - p < n * MAX_VARLONG) {
            for (int k = from; k < from + n; k++) into[k] = varlong();
            return;
        }
        for (int k = from; k < from + n; k++) {
            byte b = w[p++];
            long r = b;
            if (b < 0) {
                r &= 0x7fL;
                int shift = 7;
                while (true) {
                    b = w[p++];
                    if (shift == 56) {
                        r |= (b & 0xffL) << 56;
                        break;
                    }
                    r |= (b & 0x7fL) << shift;
                    if (b >= 0) break;
                    shift += 7;
                }
            }
            into[k] = r;
        }
        next = p;
    }

    /**
     * An event's header at chunk position {@code pos}: its size into {@code head[0]}, its type into
     * {@code head[1]}, the cursor left at its fields. Both are one byte in most events (a
     * profiler's samples), read here without a further call.
     */
    void eventHeader(int pos, long[] head) {
        int i = pos - base;
        if (i >= 0 && filled - i >= 2 * MAX_VARLONG) {
            byte size = window[i];
            byte type = window[i + 1];
            if ((size | type) >= 0) {
                head[0] = size;
                head[1] = type;
                next = i + 2;
                return;
            }
            next = i;
        } else {
            position(pos);
        }
        varlongs(head, 2);
    }

    /** The same, byte by byte, where the window may end inside it. */
    private long varlongNearEnd() {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = nextByte();
            result |= (b & 0x7fL) << shift;
            if (b >= 0) return result;
        }
        return result | (nextByte() & 0xffL) << 56;
    }

    int varint() {
        return (int) varlong();
    }

    byte u1() {
        return nextByte();
    }

    float f4() {
        return Float.intBitsToFloat((int) bigEndian(4));
    }

    double f8() {
        return Double.longBitsToDouble(bigEndian(8));
    }

    private long bigEndian(int bytes) {
        long v = 0;
        for (int k = 0; k < bytes; k++) v = v << 8 | (nextByte() & 0xffL);
        return v;
    }

    String string() {
        int encoding = nextByte();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOL:
                return stringPool.apply(varlong());
            case STRING_UTF8:
                return text(STRING_UTF8, StandardCharsets.UTF_8);
            case STRING_CHARS: {
                char[] chars = new char[length()];
                for (int i = 0; i < chars.length; i++) chars[i] = (char) varint();
                return new String(chars);
            }
            case STRING_LATIN1:
                return text(STRING_LATIN1, StandardCharsets.ISO_8859_1);
            default:
                throw new IllegalStateException("invalid string encoding " + encoding);
        }
    }

    /** Steps over a string as {@link #string} reads it. */
    void skipString() {
        int encoding = nextByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> { }
            case STRING_POOL -> varlong();
            case STRING_UTF8, STRING_LATIN1 -> {
                int n = length();
                position(position() + n);
            }
            case STRING_CHARS -> {
                for (int n = length(); n > 0; n--) varlong();
            }
            default -> throw new IllegalStateException("invalid string encoding " + encoding);
        }
    }

    /** A length and that many bytes in {@code charset}: decoded from the window itself when it holds them. */
    private String text(int encoding, java.nio.charset.Charset charset) {
        int n = length();
        if (n > filled - next) return new String(bytes(n), charset);
        String s = strings != null ? strings.get(window, next, n, encoding, charset) : new String(window, next, n, charset);
        next += n;
        return s;
    }

    /** The next {@code n} bytes (a length read before says there are so many), where they run past the window. */
    private byte[] bytes(int n) {
        int pos = position();
        byte[] b = new byte[n];
        if (n <= filled - next) System.arraycopy(window, next, b, 0, n);
        else buf.get(pos, b);
        position(pos + n);
        return b;
    }

    /**
     * A length or count prefix, checked against what is left (every element takes at least a byte)
     * so that a corrupt one cannot allocate gigabytes.
     */
    int length() {
        int n = varint();
        if (n < 0 || n > limit - position()) throw new IllegalStateException("invalid length " + n);
        return n;
    }
}

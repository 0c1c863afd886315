package dev.jbound.load.jfr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads JFR's encodings from one chunk's bytes: LEB128-style compressed integers (seven bits a
 * byte, the ninth byte whole), big-endian floats, and strings tagged with their encoding.
 * Out-of-range reads surface as {@link IndexOutOfBoundsException} / BufferUnderflowException,
 * which the chunk reader turns into a {@link JfrFormatException} naming the offset.
 */
final class ByteCursor {

    private static final int STRING_NULL = 0;
    private static final int STRING_EMPTY = 1;
    private static final int STRING_POOL = 2;
    private static final int STRING_UTF8 = 3;
    private static final int STRING_CHARS = 4;
    private static final int STRING_LATIN1 = 5;

    private final ByteBuffer buf;
    /** Resolves STRING_POOL references; set once the chunk's constant pools are read. */
    private java.util.function.LongFunction<String> stringPool = key -> null;

    ByteCursor(ByteBuffer buf) {
        this.buf = buf;
    }

    void stringPool(java.util.function.LongFunction<String> pool) {
        this.stringPool = pool;
    }

    int position() {
        return buf.position();
    }

    void position(int pos) {
        buf.position(pos);
    }

    int limit() {
        return buf.limit();
    }

    /** Whether the bytes from {@code pos} on are {@code expected}. */
    boolean equalsAt(int pos, byte[] expected) {
        return pos >= 0 && expected.length <= buf.limit() - pos && buf.slice(pos, expected.length).equals(ByteBuffer.wrap(expected));
    }

    /** A copy of {@code length} bytes from {@code pos}; the position stays. */
    byte[] bytesAt(int pos, int length) {
        if (pos < 0 || length < 0 || length > buf.limit() - pos) throw new IllegalStateException("invalid length " + length);
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

    long varlong() {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = buf.get();
            result |= (b & 0x7fL) << shift;
            if (b >= 0) return result;
        }
        return result | (buf.get() & 0xffL) << 56;
    }

    int varint() {
        return (int) varlong();
    }

    byte u1() {
        return buf.get();
    }

    float f4() {
        return buf.getFloat();
    }

    double f8() {
        return buf.getDouble();
    }

    String string() {
        int encoding = buf.get();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOL:
                return stringPool.apply(varlong());
            case STRING_UTF8:
                return new String(bytes(), StandardCharsets.UTF_8);
            case STRING_CHARS: {
                char[] chars = new char[length()];
                for (int i = 0; i < chars.length; i++) chars[i] = (char) varint();
                return new String(chars);
            }
            case STRING_LATIN1:
                return new String(bytes(), StandardCharsets.ISO_8859_1);
            default:
                throw new IllegalStateException("invalid string encoding " + encoding);
        }
    }

    private byte[] bytes() {
        byte[] b = new byte[length()];
        buf.get(b);
        return b;
    }

    /**
     * A length or count prefix, checked against what is left (every element takes at least a byte)
     * so that a corrupt one cannot allocate gigabytes.
     */
    int length() {
        int n = varint();
        if (n < 0 || n > buf.remaining()) throw new IllegalStateException("invalid length " + n);
        return n;
    }
}

package dev.jbound.load.jfr;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Strings met before, found by their bytes. Every chunk of a recording declares its class and
 * method names again (a symbol pool each, the same names in most), and a name met before costs
 * neither a new String nor, downstream, hashing and comparing one more copy of it: the frame
 * interner finds the one String whose hash is cached and which equals itself at once. Bounded in
 * what it keeps; used by one thread, the one that reads the constant pools.
 */
final class StringCache {

    /** Distinct strings kept at most; later new ones are made as if there were no cache. */
    static final int MAX_ENTRIES = 1 << 16;
    /** Longer strings (a command line) are not worth keeping. */
    static final int MAX_LENGTH = 256;

    private byte[][] bytes = new byte[1024][];
    private int[] hashes = new int[1024];
    private int[] encodings = new int[1024];
    private String[] strings = new String[1024];
    private int size;

    /**
     * The string of {@code length} bytes of {@code window} from {@code offset}, in {@code charset}:
     * the one made before for the same bytes and encoding, or a new one.
     *
     * @param encoding JFR's tag for {@code charset}, which tells two strings of the same bytes apart
     */
    String get(byte[] window, int offset, int length, int encoding, Charset charset) {
        if (length > MAX_LENGTH) return new String(window, offset, length, charset);
        int h = encoding;
        for (int i = offset; i < offset + length; i++) h = 31 * h + window[i];
        int mask = strings.length - 1;
        int i = h & mask;
        while (strings[i] != null) {
            if (hashes[i] == h && encodings[i] == encoding && bytes[i].length == length
                    && Arrays.equals(bytes[i], 0, length, window, offset, offset + length)) {
                return strings[i];
            }
            i = (i + 1) & mask;
        }
        String s = new String(window, offset, length, charset);
        if (size >= MAX_ENTRIES) return s;
        bytes[i] = Arrays.copyOfRange(window, offset, offset + length);
        hashes[i] = h;
        encodings[i] = encoding;
        strings[i] = s;
        if (++size * 2 > strings.length) grow();
        return s;
    }

    private void grow() {
        byte[][] oldBytes = bytes;
        int[] oldHashes = hashes;
        int[] oldEncodings = encodings;
        String[] oldStrings = strings;
        int capacity = oldStrings.length * 2;
        bytes = new byte[capacity][];
        hashes = new int[capacity];
        encodings = new int[capacity];
        strings = new String[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < oldStrings.length; k++) {
            if (oldStrings[k] == null) continue;
            int i = oldHashes[k] & mask;
            while (strings[i] != null) i = (i + 1) & mask;
            bytes[i] = oldBytes[k];
            hashes[i] = oldHashes[k];
            encodings[i] = oldEncodings[k];
            strings[i] = oldStrings[k];
        }
    }
}

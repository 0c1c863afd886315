package dev.jbound.load.jfr;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The constant pools' strings, found again by their bytes across chunks. */
class StringCacheTest {

    private static final int UTF8 = 3;
    private static final int LATIN1 = 5;

    /** {@code text}'s bytes at {@code at} in a window of other bytes, as a chunk holds them. */
    private static byte[] window(String text, int at) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] w = new byte[at + t.length + 7];
        for (int i = 0; i < w.length; i++) w[i] = (byte) (i * 37);
        System.arraycopy(t, 0, w, at, t.length);
        return w;
    }

    @Test
    void theSameBytesInAnotherChunkAreTheSameString() {
        StringCache cache = new StringCache();
        String first = cache.get(window("java/lang/Thread", 3), 3, 16, UTF8, StandardCharsets.UTF_8);
        String again = cache.get(window("java/lang/Thread", 40), 40, 16, UTF8, StandardCharsets.UTF_8);
        assertThat(first).isEqualTo("java/lang/Thread");
        assertThat(again).isSameAs(first);
        assertThat(cache.get(window("java/lang/Threads", 0), 0, 17, UTF8, StandardCharsets.UTF_8)).isEqualTo("java/lang/Threads");
        assertThat(cache.get(window("java/lang/Thread", 0), 0, 15, UTF8, StandardCharsets.UTF_8)).isEqualTo("java/lang/Threa");
    }

    @Test
    void theSameBytesInAnotherEncodingAreAnotherString() {
        StringCache cache = new StringCache();
        byte[] w = window("h\u00e9", 0); // é is two bytes in UTF-8: two characters read as Latin-1
        String utf8 = cache.get(w, 0, 3, UTF8, StandardCharsets.UTF_8);
        String latin1 = cache.get(w, 0, 3, LATIN1, StandardCharsets.ISO_8859_1);
        assertThat(utf8).isEqualTo("h\u00e9");
        assertThat(latin1).hasSize(3).isNotEqualTo(utf8);
        assertThat(cache.get(w, 0, 3, UTF8, StandardCharsets.UTF_8)).isSameAs(utf8);
    }

    @Test
    void manyStringsGrowTheTableAndAreAllFoundAgain() {
        StringCache cache = new StringCache();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String s = "m" + i;
            made.add(cache.get(window(s, i % 11), i % 11, s.length(), UTF8, StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 5000; i++) {
            String s = "m" + i;
            assertThat(cache.get(window(s, 5), 5, s.length(), UTF8, StandardCharsets.UTF_8)).isSameAs(made.get(i));
        }
    }

    @Test
    void aLongStringIsNotKept() {
        StringCache cache = new StringCache();
        String longer = "x".repeat(StringCache.MAX_LENGTH + 1);
        String first = cache.get(window(longer, 0), 0, longer.length(), UTF8, StandardCharsets.UTF_8);
        String again = cache.get(window(longer, 0), 0, longer.length(), UTF8, StandardCharsets.UTF_8);
        assertThat(again).isEqualTo(first).isNotSameAs(first);
    }
}

package dev.jbound.load.jfr;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's map of one or two long keys: a map used with one key holds no second halves until a
 * key with one is put, and from then on answers as if it always had.
 */
class LongMapTest {

    @Test
    void aKeyWithASecondHalfIsNotTheKeyWithout() {
        LongMap<String> m = new LongMap<>();
        m.put(5, "five");
        assertThat(m.get(5)).isEqualTo("five");
        assertThat(m.get(5, 1)).as("a second half the map has never held").isNull();
        m.put(5, 1, "five-one");
        assertThat(m.get(5, 1)).isEqualTo("five-one");
        assertThat(m.get(5)).as("the key without, put before the map held second halves").isEqualTo("five");
        assertThat(m.size()).isEqualTo(2);

        // a full map, where a lookup's probe runs past keys of the same first half
        LongMap<Long> full = new LongMap<>();
        for (long a = 0; a < 4000; a++) full.put(a, a);
        for (long a = 0; a < 4000; a++) {
            for (long b = 1; b <= 64; b++) {
                if (full.get(a, b) != null) throw new AssertionError(a + "/" + b + " found, where only " + a + "/0 was put");
            }
        }
    }

    @Test
    void answersAsAHashMapOfKeyPairsThroughGrowthWhicheverHalvesComeFirst() {
        for (boolean pairsFirst : new boolean[] {false, true}) {
            Random random = new Random(pairsFirst ? 3 : 4);
            LongMap<Long> m = new LongMap<>(4);
            Map<String, Long> expected = new HashMap<>();
            for (int i = 0; i < 5000; i++) {
                boolean pair = pairsFirst ? i < 2500 : i >= 2500;
                long a = random.nextInt(3000) - 1000;
                long b = pair ? random.nextInt(5) : 0;
                m.put(a, b, (long) i);
                expected.put(a + "/" + b, (long) i);
            }
            assertThat(m.size()).isEqualTo(expected.size());
            for (long a = -1000; a < 2000; a++) {
                for (long b = 0; b < 5; b++) assertThat(m.get(a, b)).as("%d/%d", a, b).isEqualTo(expected.get(a + "/" + b));
            }
            Map<String, Long> seen = new HashMap<>();
            m.forEach((a, b, v) -> seen.put(a + "/" + b, v));
            assertThat(seen).isEqualTo(expected);
        }
    }

    @Test
    void aClearedMapIsEmptyAndFillsAgainWithEitherKind() {
        LongMap<String> m = new LongMap<>();
        for (long a = 0; a < 300; a++) m.put(a, a % 3, "v" + a);
        m.clear();
        assertThat(m.size()).isZero();
        assertThat(m.isEmpty()).isTrue();
        for (long a = 0; a < 300; a++) assertThat(m.get(a, a % 3)).isNull();
        m.put(7, "seven");
        assertThat(m.get(7)).isEqualTo("seven");
        assertThat(m.get(7, 1)).as("no second halves since the clear").isNull();
        m.forEach((a, b, v) -> assertThat(a).isEqualTo(7));
    }
}

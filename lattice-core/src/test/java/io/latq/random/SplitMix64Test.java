package io.latq.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Literal outputs: these values are a contract (seeded results everywhere in latq derive from them). */
class SplitMix64Test {

    @Test
    void finalizerLiterals() {
        assertEquals(0x0000000000000000L, SplitMix64.mix(0));
        assertEquals(0x5692161D100B05E5L, SplitMix64.mix(1));
        assertEquals(0xA18F67D4DB95243FL, SplitMix64.mix(0x5EED));
    }

    @Test
    void streamLiterals() {
        assertArrayEquals(new long[] {0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L, 0x06C45D188009454FL},
                SplitMix64.stream(0, 3));
        assertArrayEquals(new long[] {0x910A2DEC89025CC1L, 0xBEEB8DA1658EEC67L, 0xF893A2EEFB32555EL},
                SplitMix64.stream(1, 3));
        assertArrayEquals(new long[] {0x09F1FD9D03F0A9B4L, 0x553274161BBF8475L, 0x5D5BCA4696B343B3L},
                SplitMix64.stream(0x5EED, 3));
    }

    @Test
    void streamIsCommonsRngSplitMix64() {
        for (long seed : new long[] {0, 1, 0x5EED, -1, Long.MIN_VALUE}) {
            UniformRandomProvider reference = RandomSource.SPLIT_MIX_64.create(seed);
            long[] ours = SplitMix64.stream(seed, 100);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(reference.nextLong(), ours[i], "seed " + seed + " output " + i);
                assertEquals(ours[i], SplitMix64.mix(seed, i + 1L));
            }
        }
    }
}

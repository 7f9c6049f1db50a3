package io.latq.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Literal seeds and first outputs of the per-batch and per-frame streams, computed once from the implementations they
 * replaced (NsmEstimator's batch seeding and io.latq.polar.FrameRandom). They are a contract: changing them changes
 * every seeded NSM estimate, simulation and construction.
 */
class StreamSeedsTest {

    @Test
    void batchSeedLiterals() {
        assertArrayEquals(new long[] {0xE220A8397B1DCDAFL, 0x6E789E6AA1B965F4L}, StreamSeeds.batchSeed(0, 0));
        assertArrayEquals(new long[] {0x657EECDD3CB13D09L, 0xC2D326E0055BDEF6L}, StreamSeeds.batchSeed(0, 5));
        assertArrayEquals(new long[] {0x910A2DEC89025CC1L, 0xBEEB8DA1658EEC67L}, StreamSeeds.batchSeed(1, 0));
        assertArrayEquals(new long[] {0x6775DC7701564F61L, 0x9AFCD44D14CF8BFEL}, StreamSeeds.batchSeed(1, 5));
        assertArrayEquals(new long[] {0x09F1FD9D03F0A9B4L, 0x553274161BBF8475L}, StreamSeeds.batchSeed(0x5EED, 0));
        assertArrayEquals(new long[] {0x58A5F17B6C15C659L, 0x651AC042FA7B481AL}, StreamSeeds.batchSeed(0x5EED, 5));
    }

    @Test
    void frameSeedLiterals() {
        assertArrayEquals(new long[] {0xE9E0033E3BADAF36L, 0x23DF8F919B81008FL}, StreamSeeds.frameSeed(0, 0));
        assertArrayEquals(new long[] {0xE9E0033E3BADAF36L, 0x444B6AF087BE2272L}, StreamSeeds.frameSeed(0, 7));
        assertArrayEquals(new long[] {0x820477342D9C40C0L, 0x09941A8DF2BB729DL}, StreamSeeds.frameSeed(1, 0));
        assertArrayEquals(new long[] {0x820477342D9C40C0L, 0x84708DDEFE03A52DL}, StreamSeeds.frameSeed(1, 7));
        assertArrayEquals(new long[] {0x9D2ADE6CC35FA6EFL, 0x8A24257A4295D578L}, StreamSeeds.frameSeed(0x5EED, 0));
        assertArrayEquals(new long[] {0x9D2ADE6CC35FA6EFL, 0xFA11ABBE119DF79BL}, StreamSeeds.frameSeed(0x5EED, 7));
    }

    @Test
    void batchStreamFirstOutputs() {
        assertFirst(StreamSeeds.batchStream(0, 0), 0x6F68E1E7E2646EE1L, 0xBF971B7F454094ADL, 0x48F2DE556F30DE38L);
        assertFirst(StreamSeeds.batchStream(1, 0), 0x08260B0F1B52FCACL, 0x5D9320F71CE29FF1L, 0x28197699EC67F190L);
        assertFirst(StreamSeeds.batchStream(0x5EED, 0), 0xED583CFD604367FCL, 0x4B9B75D020C70ABBL, 0xB3415ED312D1B030L);
    }

    @Test
    void frameStreamFirstOutputs() {
        assertFirst(StreamSeeds.frameStream(0, 0), 0x0F7FB19B9B37CAB5L, 0x4D923723F4CAD034L, 0x00B142ED14BA5135L);
        assertFirst(StreamSeeds.frameStream(1, 0), 0xA588B7E3945757F1L, 0xBE2534A85B701F9FL, 0xA8143176A3C7673AL);
        assertFirst(StreamSeeds.frameStream(0x5EED, 0), 0xA4F8EA57BC2DF58DL, 0x768F7AD719A73565L, 0xBEC764CB549CC6E4L);
    }

    private static void assertFirst(UniformRandomProvider rng, long... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rng.nextLong(), "output " + i);
        }
    }
}

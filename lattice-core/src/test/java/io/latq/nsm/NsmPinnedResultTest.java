package io.latq.nsm;

import io.latq.lattice.LatticeSpecs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeded NSM estimates pinned to the exact bits (a contract: the random streams, the quantizers and the arithmetic
 * must not change them on any JVM). Computed once with the implementation of this commit.
 */
class NsmPinnedResultTest {

    @Test
    void e8TwentyThousandVectorsSeed1() {
        assertBits("E8", 20_000, 0x3FB25731C7C967E2L, 0x3F1D313B5C0293C1L);
    }

    @Test
    void polar64TwoThousandVectorsSeed1() {
        assertBits("polar:n=64", 2_048, 0x3FB10848B625F21DL, 0x3F181B828C9D8A8AL);
    }

    private static void assertBits(String spec, long vectors, long nsmBits, long stderrBits) {
        NsmResult r = new NsmEstimator(LatticeSpecs.parse(spec)).estimate(vectors, 1, 2, null);
        assertEquals(nsmBits, Double.doubleToRawLongBits(r.nsm()), () -> spec + " nsm " + r.nsm());
        assertEquals(stderrBits, Double.doubleToRawLongBits(r.stderr()), () -> spec + " stderr " + r.stderr());
    }
}

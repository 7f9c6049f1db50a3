package io.latq.lattice;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact bits of volumes and generators that reach files and printed figures. The build also runs this class with
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:-UseLibmIntrinsic} (lattice-core/pom.xml), so the values are checked with
 * and without HotSpot's libm intrinsics. (With Math.log, A2's log2Volume was 0x3FE95C01A39FBD69 with the intrinsic and
 * 0x3FE95C01A39FBD68 without it.)
 */
class LatticeBitsTest {

    @Test
    void a2() {
        Lattice a2 = LatticeSpecs.parse("A2");
        assertEquals(0x3FE95C01A39FBD68L, Double.doubleToRawLongBits(a2.log2Volume()));
        assertBits(new long[] {0x3FF6A09E667F3BCCL, 0x0000000000000000L, 0xBFE6A09E667F3BCCL, 0x3FF3988E1409212FL},
                a2.generator());
    }

    @Test
    void halfE8() {
        Lattice half = LatticeSpecs.parse("0.5*E8");
        assertEquals(-8.0, half.log2Volume());
        DMatrixRMaj g = LatticeSpecs.parse("E8").generator();
        DMatrixRMaj h = half.generator();
        for (int i = 0; i < g.data.length; i++) {
            assertEquals(Double.doubleToRawLongBits(0.5 * g.data[i]), Double.doubleToRawLongBits(h.data[i]),
                    "entry " + i);
        }
    }

    @Test
    void scaledD4AndA7() {
        assertEquals(0x4019269E12F346E3L, Double.doubleToRawLongBits(LatticeSpecs.parse("2.5*D4").log2Volume()));
        assertEquals(1.5, LatticeSpecs.parse("A7").log2Volume());
    }

    private static void assertBits(long[] expected, DMatrixRMaj m) {
        long[] actual = new long[m.data.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = Double.doubleToRawLongBits(m.data[i]);
        }
        assertArrayEquals(expected, actual);
    }
}

package io.latq.ecdq.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kronecker butterflies of {@link TriangularBasis} against the general loops (the oracle, built with the fast
 * path switched off) and against an exact integer a·B: same doubles, bit for bit, on lattice points, on points that
 * are not in the lattice and on values too large for the fast path.
 */
class TriangularBasisKroneckerTest {

    @ParameterizedTest
    @ValueSource(strings = {"polar:n=64", "polar:n=256", "polar:n=1024"})
    void butterfliesEqualGeneralLoops(String spec) {
        Lattice lat = LatticeSpecs.parse(spec);
        DMatrixRMaj g = lat.generator();
        TriangularBasis fast = TriangularBasis.of(g);
        TriangularBasis slow = TriangularBasis.of(g, false);
        assertTrue(fast.isKronecker());
        assertFalse(slow.isKronecker());
        int n = lat.dimension();
        SplittableRandom rnd = new SplittableRandom(11);
        long[] a = new long[n];
        double[] pf = new double[n];
        double[] ps = new double[n];
        double[] work = new double[2 * n];
        long[] af = new long[n];
        long[] as = new long[n];
        for (int trial = 0; trial < 60; trial++) {
            long range = trial < 20 ? 8 : trial < 40 ? 1L << 20 : 1L << 40; // the last ones exceed the fast limit
            for (int t = 0; t < n; t++) {
                a[t] = rnd.nextLong(-range, range + 1);
            }
            fast.point(a, pf, 0);
            slow.point(a, ps, 0);
            assertBitsEqual(ps, pf);
            if (range <= 8) {
                for (int k = 0; k < n; k++) { // exact a·B in integers
                    long s = 0;
                    for (int t = k; t < n; t++) {
                        s += a[t] * (long) g.get(t, k);
                    }
                    assertEquals((double) s, pf[k]);
                }
            }
            fast.coordinates(pf, 0, work, af);
            slow.coordinates(ps, 0, work, as);
            assertArrayEquals(as, af);
            if (range <= 1L << 20) {
                assertArrayEquals(a, af);
            }
            // a point off the lattice: both round the same way
            pf[rnd.nextInt(n)] += 1;
            System.arraycopy(pf, 0, ps, 0, n);
            fast.coordinates(pf, 0, work, af);
            slow.coordinates(ps, 0, work, as);
            assertArrayEquals(as, af);
            pf[rnd.nextInt(n)] += 0.25;
            System.arraycopy(pf, 0, ps, 0, n);
            fast.coordinates(pf, 0, work, af);
            slow.coordinates(ps, 0, work, as);
            assertArrayEquals(as, af);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"polar:n=64", "polar:n=256", "polar:n=1024"})
    void offsetsInCodingOrderEqualRowPushes(String spec) {
        TriangularBasis basis = TriangularBasis.of(LatticeSpecs.parse(spec).generator());
        int n = basis.dimension();
        SplittableRandom rnd = new SplittableRandom(5);
        long[] a = new long[n];
        double[] want = new double[n];
        double[] acc = new double[n];
        double[] beta = new double[n];
        for (int trial = 0; trial < 40; trial++) {
            for (int t = 0; t < n; t++) {
                a[t] = rnd.nextLong(-100, 101);
            }
            int big = trial % 2 == 0 ? rnd.nextInt(n) : -1; // one value beyond the exact range: the rebuild path
            if (big >= 0) {
                a[big] = (1L << 52) + rnd.nextLong(1L << 40);
            }
            java.util.Arrays.fill(want, 0.0);
            java.util.Arrays.fill(acc, 0.0);
            boolean fast = true;
            for (int j = n - 1; j >= 0; j--) {
                // before coding j both must agree on the offset of j
                assertEquals(Double.doubleToRawLongBits(want[j]), Double.doubleToRawLongBits(acc[j]), "offset " + j);
                basis.pushOffsets(j, a[j], want);
                fast = basis.pushOffsetsInOrder(j, a, acc, beta, fast);
                assertEquals(big < 0 || j > big, fast);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z1", "Z4", "Z8"})
    void identityBasisEqualsGeneralLoops(String spec) {
        DMatrixRMaj g = LatticeSpecs.parse(spec).generator();
        TriangularBasis fast = TriangularBasis.of(g);
        TriangularBasis slow = TriangularBasis.of(g, false);
        int n = g.numRows;
        SplittableRandom rnd = new SplittableRandom(2);
        long[] a = new long[n];
        double[] pf = new double[n];
        double[] ps = new double[n];
        double[] work = new double[2 * n];
        long[] af = new long[n];
        long[] as = new long[n];
        for (int trial = 0; trial < 2000; trial++) {
            for (int t = 0; t < n; t++) {
                a[t] = trial % 5 == 0 ? 0 : rnd.nextLong(-1000, 1001);
            }
            fast.point(a, pf, 0);
            slow.point(a, ps, 0);
            assertBitsEqual(ps, pf);
            for (int t = 0; t < n; t++) { // off-lattice values, ±0 and half-integers round alike
                pf[t] = trial % 7 == 0 ? -0.0 : pf[t] + (rnd.nextInt(5) - 2) * 0.25;
            }
            System.arraycopy(pf, 0, ps, 0, n);
            fast.coordinates(pf, 0, work, af);
            slow.coordinates(ps, 0, work, as);
            assertArrayEquals(as, af);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"E8", "Z4", "D4"})
    void otherLatticesKeepTheGeneralLoops(String spec) {
        assertFalse(TriangularBasis.of(LatticeSpecs.parse(spec).generator()).isKronecker());
    }

    private static void assertBitsEqual(double[] want, double[] got) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]), "index " + i);
        }
    }

    /**
     * {@link TriangularBasis#pointFromOffsets} after a whole point's {@link TriangularBasis#pushOffsetsInOrder} against
     * {@link TriangularBasis#point}: the same doubles for every nonzero coordinate (zeros may differ in sign only),
     * and no answer once a value passes the exact range.
     */
    @ParameterizedTest
    @ValueSource(strings = {"polar:n=64", "polar:n=256", "polar:n=1024", "E8"})
    void pointFromOffsetsEqualsPoint(String spec) {
        Lattice lat = LatticeSpecs.parse(spec);
        TriangularBasis basis = TriangularBasis.of(lat.generator());
        int n = lat.dimension();
        SplittableRandom rnd = new SplittableRandom(13);
        long[] a = new long[n];
        double[] acc = new double[n];
        double[] beta = new double[n];
        double[] viaOffsets = new double[n];
        double[] viaPoint = new double[n];
        int answered = 0;
        for (int trial = 0; trial < 60; trial++) {
            long range = trial < 20 ? 2 : trial < 40 ? 1L << 20 : 1L << 45;
            for (int t = 0; t < n; t++) {
                a[t] = trial % 5 == 0 && t % 3 == 0 ? 0 : rnd.nextLong(-range, range + 1);
            }
            java.util.Arrays.fill(acc, 0.0);
            boolean fast = true;
            for (int j = n - 1; j >= 0; j--) {
                fast = basis.pushOffsetsInOrder(j, a, acc, beta, fast);
            }
            java.util.Arrays.fill(viaOffsets, Double.NaN);
            boolean ok = basis.pointFromOffsets(a, acc, viaOffsets);
            basis.point(a, viaPoint, 0);
            if (!ok) {
                assertTrue(Double.isNaN(viaOffsets[0]), "not written when it does not apply");
                continue;
            }
            answered++;
            for (int k = 0; k < n; k++) {
                if (viaPoint[k] == 0) {
                    assertEquals(0.0, viaOffsets[k], 0.0);
                } else {
                    assertEquals(Double.doubleToRawLongBits(viaPoint[k]), Double.doubleToRawLongBits(viaOffsets[k]),
                            spec + " coordinate " + k);
                }
            }
        }
        if (basis.isKronecker()) {
            assertTrue(answered >= 40, "answered " + answered);
        }
    }
}

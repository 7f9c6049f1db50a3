package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.latq.lattice.LatticeTestSupport.add;
import static io.latq.lattice.LatticeTestSupport.gaussian;
import static io.latq.lattice.LatticeTestSupport.maxAbs;
import static io.latq.lattice.LatticeTestSupport.maxAbsDiff;
import static io.latq.lattice.LatticeTestSupport.quantize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Lattice-quantizer laws, volumes, sampling and the allocation/thread-safety contract. */
class LatticePropertiesTest {

    static List<Lattice> lattices() {
        List<Lattice> ls = new ArrayList<>(LatticeTestSupport.fastLattices());
        ls.add(GeneratorMatrixLattice.of(new E8Lattice()));
        ls.add(GeneratorMatrixLattice.of(new AnLattice(3)));
        return ls;
    }

    static List<Lattice> dyadicLattices() {
        List<Lattice> ls = new ArrayList<>();
        for (Lattice l : lattices()) {
            if (LatticeTestSupport.isDyadic(l)) {
                ls.add(l);
            }
        }
        return ls;
    }

    private static UniformRandomProvider rng(Lattice l, long salt) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(salt * 1_000_003L + l.name().hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void outputsAreLatticePointsAndFixedPoints(Lattice l) {
        UniformRandomProvider rng = rng(l, 1);
        double[][] b = LatticeTestSupport.rows(l);
        boolean exact = LatticeTestSupport.isDyadic(l);
        for (int s = 0; s < 300; s++) {
            double[] x = gaussian(rng, l.dimension(), 5.0);
            double[] p = quantize(l, x);
            long[] a = l.coordinates(p);
            double[] back = new double[p.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < p.length; j++) {
                    back[j] += a[i] * b[i][j];
                }
            }
            assertTrue(maxAbsDiff(back, p) <= 1e-9 * (1 + maxAbs(p)), "a·B != Q(x)");
            double[] again = quantize(l, p);
            if (exact) {
                assertArrayEquals(p, again, 0.0, "Q(λ) != λ");
            } else {
                assertTrue(maxAbsDiff(p, again) <= 1e-9 * (1 + maxAbs(p)), "Q(λ) != λ");
            }
        }
    }

    /**
     * Exact Q(x+λ) = Q(x)+λ, including inputs on cell boundaries where the tie conventions decide. The sums are exact:
     * boundary inputs (2^-40 grid, |x| &lt; 2^10) get moderate shifts, Gaussian inputs (2^-30 grid) get shifts of
     * size ~1e6. The sphere decoder is excluded: its tie-breaking is by enumeration order, not translation invariant.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dyadicLattices")
    void translationInvarianceIsExactForDyadicInputs(Lattice l) {
        assumeTrue(!(l instanceof GeneratorMatrixLattice));
        UniformRandomProvider rng = rng(l, 2);
        for (double[] x : LatticeTestSupport.boundaryInputs(l, rng, 2)) {
            if (!onGrid(x, 0x1p-40)) {
                continue; // e.g. the simplex centroid, a multiple of 1/(n+1)
            }
            double[] lambda = LatticeTestSupport.randomLatticePoint(l, rng, 100.0);
            double[] expected = add(quantize(l, x), lambda);
            assertArrayEquals(expected, quantize(l, add(x, lambda)), 0.0, "Q(x+λ) != Q(x)+λ");
        }
        for (int s = 0; s < 300; s++) {
            double[] x = gaussian(rng, l.dimension(), 3.0);
            double[] lambda = quantize(l, LatticeTestSupport.farInput(l, rng));
            double[] expected = add(quantize(l, x), lambda);
            assertArrayEquals(expected, quantize(l, add(x, lambda)), 0.0, "Q(x+λ) != Q(x)+λ");
        }
    }

    private static boolean onGrid(double[] x, double grid) {
        for (double v : x) {
            if (v / grid != Math.rint(v / grid)) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void translationInvarianceWithinRoundingForAllLattices(Lattice l) {
        UniformRandomProvider rng = rng(l, 3);
        for (int s = 0; s < 300; s++) {
            double[] x = gaussian(rng, l.dimension(), 3.0);
            double[] lambda = LatticeTestSupport.randomLatticePoint(l, rng, 50.0);
            double[] expected = add(quantize(l, x), lambda);
            assertTrue(maxAbsDiff(expected, quantize(l, add(x, lambda))) <= 1e-9, "Q(x+λ) != Q(x)+λ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void log2VolumeMatchesEjmlDeterminant(Lattice l) {
        double det = CommonOps_DDRM.det(l.generator());
        assertEquals(Math.log(Math.abs(det)) / Math.log(2), l.log2Volume(), 1e-9);
    }

    @Test
    void knownVolumes() {
        assertEquals(0.0, new E8Lattice().log2Volume(), 0.0);
        for (int n = 1; n <= 8; n++) {
            assertEquals(0.0, new IntegerLattice(n).log2Volume(), 0.0);
            assertEquals(Math.sqrt(n + 1.0), Math.pow(2, new AnLattice(n).log2Volume()), 1e-12);
        }
        for (int n = 2; n <= 8; n++) {
            assertEquals(2.0, Math.pow(2, new DnLattice(n).log2Volume()), 0.0);
            assertEquals(0.5, Math.pow(2, new DnDualLattice(n).log2Volume()), 0.0);
        }
        assertEquals(-8.0, new ScaledLattice(new E8Lattice(), 0.5).log2Volume(), 1e-12);
        assertEquals(0.0, ProductLattice.power(new E8Lattice(), 3).log2Volume(), 0.0);
        assertEquals(0.5 * Math.log(3) / Math.log(2) - 1.0,
                ProductLattice.of(new AnLattice(2), new DnDualLattice(4)).log2Volume(), 1e-12);
    }

    /** Membership by the defining equations, independent of the generators and of coordinates(). */
    @Test
    void outputsSatisfyTheDefiningEquations() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        for (int s = 0; s < 2000; s++) {
            for (int n = 2; n <= 8; n++) {
                double[] p = quantize(new DnLattice(n), gaussian(rng, n, 3.0));
                assertTrue(allIntegers(p, 0.0) && ((long) sum(p)) % 2 == 0, "not in D" + n);
                double[] q = quantize(new DnDualLattice(n), gaussian(rng, n, 3.0));
                assertTrue(allIntegers(q, 0.0) || allIntegers(q, 0.5), "not in D" + n + "*");
            }
            double[] e = quantize(new E8Lattice(), gaussian(rng, 8, 3.0));
            assertTrue((allIntegers(e, 0.0) || allIntegers(e, 0.5)) && ((long) Math.rint(sum(e))) % 2 == 0
                    && sum(e) == Math.rint(sum(e)), "not in E8");
            for (int n = 1; n <= 8; n++) {
                // A_n is an even lattice: every vector has even integer squared norm.
                double[] a = quantize(new AnLattice(n), gaussian(rng, n, 3.0));
                double norm = LatticeTestSupport.distSq(a, new double[n]);
                assertEquals(0.0, Math.IEEEremainder(norm, 2.0), 1e-9, "not in A" + n);
            }
        }
    }

    private static boolean allIntegers(double[] p, double shift) {
        for (double v : p) {
            if (v - shift != Math.rint(v - shift)) {
                return false;
            }
        }
        return true;
    }

    private static double sum(double[] p) {
        double s = 0.0;
        for (double v : p) {
            s += v;
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void samplerDrawsCoordinatesInOrderAndStaysInTheParallelepiped(Lattice l) {
        int n = l.dimension();
        double[][] b = LatticeTestSupport.rows(l);
        DMatrixRMaj inv = l.generator();
        assertTrue(CommonOps_DDRM.invert(inv));
        UniformRandomProvider r1 = rng(l, 4);
        UniformRandomProvider r2 = rng(l, 4);
        double[] out = new double[n + 5];
        for (int s = 0; s < 200; s++) {
            l.sampleFundamentalRegion(r1, out, 3);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r2.nextDouble();
            }
            for (int j = 0; j < n; j++) {
                double e = 0.0;
                for (int i = 0; i < n; i++) {
                    e += a[i] * b[i][j];
                }
                assertEquals(e, out[3 + j], 1e-12, "sample is not a·B with a drawn in order");
            }
            for (int i = 0; i < n; i++) {
                double c = 0.0;
                for (int j = 0; j < n; j++) {
                    c += out[3 + j] * inv.get(j, i);
                }
                assertTrue(c > -1e-9 && c < 1 + 1e-9, "sample outside the fundamental parallelepiped");
            }
        }
        assertEquals(r2.nextLong(), r1.nextLong(), "sampler consumed a different number of draws");
        assertEquals(0.0, out[0] + out[1] + out[2], 0.0, "sampler wrote outside its range");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void offsetsInPlaceAndBatchAgreeWithPlainCalls(Lattice l) {
        int n = l.dimension();
        UniformRandomProvider rng = rng(l, 5);
        int count = 20;
        double[] xs = new double[count * n];
        double[] expected = new double[count * n];
        for (int k = 0; k < count; k++) {
            double[] x = gaussian(rng, n, 4.0);
            System.arraycopy(x, 0, xs, k * n, n);
            System.arraycopy(quantize(l, x), 0, expected, k * n, n);
        }
        double[] batch = new double[count * n];
        l.quantizeBatch(xs, batch, count);
        assertArrayEquals(expected, batch, 0.0);
        double[] inPlace = xs.clone();
        for (int k = 0; k < count; k++) {
            l.quantize(inPlace, k * n, inPlace, k * n);
        }
        assertArrayEquals(expected, inPlace, 0.0);
        double[] shifted = new double[n + 7];
        l.quantize(xs, n, shifted, 4);
        for (int j = 0; j < n; j++) {
            assertEquals(expected[n + j], shifted[4 + j], 0.0);
        }
        assertEquals(0.0, shifted[3] + shifted[n + 4], 0.0, "wrote outside the output range");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void coordinatesRejectNonLatticePoints(Lattice l) {
        UniformRandomProvider rng = rng(l, 6);
        double[][] b = LatticeTestSupport.rows(l);
        for (int s = 0; s < 20; s++) {
            double[] p = LatticeTestSupport.farInput(l, rng);
            double[] lambda = quantize(l, p);
            l.coordinates(lambda);
            double[] off = add(lambda, LatticeTestSupport.scale(b[s % b.length], 1e-3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.coordinates(off));
            assertTrue(e.getMessage().contains("not a lattice point"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void quantizeDoesNotAllocate(Lattice l) {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        UniformRandomProvider rng = rng(l, 7);
        int n = l.dimension();
        double[] xs = new double[64 * n];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 4.0 * (rng.nextDouble() - 0.5);
        }
        double[] out = new double[n];
        for (int i = 0; i < 20_000; i++) {
            l.quantize(xs, (i & 63) * n, out, 0);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            l.quantize(xs, (i & 63) * n, out, 0);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, l.name() + " allocated " + allocated + " bytes in 20000 calls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void concurrentCallsGiveTheSequentialResults(Lattice l) throws Exception {
        UniformRandomProvider rng = rng(l, 8);
        int n = l.dimension();
        int count = 2000;
        double[] xs = new double[count * n];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 6.0 * (rng.nextDouble() - 0.5);
        }
        double[] expected = new double[count * n];
        l.quantizeBatch(xs, expected, count);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    double[] out = new double[count * n];
                    l.quantizeBatch(xs, out, count);
                    return out;
                }));
            }
            for (Future<double[]> f : results) {
                assertArrayEquals(expected, f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

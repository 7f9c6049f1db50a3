package io.latq.lattice.search;

import io.latq.lattice.LatticeTestSupport;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import static io.latq.lattice.LatticeTestSupport.distSq;
import static io.latq.lattice.LatticeTestSupport.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sphere decoder against exhaustive search over a provably sufficient box of coefficients. */
class SphereDecoderTest {

    /**
     * Brute-force closest point. With u = x·B⁻¹ and ρ the distance to the rounded (Babai) point, any p = a·B with
     * ‖x − p‖ ≤ ρ has |a_i − u_i| = |(p − x)·B⁻¹e_i| ≤ ρ·‖B⁻¹e_i‖, so enumerating that box is exhaustive.
     */
    static double[] bruteForce(double[][] b, double[] x) {
        int n = b.length;
        DMatrixRMaj inv = new DMatrixRMaj(b);
        assertTrue(CommonOps_DDRM.invert(inv));
        double[] u = new double[n];
        double[] colNorm = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i] += x[j] * inv.get(j, i);
                colNorm[i] += inv.get(j, i) * inv.get(j, i);
            }
            colNorm[i] = Math.sqrt(colNorm[i]);
        }
        double[] babai = combine(b, roundAll(u));
        double radius = Math.sqrt(distSq(x, babai)) * (1 + 1e-9) + 1e-12;
        long[] lo = new long[n];
        long[] hi = new long[n];
        double boxSize = 1;
        for (int i = 0; i < n; i++) {
            lo[i] = (long) Math.ceil(u[i] - radius * colNorm[i]);
            hi[i] = (long) Math.floor(u[i] + radius * colNorm[i]);
            boxSize *= hi[i] - lo[i] + 1;
        }
        assertTrue(boxSize < 3e6, "brute-force box too large: " + boxSize);
        long[] a = lo.clone();
        double best = Double.POSITIVE_INFINITY;
        double[] bestPoint = null;
        while (true) {
            double[] p = combine(b, toDouble(a));
            double d = distSq(x, p);
            if (d < best) {
                best = d;
                bestPoint = p;
            }
            int i = 0;
            while (i < n && a[i] == hi[i]) {
                a[i] = lo[i];
                i++;
            }
            if (i == n) {
                return bestPoint;
            }
            a[i]++;
        }
    }

    private static double[] roundAll(double[] u) {
        double[] r = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            r[i] = Math.rint(u[i]);
        }
        return r;
    }

    private static double[] toDouble(long[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }

    static double[] combine(double[][] b, double[] a) {
        double[] p = new double[b[0].length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < p.length; j++) {
                p[j] += a[i] * b[i][j];
            }
        }
        return p;
    }

    static double[][] gaussianBasis(UniformRandomProvider rng, int n) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = g.sample();
            }
        }
        return b;
    }

    /** A badly skewed basis of the same lattice: random unimodular row operations with multipliers up to ±3. */
    static double[][] skew(UniformRandomProvider rng, double[][] b, int ops) {
        double[][] s = LllReduction.deepCopy(b);
        int n = b.length;
        for (int t = 0; t < ops; t++) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i == j) {
                continue;
            }
            int q = rng.nextInt(7) - 3;
            for (int c = 0; c < n; c++) {
                s[i][c] += q * s[j][c];
            }
        }
        return s;
    }

    /** Agreement with brute force: equal points, or (only at a tie within 1e-9) equal distances. */
    private static void check(double[] x, double[] p, double[] expected) {
        double dp = distSq(x, p);
        double de = distSq(x, expected);
        if (maxAbsDiff(p, expected) > 1e-9 * (1 + LatticeTestSupport.maxAbs(x))) {
            assertEquals(de, dp, 1e-9 * (1 + de), "sphere decoder is not closest");
        }
    }

    @Test
    void matchesBruteForceOnRandomLatticesViaGeneratorMatrixLattice() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
        for (int n = 1; n <= 5; n++) {
            for (int trial = 0; trial < 6; trial++) {
                double[][] b = skew(rng, gaussianBasis(rng, n), trial * 4);
                GeneratorMatrixLattice lat = new GeneratorMatrixLattice("rand", b);
                double[][] reduced = lat.reducedBasis();
                for (int s = 0; s < 120; s++) {
                    double[] x = LatticeTestSupport.gaussian(rng, n, 3.0);
                    if (s % 4 == 0) {
                        // midpoint between the lattice points λ and λ + b_k: a tie in exact arithmetic
                        double[] lambda = combine(reduced, roundAll(LatticeTestSupport.gaussian(rng, n, 2.0)));
                        x = LatticeTestSupport.add(lambda, LatticeTestSupport.scale(reduced[s % n], 0.5));
                    }
                    double[] p = LatticeTestSupport.quantize(lat, x);
                    check(x, p, bruteForce(reduced, x));
                }
            }
        }
    }

    @Test
    void worksOnAnUnreducedBasisToo() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77L);
        for (int n = 2; n <= 4; n++) {
            double[][] b = skew(rng, gaussianBasis(rng, n), 12);
            SphereDecoder sd = new SphereDecoder(b);
            SphereDecoder.Workspace ws = sd.newWorkspace();
            double[][] reduced = LllReduction.reduce(b).basis();
            for (int s = 0; s < 150; s++) {
                double[] x = LatticeTestSupport.gaussian(rng, n, 5.0);
                double[] p = new double[n];
                double d = sd.decode(x, 0, p, 0, ws);
                assertEquals(distSq(x, p), d, 1e-9 * (1 + d), "returned distance");
                check(x, p, bruteForce(reduced, x));
                // the coefficients reproduce the point in the decoder's own basis
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ws.coefficient(i);
                    assertEquals(Math.rint(a[i]), a[i], 0.0);
                }
                assertTrue(maxAbsDiff(combine(b, a), p) < 1e-9);
            }
        }
    }

    @Test
    void rejectsNonFiniteInputAndBadBases() {
        SphereDecoder sd = new SphereDecoder(new double[][] {{1, 0}, {0, 1}});
        double[] out = new double[2];
        assertThrows(IllegalArgumentException.class,
                () -> sd.decode(new double[] {Double.NaN, 0}, 0, out, 0, sd.newWorkspace()));
        assertThrows(IllegalArgumentException.class, () -> new SphereDecoder(new double[][] {{1, 2}, {2, 4}}));
        assertThrows(IllegalArgumentException.class, () -> new SphereDecoder(new double[][] {{1, 2, 3}, {2, 4, 5}}));
    }
}

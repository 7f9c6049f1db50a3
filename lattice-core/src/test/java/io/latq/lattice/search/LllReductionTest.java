package io.latq.lattice.search;

import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LLL output: same lattice (unimodular transform), size-reduced, Lovász condition (checked in exact arithmetic). */
class LllReductionTest {

    private static final BigFraction DELTA = new BigFraction(99, 100);
    private static final BigFraction HALF = new BigFraction(1, 2);

    /** |det| of an integer matrix by fraction-free (Bareiss) elimination in BigInteger. */
    static BigInteger det(long[][] m) {
        int n = m.length;
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = BigInteger.valueOf(m[i][j]);
            }
        }
        BigInteger prev = BigInteger.ONE;
        int sign = 1;
        for (int k = 0; k < n - 1; k++) {
            if (a[k][k].signum() == 0) {
                int p = k + 1;
                while (p < n && a[p][k].signum() == 0) {
                    p++;
                }
                if (p == n) {
                    return BigInteger.ZERO;
                }
                BigInteger[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    a[i][j] = a[i][j].multiply(a[k][k]).subtract(a[i][k].multiply(a[k][j])).divide(prev);
                }
            }
            prev = a[k][k];
        }
        return a[n - 1][n - 1].multiply(BigInteger.valueOf(sign)).abs();
    }

    private static long[][] toLong(double[][] b) {
        long[][] r = new long[b.length][b[0].length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                assertEquals(Math.rint(b[i][j]), b[i][j], 0.0);
                r[i][j] = (long) b[i][j];
            }
        }
        return r;
    }

    /** Exact Gram–Schmidt of an integer basis; asserts size reduction and the Lovász condition with δ = 99/100. */
    static void assertLllReducedExactly(long[][] b) {
        int n = b.length;
        int m = b[0].length;
        BigFraction[][] bs = new BigFraction[n][m];
        BigFraction[] norm = new BigFraction[n];
        BigFraction[][] mu = new BigFraction[n][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                bs[i][t] = new BigFraction(b[i][t]);
            }
            for (int j = 0; j < i; j++) {
                BigFraction dot = BigFraction.ZERO;
                for (int t = 0; t < m; t++) {
                    dot = dot.add(bs[j][t].multiply(b[i][t]));
                }
                mu[i][j] = dot.divide(norm[j]);
                for (int t = 0; t < m; t++) {
                    bs[i][t] = bs[i][t].subtract(mu[i][j].multiply(bs[j][t]));
                }
                assertTrue(mu[i][j].abs().compareTo(HALF) <= 0, "not size-reduced: mu=" + mu[i][j].doubleValue());
            }
            norm[i] = BigFraction.ZERO;
            for (int t = 0; t < m; t++) {
                norm[i] = norm[i].add(bs[i][t].multiply(bs[i][t]));
            }
            if (i > 0) {
                BigFraction bound = DELTA.subtract(mu[i][i - 1].multiply(mu[i][i - 1])).multiply(norm[i - 1]);
                assertTrue(norm[i].compareTo(bound) >= 0, "Lovász condition fails at row " + i);
            }
        }
    }

    private static double[][] randomIntegerBasis(UniformRandomProvider rng, int n, int range) {
        while (true) {
            double[][] b = new double[n][n];
            long[][] l = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    l[i][j] = rng.nextInt(2 * range + 1) - range;
                    b[i][j] = l[i][j];
                }
            }
            if (det(l).signum() != 0) {
                return b;
            }
        }
    }

    private static void assertSameLattice(double[][] in, LllReduction.Result r, double tol) {
        long[][] u = r.transform();
        double[][] out = r.basis();
        assertEquals(BigInteger.ONE, det(u), "transform is not unimodular");
        double[][] ub = new double[in.length][in[0].length];
        for (int i = 0; i < u.length; i++) {
            for (int k = 0; k < u.length; k++) {
                for (int j = 0; j < in[0].length; j++) {
                    ub[i][j] += u[i][k] * in[k][j];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                assertEquals(ub[i][j], out[i][j], tol, "reduced != U·input");
            }
        }
    }

    @Test
    void integerBasesAreReducedExactlyAndSpanTheSameLattice() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int n = 2; n <= 10; n++) {
            for (int trial = 0; trial < 4; trial++) {
                double[][] b = SphereDecoderTest.skew(rng, randomIntegerBasis(rng, n, 9), 3 * n);
                LllReduction.Result r = LllReduction.reduce(b);
                assertSameLattice(b, r, 0.0);
                assertLllReducedExactly(toLong(r.basis()));
            }
        }
    }

    @Test
    void knapsackStyleBasisIsReduced() {
        // Rows e_i + a_i·e_{n-1} (i < n-1) and M·e_{n-1}: long, nearly parallel vectors that LLL must untangle.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        int n = 12;
        double[][] b = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            b[i][i] = 1;
            b[i][n - 1] = 100_000 + rng.nextInt(900_000);
        }
        b[n - 1][n - 1] = 1_000_003;
        LllReduction.Result r = LllReduction.reduce(b);
        assertSameLattice(b, r, 0.0);
        assertLllReducedExactly(toLong(r.basis()));
        double maxNorm = 0;
        for (double[] row : r.basis()) {
            maxNorm = Math.max(maxNorm, Math.sqrt(GramSchmidt.dot(row, row, n)));
        }
        // det = 1_000_003, so a reduced basis has rows of size about det^(1/n) ≈ 3.2, far below 1e5.
        assertTrue(maxNorm < 50, "rows still long: " + maxNorm);
    }

    @Test
    void realBasesOfDimension40AreReduced() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int n = 40;
        double[][] b = SphereDecoderTest.skew(rng, SphereDecoderTest.gaussianBasis(rng, n), 200);
        LllReduction.Result r = LllReduction.reduce(b);
        assertSameLattice(b, r, 1e-6);
        GramSchmidt gs = GramSchmidt.of(r.basis());
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertTrue(Math.abs(gs.mu[i][j]) <= 0.5 + 1e-9, "not size-reduced");
            }
            double m1 = gs.mu[i][i - 1];
            assertTrue(gs.normSq[i] >= (0.99 - m1 * m1) * gs.normSq[i - 1] * (1 - 1e-9), "Lovász fails at " + i);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> LllReduction.reduce(new double[][] {{1, 2}, {2, 4}}));
        assertThrows(IllegalArgumentException.class, () -> LllReduction.reduce(new double[][] {{1, 0}}, 0.2));
        assertThrows(IllegalArgumentException.class, () -> LllReduction.reduce(new double[][] {{1, 0}, {1}}));
    }
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KltTest {

    /** A random orthogonal matrix (Gram–Schmidt of Gaussian columns), row-major, columns orthonormal. */
    private static double[] randomOrthogonal(int n, long seed) {
        double[] g = Signals.gaussian(n * n, seed);
        double[] q = new double[n * n];
        for (int j = 0; j < n; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = g[i * n + j];
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[i * n + k] * v[i];
                    }
                    for (int i = 0; i < n; i++) {
                        v[i] -= dot * q[i * n + k];
                    }
                }
            }
            double norm = Signals.norm(v);
            for (int i = 0; i < n; i++) {
                q[i * n + j] = v[i] / norm;
            }
        }
        return q;
    }

    private static double[] compose(double[] q, double[] lambda) {
        int n = lambda.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i * n + k] * lambda[k] * q[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }

    private static void assertOrthonormal(double[] u, int n, double tol) {
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += u[i * n + a] * u[i * n + b];
                }
                assertEquals(a == b ? 1.0 : 0.0, s, tol, "UᵀU[" + a + "][" + b + "]");
            }
        }
    }

    @Test
    void recoversAKnownDecomposition() {
        for (int n : new int[] {1, 2, 3, 8, 17, 64}) {
            double[] q = randomOrthogonal(n, 40 + n);
            double[] lambda = new double[n];
            for (int k = 0; k < n; k++) {
                lambda[k] = StrictMath.pow(0.8, k) * 10;    // distinct, descending
            }
            Klt klt = Klt.fromCovariance(compose(q, lambda), n);
            double[] got = klt.eigenvalues();
            for (int k = 0; k < n; k++) {
                assertEquals(lambda[k], got[k], 1e-12 * lambda[0], "n=" + n + " λ" + k);
            }
            double[] u = klt.basis();
            assertOrthonormal(u, n, 1e-12);
            // each eigenvector equals ±q_k; sign rule: largest-magnitude component positive
            for (int k = 0; k < n; k++) {
                int big = 0;
                for (int i = 1; i < n; i++) {
                    if (Math.abs(q[i * n + k]) > Math.abs(q[big * n + k])) {
                        big = i;
                    }
                }
                double sign = Math.signum(q[big * n + k]);
                for (int i = 0; i < n; i++) {
                    assertEquals(sign * q[i * n + k], u[i * n + k], 1e-9, "n=" + n + " vector " + k);
                }
                assertTrue(u[big * n + k] > 0);
            }
            assertTrue(klt.sweeps() < Klt.MAX_SWEEPS, "converged, sweeps " + klt.sweeps());
        }
    }

    @Test
    void diagonalizesAndRoundTrips() {
        int c = 6;
        int frames = 5000;
        double[] mix = randomOrthogonal(c, 3);
        double[] z = Signals.gaussian(c * frames, 8);
        double[] x = new double[c * frames];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < c; i++) {
                double s = 0;
                for (int j = 0; j < c; j++) {
                    s += mix[i * c + j] * (j + 1) * z[f * c + j];
                }
                x[f * c + i] = s + 3.0;     // with a mean
            }
        }
        Klt.CovarianceAccumulator acc = new Klt.CovarianceAccumulator(c);
        acc.accumulate(x, 0, 1234);
        acc.accumulate(x, 1234 * c, frames - 1234);
        assertEquals(frames, acc.frames());
        Klt klt = Klt.fromCovariance(acc.covariance(), c);
        assertOrthonormal(klt.basis(), c, 1e-12);
        double[] y = new double[x.length];
        klt.forward(x, 0, frames, y, 0);
        // the transformed covariance is diagonal with the eigenvalues
        Klt.CovarianceAccumulator acy = new Klt.CovarianceAccumulator(c);
        acy.accumulate(y, 0, frames);
        double[] cy = acy.covariance();
        double[] lambda = klt.eigenvalues();
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                assertEquals(i == j ? lambda[i] : 0.0, cy[i * c + j], 1e-9 * lambda[0]);
            }
        }
        for (int k = 1; k < c; k++) {
            assertTrue(lambda[k] <= lambda[k - 1]);
        }
        // round trip, in place
        klt.inverse(y, 0, frames, y, 0);
        assertTrue(Signals.relErr(y, x) < 1e-13);
        // energy preserved
        double[] y2 = new double[x.length];
        klt.copy().forward(x, 0, frames, y2, 0);
        assertEquals(1.0, Signals.norm(y2) / Signals.norm(x), 1e-13);
    }

    @Test
    void chunkingDoesNotChangeTheCovariance() {
        int c = 3;
        double[] x = Signals.gaussian(c * 999, 12);
        Klt.CovarianceAccumulator a = new Klt.CovarianceAccumulator(c);
        a.accumulate(x, 0, 999);
        Klt.CovarianceAccumulator b = new Klt.CovarianceAccumulator(c);
        for (int f = 0; f < 999; f++) {
            b.accumulate(x, f * c, 1);
        }
        assertArrayEquals(a.covariance(), b.covariance());
        assertArrayEquals(a.mean(), b.mean());
    }

    @Test
    void degenerateCases() {
        // zero matrix: identity basis, zero eigenvalues
        Klt z = Klt.fromCovariance(new double[9], 3);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, z.basis());
        assertEquals(0, z.sweeps());
        // already diagonal: sorted, sign rule gives unit vectors
        Klt d = Klt.fromCovariance(new double[] {1, 0, 0, 0, 3, 0, 0, 0, 2}, 3);
        assertArrayEquals(new double[] {3, 2, 1}, d.eigenvalues());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, d.basis());
        // 2×2 by hand: [[2,1],[1,2]] → λ = 3, 1; vectors (1,1)/√2 and (1,−1)/√2 with sign rule (first index on tie)
        Klt h = Klt.fromCovariance(new double[] {2, 1, 1, 2}, 2);
        assertEquals(3.0, h.eigenvalues()[0], 1e-15);
        assertEquals(1.0, h.eigenvalues()[1], 1e-15);
        double r = Math.sqrt(0.5);
        double[] u = h.basis();
        assertEquals(r, u[0], 1e-15);
        assertEquals(r, u[2], 1e-15);
        assertEquals(r, Math.abs(u[1]), 1e-15);
        assertEquals(-u[1], u[3], 1e-15);
        assertTrue(Math.abs(u[1]) >= Math.abs(u[3]) ? u[1] > 0 : u[3] > 0);
    }

    @Test
    void deterministic() {
        double[] q = randomOrthogonal(16, 77);
        double[] lambda = new double[16];
        for (int k = 0; k < 16; k++) {
            lambda[k] = 1.0 / (k + 1);
        }
        double[] cov = compose(q, lambda);
        assertArrayEquals(Klt.fromCovariance(cov, 16).basis(), Klt.fromCovariance(cov.clone(), 16).basis());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Klt.fromCovariance(new double[4], 3));
        assertThrows(IllegalArgumentException.class, () -> Klt.fromCovariance(new double[65 * 65], 65));
        assertThrows(IllegalArgumentException.class,
                () -> Klt.fromCovariance(new double[] {Double.NaN, 0, 0, 1}, 2));
        assertThrows(IllegalStateException.class, () -> new Klt.CovarianceAccumulator(2).covariance());
    }
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DctTest {
    private static final int[] SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    @Test
    void matchesNaiveOracle() {
        for (int n : SIZES) {
            double[] x = Signals.gaussian(n, 100 + n);
            double[] want = Signals.naiveDct(x);
            double[] got = new Dct(n).forward(x);
            double err = Signals.relErr(got, want);
            assertTrue(err < 1e-12, "N=" + n + " rel err " + err);
        }
    }

    @Test
    void inverseMatchesTransposedOracle() {
        // inverse of the orthonormal DCT-II is its transpose: check against a naive DCT-III
        for (int n : new int[] {1, 2, 8, 64, 512}) {
            double[] c = Signals.gaussian(n, 7 + n);
            double[] want = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    long m = ((long) (2 * i + 1) * k) % (4L * n);
                    double sk = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
                    s += sk * c[k] * StrictMath.cos(StrictMath.PI * m / (2.0 * n));
                }
                want[i] = s;
            }
            double err = Signals.relErr(new Dct(n).inverse(c), want);
            assertTrue(err < 1e-12, "N=" + n + " rel err " + err);
        }
    }

    @Test
    void roundTripIsIdentity() {
        for (int n : SIZES) {
            Dct d = new Dct(n);
            double[] x = Signals.gaussian(n, 3 * n + 1);
            double[] back = d.inverse(d.forward(x));
            double err = Signals.relErr(back, x);
            assertTrue(err < 1e-12, "N=" + n + " round-trip rel err " + err);
            double[] back2 = d.forward(d.inverse(x));
            assertTrue(Signals.relErr(back2, x) < 1e-12, "N=" + n);
        }
    }

    @Test
    void parseval() {
        for (int n : SIZES) {
            double[] x = Signals.gaussian(n, 11 * n);
            double ex = Signals.norm(x);
            double eX = Signals.norm(new Dct(n).forward(x));
            assertEquals(1.0, eX / ex, 1e-12, "N=" + n);
        }
    }

    @Test
    void linearity() {
        int n = 256;
        Dct d = new Dct(n);
        double[] x = Signals.gaussian(n, 1);
        double[] y = Signals.gaussian(n, 2);
        double a = 1.75;
        double b = -0.3;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = a * x[i] + b * y[i];
        }
        double[] fx = d.forward(x);
        double[] fy = d.forward(y);
        double[] fz = d.forward(z);
        double[] lin = new double[n];
        for (int i = 0; i < n; i++) {
            lin[i] = a * fx[i] + b * fy[i];
        }
        assertTrue(Signals.relErr(fz, lin) < 1e-13);
    }

    @Test
    void dcAndCosineBasis() {
        int n = 16;
        Dct d = new Dct(n);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] f = d.forward(ones);
        assertEquals(Math.sqrt(n), f[0], 1e-14);
        for (int k = 1; k < n; k++) {
            assertEquals(0.0, f[k], 1e-14);
        }
        // a basis vector: inverse of e_5 is s_5 cos(π(n+½)5/N), forward brings it back
        double[] e5 = new double[n];
        e5[5] = 1.0;
        double[] g = d.forward(d.inverse(e5));
        for (int k = 0; k < n; k++) {
            assertEquals(k == 5 ? 1.0 : 0.0, g[k], 1e-14);
        }
    }

    @Test
    void offsetsAndInPlace() {
        int n = 32;
        Dct d = new Dct(n);
        double[] x = Signals.gaussian(n, 5);
        double[] want = d.forward(x);
        double[] buf = new double[n + 10];
        System.arraycopy(x, 0, buf, 3, n);
        d.forward(buf, 3, buf, 3);
        for (int k = 0; k < n; k++) {
            assertEquals(Double.doubleToRawLongBits(want[k]), Double.doubleToRawLongBits(buf[3 + k]));
        }
        double[] out = new double[n + 5];
        d.copy().inverse(buf, 3, out, 5 - 5 + 2);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i], out[2 + i], 1e-13);
        }
    }

    /** Pinned bits: a change of operation order or of the tables shows up here. */
    @Test
    void pinnedForwardAndInverseBits() {
        double[] x = {1.0, -2.5, 3.25, 0.125, -7.0, 4.5, 0.0, 2.0};
        long[] forward = {
            0x3fdf1cd9cceef23aL, 0xbff2e94644c670feL, 0x4004cd9fe0fa81deL, 0xbff89c0ece948426L,
            0xc009cf34ace92037L, 0x400e4e97d3fc6756L, 0x401a7f5e022c48c6L, 0xc00b559a6b7f643fL};
        long[] inverse = {
            0xbfd65480269a049cL, 0xbfd744e340e82250L, 0x4005c512ee1fe6f5L, 0xc00816ea67908d1aL,
            0xc010efad6543afafL, 0x3ffb120b964f37a6L, 0x401d0e7ea4693859L, 0xbfec8417f24a194eL};
        double[] f = new Dct(8).forward(x);
        double[] g = new Dct(8).inverse(x);
        for (int k = 0; k < 8; k++) {
            assertEquals(forward[k], Double.doubleToRawLongBits(f[k]), "forward bin " + k);
            assertEquals(inverse[k], Double.doubleToRawLongBits(g[k]), "inverse sample " + k);
        }
    }

    @Test
    void deterministicAcrossInstancesAndCalls() {
        int n = 1024;
        double[] x = Signals.gaussian(n, 99);
        Dct a = new Dct(n);
        double[] first = a.forward(x);
        a.forward(Signals.gaussian(n, 100));   // scratch reuse must not leak
        assertArrayEquals(first, a.forward(x));
        assertArrayEquals(first, a.copy().forward(x));
        assertArrayEquals(first, new Dct(n).forward(x));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new Dct(0));
        assertThrows(IllegalArgumentException.class, () -> new Dct(3));
        assertThrows(IllegalArgumentException.class, () -> new Dct(8192));
        assertThrows(IndexOutOfBoundsException.class, () -> new Dct(8).forward(new double[8], 1, new double[8], 0));
    }
}

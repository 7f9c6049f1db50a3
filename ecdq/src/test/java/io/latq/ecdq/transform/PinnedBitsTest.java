package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Pins the exact bits of values that can reach a file, through a wrapping checksum Σ bits(v_i)·(2i+1), on inputs
 * built from integer formulas only (no RNG). Any change of operation order, table or algorithm changes these. When a
 * change is intended, update the constants and note it in the commit (files written before the change will decode
 * differently).
 */
class PinnedBitsTest {
    static long checksum(double[] v) {
        long h = 0;
        for (int i = 0; i < v.length; i++) {
            h += Double.doubleToRawLongBits(v[i]) * (2L * i + 1);
        }
        return h;
    }

    /** Exact dyadic test input in [−8, 8). */
    static double[] input(int n, int mul) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (((long) i * mul) % 1024 - 512) / 64.0;
        }
        return x;
    }

    @Test
    void dct() {
        assertEquals(EXPECTED[0], checksum(new Dct(2).forward(input(2, 7919))));
        assertEquals(EXPECTED[1], checksum(new Dct(64).forward(input(64, 7919))));
        assertEquals(EXPECTED[2], checksum(new Dct(4096).forward(input(4096, 7919))));
        assertEquals(EXPECTED[3], checksum(new Dct(4096).inverse(input(4096, 104729))));
    }

    @Test
    void separable() {
        SeparableDct t = new SeparableDct(new int[] {45, 77}, new int[] {16, 32});
        double[] x = input(t.size(), 613);
        t.forward(x, 0);
        assertEquals(EXPECTED[4], checksum(x));
    }

    @Test
    void welchPsdAndWaterFilling() {
        double[] x = input(50_000, 7919);
        for (int i = 1; i < x.length; i++) {
            x[i] = 0.9 * x[i - 1] + x[i];     // some memory
        }
        SpectrumEstimator e = new SpectrumEstimator(256);
        e.accumulate(x, 0, x.length);
        double[] psd = e.psd();
        assertEquals(EXPECTED[5], checksum(psd));
        ReverseWaterFilling.Solution s = ProcessRateDistortion.solve(psd, 0.3);
        assertEquals(EXPECTED[6], checksum(new double[] {s.theta(), s.rate(), s.distortion()}));
    }

    @Test
    void klt() {
        int c = 12;
        double[] cov = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                cov[i * c + j] = StrictMath.pow(0.8, Math.abs(i - j)) + (i == j ? 0.01 * i : 0.0);
            }
        }
        Klt k = Klt.fromCovariance(cov, c);
        assertEquals(EXPECTED[7], checksum(k.basis()));
        assertEquals(EXPECTED[8], checksum(k.eigenvalues()));
    }

    private static final long[] EXPECTED = {
        0x69ea2d6e511f1aL, 0x5a2b01ea41311234L, 0x8ed105bec2bd5e2dL, 0x6e9fc8aded44988aL,   // DCT
        0x4e45470c4864f14eL,                                                                 // separable
        0x2c63560fe4db0c4dL, 0x3ebb1aed61ae2baaL,                                            // Welch, water-filling
        0x8e65c4659d75eadeL, 0xe4e23a29a70ace98L,                                            // KLT
    };
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumEstimatorTest {
    private static final int N = 1 << 20;

    private static double mean(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s / p.length;
    }

    /**
     * AR(1) ρ = 0.99, 2^20 samples, M = 1024 (K = 2047 half-overlapped segments): the estimate at D = 0.001 must be
     * within 0.02 b of ½log2((1−ρ²)/D) = 2.1573.
     *
     * <p>Tolerance: no bin is under water (S ≥ 0.005 ≫ D), so R̂ = ½·mean_k log2(Ŝ_k/D). Each ln Ŝ_k has variance
     * ≈ 1.06/K ≈ 5.2e−4 (Hann, 50 % overlap); the Hann main lobe correlates ~2 adjacent bins, so the mean over
     * M = 1024 bins has variance ≈ 2·5.2e−4/1024 ≈ 1e−6, sd ≈ 1e−3 nats ≈ 7e−4 b after ½/ln 2. The Jensen bias of a
     * log of an average is −½·var ≈ −2.6e−4 nats (−2e−4 b), and the smoothing of the spectral peak (width 1−ρ = 0.01
     * rad against 2π/1024 = 0.006 rad bins) was measured at about −1e−3 b (seeds 1–5 and 2026 gave 2.1551..2.1581).
     * 0.02 b is therefore more than 10 standard deviations plus the bias.
     */
    @Test
    void ar1ProcessBound() {
        double[] x = Signals.ar1(N, 0.99, 1.0, 2026);
        SpectrumEstimator e = new SpectrumEstimator(1024);
        e.accumulate(x, 0, x.length);
        assertEquals(2 * (N / 1024) - 1, e.segmentCount());
        double r = ProcessRateDistortion.rate(e.psd(), 0.001);
        double want = ProcessRateDistortion.ar1Rate(0.99, 1.0, 0.001);
        assertEquals(2.157, want, 5e-4);
        assertEquals(want, r, 0.02, "estimated " + r);
    }

    /**
     * i.i.d. N(0, 1), D = 0.01: ½log2(100) = 3.3219. R̂ − R = ½log2(s²) + Jensen term; the sample variance has
     * relative sd √(2/n) = 1.4e−3 (1.0e−3 b), the Jensen bias is −2e−4 b (as above), so 0.01 b is ~10 sd.
     */
    @Test
    void iidBound() {
        double[] x = Signals.gaussian(N, 7);
        SpectrumEstimator e = new SpectrumEstimator(1024);
        e.accumulate(x, 0, x.length);
        double r = ProcessRateDistortion.rate(e.psd(), 0.01);
        assertEquals(0.5 * StrictMath.log(100.0) / StrictMath.log(2.0), r, 0.01);
        assertEquals(3.3219, r, 0.01);
    }

    @Test
    void meanOfPsdIsTheSampleVarianceAndMeanIsRemoved() {
        double[] x = Signals.ar1(100_000, 0.9, 2.0, 5);
        for (int i = 0; i < x.length; i++) {
            x[i] += 50.0;   // a large mean must not leak into the DC bins
        }
        SpectrumEstimator e = new SpectrumEstimator(256);
        e.accumulate(x, 0, x.length);
        double[] p = e.psd();
        assertEquals(e.variance(), mean(p), 1e-12 * e.variance());
        double var = 0;
        double mu = 0;
        for (double v : x) {
            mu += v;
        }
        mu /= x.length;
        for (double v : x) {
            var += (v - mu) * (v - mu);
        }
        assertEquals(var / x.length, e.variance(), 1e-9);
        assertEquals(mu, e.mean(), 1e-12);
        // DC of an AR(1) 0.9 with σ² = 2: S(0) = 2·(1+ρ)/(1−ρ) = 38; with the mean leaking it would be ~ 50²·M/1.5
        assertTrue(p[0] < 60 && p[0] > 20, "DC bin " + p[0]);
        // symmetric two-sided estimate
        for (int k = 1; k < p.length; k++) {
            assertEquals(p[k], p[p.length - k], 1e-9 * p[0]);
        }
    }

    @Test
    void splittingTheStreamDoesNotChangeTheResult() {
        double[] x = Signals.gaussian(10_000, 9);
        SpectrumEstimator a = new SpectrumEstimator(128);
        a.accumulate(x, 0, x.length);
        SpectrumEstimator b = new SpectrumEstimator(128);
        int pos = 0;
        int step = 1;
        while (pos < x.length) {
            int len = Math.min(step, x.length - pos);
            b.accumulate(x, pos, len);
            pos += len;
            step = step * 3 + 1;
        }
        assertArrayEquals(a.psd(), b.psd());
    }

    @Test
    void stridedChannelsAndEndSignal() {
        double[] x = Signals.ar1(4096, 0.5, 1.0, 1);
        double[] y = Signals.gaussian(4096, 2);
        double[] inter = new double[2 * 4096];
        for (int i = 0; i < 4096; i++) {
            inter[2 * i] = x[i];
            inter[2 * i + 1] = y[i];
        }
        SpectrumEstimator a = new SpectrumEstimator(64);
        a.accumulate(inter, 1, 4096, 2);
        SpectrumEstimator b = new SpectrumEstimator(64);
        b.accumulate(y, 0, y.length);
        assertArrayEquals(b.psd(), a.psd());
        // two rows with endSignal: segments never straddle the rows
        SpectrumEstimator r = new SpectrumEstimator(64);
        r.accumulate(x, 0, 100);
        r.endSignal();
        r.accumulate(x, 100, 100);
        assertEquals(2 * 2, r.segmentCount());   // each row of 100: segments at 0 and 32
    }

    @Test
    void segmentLengthChoiceAndErrors() {
        assertEquals(1024, SpectrumEstimator.segmentLengthFor(1 << 20, 1024));
        assertEquals(64, SpectrumEstimator.segmentLengthFor(1000, 1024));     // 1000/8 = 125 → 64
        assertEquals(2, SpectrumEstimator.segmentLengthFor(3, 1024));
        assertThrows(IllegalStateException.class, () -> new SpectrumEstimator(64).psd());
        assertThrows(IllegalArgumentException.class, () -> new SpectrumEstimator(100));
        // a constant signal has zero variance and a zero PSD → zero rate
        SpectrumEstimator c = new SpectrumEstimator(8);
        c.accumulate(new double[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, 0, 10);
        assertEquals(0.0, ProcessRateDistortion.rate(c.psd(), 0.1));
    }
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessRateDistortionTest {

    @Test
    void sampledAr1Spectrum() {
        double[] s = ReverseWaterFillingTest.ar1Spectrum(1 << 16, 0.99, 1.0);
        assertEquals(2.1573, ProcessRateDistortion.rate(s, 0.001), 1e-3);
        assertEquals(ProcessRateDistortion.ar1Rate(0.99, 1, 0.001), ProcessRateDistortion.rate(s, 0.001), 1e-6);
        // parametric pair: D(θ) and R(θ) agree with the solver
        ReverseWaterFilling.Solution sol = ProcessRateDistortion.solve(s, 0.05);
        assertEquals(0.05, ProcessRateDistortion.distortion(s, sol.theta()), 1e-12);
        assertEquals(sol.rate(), ProcessRateDistortion.rateAtTheta(s, sol.theta()), 1e-12);
    }

    /** The DCT-band bound is above the process bound and approaches it as the frame grows. */
    @Test
    void transformBoundApproachesTheProcessBound() {
        double rho = 0.95;
        double d = 0.001;
        double process = ProcessRateDistortion.ar1Rate(rho, 1.0, d);
        // exact DCT coefficient variances of an AR(1) frame: diag(C Σ Cᵀ), Σ_ij = ρ^|i−j|
        double prevGap = Double.POSITIVE_INFINITY;
        for (int b : new int[] {2, 4, 8, 16, 32, 64}) {
            Dct dct = new Dct(b);
            double[] var = new double[b];
            double[] e = new double[b];
            for (int k = 0; k < b; k++) {
                java.util.Arrays.fill(e, 0.0);
                e[k] = 1.0;
                double[] basis = dct.inverse(e);   // row k of the DCT matrix
                double v = 0;
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        v += basis[i] * basis[j] * StrictMath.pow(rho, Math.abs(i - j));
                    }
                }
                var[k] = v;
            }
            double r = ProcessRateDistortion.transformRate(var, ReverseWaterFilling.ones(b), d);
            double gap = r - process;
            assertTrue(gap > 0, "B=" + b + " gap " + gap);
            assertTrue(gap < prevGap, "B=" + b + " gap " + gap + " not below " + prevGap);
            prevGap = gap;
        }
        assertTrue(prevGap < 0.05, "B=64 gap " + prevGap);
    }

    @Test
    void oneCallEstimate() {
        double[] x = Signals.ar1(1 << 16, 0.9, 1.0, 3);
        double r = ProcessRateDistortion.estimateRate(x, 0, x.length, 1024, 0.001);
        assertEquals(ProcessRateDistortion.ar1Rate(0.9, 1.0, 0.001), r, 0.02);
    }
}

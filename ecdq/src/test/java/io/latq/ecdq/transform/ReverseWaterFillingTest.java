package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReverseWaterFillingTest {
    private static double log2(double x) {
        return StrictMath.log(x) / StrictMath.log(2.0);
    }

    /** AR(1) spectrum S(ω) = σ²(1−ρ²)/(1 − 2ρcos ω + ρ²), midpoint samples of [−π, π). */
    static double[] ar1Spectrum(int m, double rho, double variance) {
        double[] s = new double[m];
        for (int j = 0; j < m; j++) {
            double w = -StrictMath.PI + 2.0 * StrictMath.PI * (j + 0.5) / m;
            s[j] = variance * (1 - rho * rho) / (1 - 2 * rho * StrictMath.cos(w) + rho * rho);
        }
        return s;
    }

    @Test
    void ar1ProcessBound() {
        double rho = 0.99;
        double d = 0.001;
        double want = 0.5 * log2((1 - rho * rho) / d);
        assertEquals(2.157, want, 5e-4);
        ReverseWaterFilling.Solution s = ReverseWaterFilling.solve(ar1Spectrum(1 << 16, rho, 1.0), d);
        assertEquals(want, s.rate(), 1e-3);
        assertEquals(d, s.theta(), 1e-12);       // no component under water: θ = D
        assertEquals(d, s.distortion(), 1e-15);
    }

    @Test
    void ar1BelowTheKneeHasComponentsUnderWater() {
        // D above σ²(1−ρ)/(1+ρ) puts high frequencies under water; the closed form no longer holds, but
        // D(θ) must still hit the target, and R lies above the closed form, which is then only the Shannon lower
        // bound ½log2(N/D) with N = σ²(1−ρ²) the entropy power.
        double rho = 0.9;
        double d = 0.2;   // knee is 0.1/1.9 = 0.0526
        double[] spec = ar1Spectrum(1 << 14, rho, 1.0);
        ReverseWaterFilling.Solution s = ReverseWaterFilling.solve(spec, d);
        assertEquals(d, s.distortion(), 1e-12);
        assertTrue(s.theta() > d);
        assertTrue(s.rate() > 0.5 * log2((1 - rho * rho) / d));
        boolean someUncoded = false;
        for (int k = 0; k < spec.length; k++) {
            someUncoded |= !s.isCoded(k);
        }
        assertTrue(someUncoded);
    }

    @Test
    void iidCase() {
        double[] v = new double[100];
        java.util.Arrays.fill(v, 2.0);
        ReverseWaterFilling.Solution s = ReverseWaterFilling.solve(v, 0.01);
        assertEquals(0.5 * log2(2.0 / 0.01), s.rate(), 1e-14);
        assertEquals(0.01, s.theta(), 1e-16);
    }

    @Test
    void weightedTwoComponentsByHand() {
        // σ² = {4, 1} with weights {1, 3} (mean variance 7/4). D = 0.625 < 1: θ = D, both coded.
        double[] v = {4, 1};
        double[] w = {1, 3};
        ReverseWaterFilling.Solution a = ReverseWaterFilling.solve(v, w, 0.625);
        assertEquals(0.625, a.theta(), 1e-15);
        assertEquals((0.5 * log2(4 / 0.625) + 3 * 0.5 * log2(1 / 0.625)) / 4, a.rate(), 1e-14);
        // D = 1.5: (θ + 3)/4 = 1.5 ⇒ θ = 3, only the first component coded at ½log2(4/3)
        ReverseWaterFilling.Solution b = ReverseWaterFilling.solve(v, w, 1.5);
        assertEquals(3.0, b.theta(), 1e-15);
        assertEquals(0.5 * log2(4.0 / 3.0) / 4, b.rate(), 1e-15);
        assertFalse(b.isCoded(1));
        assertEquals(1.0, b.componentDistortions()[1]);
        // D ≥ mean variance: zero rate, achieved distortion = mean variance
        ReverseWaterFilling.Solution c = ReverseWaterFilling.solve(v, w, 5.0);
        assertEquals(0.0, c.rate());
        assertEquals(1.75, c.distortion(), 1e-15);
        assertEquals(4.0, c.theta());
    }

    @Test
    void zeroVarianceAndZeroWeightComponents() {
        double[] v = {0.0, 1.0, 0.0, 9.0};
        double[] w = {5, 1, 0, 1};
        ReverseWaterFilling.Solution s = ReverseWaterFilling.solve(v, w, 0.5);
        // 7·D = 3.5 = 0 + min(θ,1) + min(θ,9) ⇒ θ = 1.75 > 1 ⇒ 1 + θ = 3.5 ⇒ θ = 2.5
        assertEquals(2.5, s.theta(), 1e-15);
        assertEquals(0.5, s.distortion(), 1e-15);
        assertEquals(0.5 * log2(9 / 2.5) / 7, s.rate(), 1e-15);
        assertEquals(0.0, s.componentRates()[0]);
    }

    @Test
    void solveForRateInvertsSolve() {
        double[] spec = ar1Spectrum(4096, 0.95, 1.0);
        double[] w = ReverseWaterFilling.ones(spec.length);
        for (double d : new double[] {1e-4, 0.003, 0.05, 0.3, 0.9}) {
            ReverseWaterFilling.Solution s = ReverseWaterFilling.solve(spec, w, d);
            ReverseWaterFilling.Solution r = ReverseWaterFilling.solveForRate(spec, w, s.rate());
            assertEquals(s.theta(), r.theta(), 1e-12 * s.theta(), "D=" + d);
            assertEquals(d, r.distortion(), 1e-12, "D=" + d);
        }
        assertEquals(0.0, ReverseWaterFilling.solveForRate(spec, w, 0.0).rate());
    }

    @Test
    void rateAndDistortionAreMonotoneInTheta() {
        double[] spec = ar1Spectrum(1024, 0.8, 2.0);
        double[] w = ReverseWaterFilling.ones(spec.length);
        double prevR = Double.POSITIVE_INFINITY;
        double prevD = 0;
        for (double th = 1e-3; th < 20; th *= 1.3) {
            double r = ReverseWaterFilling.rate(spec, w, th);
            double d = ReverseWaterFilling.distortion(spec, w, th);
            assertTrue(r <= prevR && d >= prevD);
            prevR = r;
            prevD = d;
        }
    }

    @Test
    void rejectsBadInput() {
        double[] v = {1, 2};
        assertThrows(IllegalArgumentException.class, () -> ReverseWaterFilling.solve(v, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ReverseWaterFilling.solve(v, -1));
        assertThrows(IllegalArgumentException.class, () -> ReverseWaterFilling.solve(v, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ReverseWaterFilling.solve(new double[] {-1, 1}, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> ReverseWaterFilling.solve(v, new double[] {0, 0}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ReverseWaterFilling.solve(new double[0], 0.1));
    }
}

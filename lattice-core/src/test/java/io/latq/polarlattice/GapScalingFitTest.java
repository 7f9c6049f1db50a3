package io.latq.polarlattice;

import io.latq.nsm.NsmResult;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapScalingFitTest {

    @Test
    void recoversAKnownExponentFromExactPoints() {
        int[] n = {64, 128, 256, 512, 1024};
        double[] g = new double[n.length];
        double[] se = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            g[i] = NsmResult.SPHERE_BOUND + 0.02 * Math.pow(n[i], -1 / 3.5);
            se[i] = 1e-5;
        }
        GapScalingFit f = GapScalingFit.fit(n, g, se);
        assertEquals(3.5, f.mu(), 1e-9);
        assertEquals(Math.log(0.02), f.intercept(), 1e-9);
        assertEquals(g[2], f.predict(256), 1e-12);
        assertEquals(0.0, f.chi2Reduced(), 1e-12);
    }

    @Test
    void errorBarCoversTheTruthOnNoisyPoints() {
        // 200 synthetic studies with Gaussian noise of the stated size: the ±2·se interval should cover μ about 95%
        // of the time (binomial: 190 ± 6), so require at least 175.
        SplittableRandom rnd = new SplittableRandom(8);
        int[] n = {64, 128, 256, 512, 1024, 2048, 4096};
        int covered = 0;
        for (int s = 0; s < 200; s++) {
            double[] g = new double[n.length];
            double[] se = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                se[i] = 3e-5;
                g[i] = NsmResult.SPHERE_BOUND + 0.03 * Math.pow(n[i], -1 / 4.0) + se[i] * gaussian(rnd);
            }
            GapScalingFit f = GapScalingFit.fit(n, g, se);
            if (Math.abs(f.mu() - 4.0) <= 2 * f.muStderr()) {
                covered++;
            }
        }
        assertTrue(covered >= 175, covered + " of 200");
    }

    @Test
    void needsTwoUsablePoints() {
        assertThrows(IllegalArgumentException.class,
                () -> GapScalingFit.fit(new int[] {64}, new double[] {0.07}, new double[] {1e-4}));
        assertThrows(IllegalArgumentException.class, () -> GapScalingFit.fit(new int[] {64, 128},
                new double[] {0.05, 0.07}, new double[] {1e-4, 1e-4}));
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log1p(-rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}

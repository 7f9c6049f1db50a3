package io.latq.polarlattice;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModTwoGaussianChannelTest {

    /** The plain definition with a long, unfolded sum: the oracle for the folded, truncated evaluation. */
    private static double referenceLlr(double y, double s) {
        double even = 0;
        double odd = 0;
        for (int k = -200; k <= 200; k++) {
            double de = y - 2.0 * k;
            double dOdd = y - 1 - 2.0 * k;
            even += Math.exp(-de * de / (2 * s * s));
            odd += Math.exp(-dOdd * dOdd / (2 * s * s));
        }
        return Math.log(even / odd);
    }

    @Test
    void llrMatchesTheDefinition() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (double s : new double[] {0.05, 0.2, 0.5, 1.0, 2.0, 4.0}) {
            ModTwoGaussianChannel ch = new ModTwoGaussianChannel(s);
            for (int i = 0; i < 2000; i++) {
                double y = (rnd.nextDouble() - 0.5) * 40;
                double ref = referenceLlr(y, s);
                if (Double.isFinite(ref) && Math.abs(ref) < 300) {
                    assertEquals(ref, ch.llr(y), 1e-9 * Math.max(1, Math.abs(ref)), "s=" + s + " y=" + y);
                }
            }
        }
    }

    @Test
    void llrIsPeriodicAndExactlyAntisymmetricUnderUnitShift() {
        ModTwoGaussianChannel ch = new ModTwoGaussianChannel(0.5);
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 10000; i++) {
            // Dyadic inputs, so y + 1 and y + 2k are exact.
            double y = Math.scalb((double) rnd.nextLong(1L << 40), -30) - 512;
            assertEquals(ch.llr(y), ch.llr(y + 2 * (rnd.nextInt(100) - 50)), 0.0);
            assertEquals(-ch.llr(y), ch.llr(y + 1), 0.0);
        }
        assertEquals(0.0, ch.llr(0.5), 1e-15);
    }

    @Test
    void capacityAgainstMonteCarloAndLimits() {
        // Monte Carlo of 1 − E log2(1 + e^-L) with b = 0; 200k draws give a standard error near 1e-3.
        double s = 0.5;
        ModTwoGaussianChannel ch = new ModTwoGaussianChannel(s);
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < m; i++) {
            double v = ModTwoGaussianChannel.log2OnePlusExpNeg(ch.llr(s * gaussian(rnd)));
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / m;
        double se = Math.sqrt((sum2 / m - mean * mean) / m);
        assertEquals(1 - mean, ch.capacity(), 4 * se);
        // the theory primer (../shared/THEORY.md): about 0.13 at s = 0.5 (level 1 of sigma = 0.5)
        // and about 0.83 at s = 0.25.
        assertEquals(0.13, ch.capacity(), 0.02);
        assertEquals(0.83, new ModTwoGaussianChannel(0.25).capacity(), 0.02);
        assertEquals(1.0, new ModTwoGaussianChannel(0.05).capacity(), 1e-9);
        assertEquals(0.0, new ModTwoGaussianChannel(3.0).capacity(), 1e-6);
    }

    @Test
    void capacitiesSumToTheGaussianEntropyForFlatNoise() {
        // Σ_i (1 − C_i) → ½ log2(2πe σ²) when σ ≳ 0.5 and enough levels are used.
        double sigma = 0.8;
        double sum = 0;
        for (int i = 1; i <= 8; i++) {
            sum += 1 - new ModTwoGaussianChannel(sigma / Math.pow(2, i - 1)).capacity();
        }
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * sigma * sigma) / Math.log(2), sum, 1e-4);
    }

    @Test
    void rejectsBadNoise() {
        assertThrows(IllegalArgumentException.class, () -> new ModTwoGaussianChannel(0));
        assertThrows(IllegalArgumentException.class, () -> new ModTwoGaussianChannel(Double.NaN));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}

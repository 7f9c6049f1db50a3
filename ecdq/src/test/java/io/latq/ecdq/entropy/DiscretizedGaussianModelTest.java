package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class DiscretizedGaussianModelTest {

    @Test
    void frequenciesAreValidAndInverseLookupMatchesBruteForce() {
        DiscretizedGaussianModel m = new DiscretizedGaussianModel();
        double[][] cases = {{0.0, 0.05}, {0.3, 1.0}, {-7.7, 2.9}, {1e6 + 0.25, 29.0}, {-3.5, 300.0}, {0.5, 0.5},
            {12.0, 5000.0}};
        for (double[] c : cases) {
            m.configure(c[0], c[1]);
            int count = m.symbolCount();
            assertEquals(0, m.cumulativeFrequency(0));
            assertEquals(EntropyModel.TOTAL, m.cumulativeFrequency(count));
            for (int s = 0; s < count; s++) {
                assertTrue(m.frequency(s) >= 1, "zero frequency at " + s + " for " + c[0] + "," + c[1]);
            }
            // brute-force oracle for the inverse: walk the cumulative table
            int s = 0;
            for (int cum = 0; cum < EntropyModel.TOTAL; cum++) {
                while (m.cumulativeFrequency(s + 1) <= cum) {
                    s++;
                }
                if (m.symbolForCumulative(cum) != s) {
                    throw new AssertionError("lookup mismatch at " + cum);
                }
            }
        }
    }

    @Test
    void frequenciesFollowTheIntervalProbabilities() {
        DiscretizedGaussianModel m = new DiscretizedGaussianModel();
        double mu = 0.37;
        double t = 2.87;
        m.configure(mu, t);
        NormalDistribution nd = new NormalDistribution(mu, t);
        double kl = 0;
        for (int s = 0; s < m.windowSize(); s++) {
            long k = m.windowStart() + s;
            double p = nd.cumulativeProbability(k + 0.5) - nd.cumulativeProbability(k - 0.5);
            double q = (double) m.frequency(s) / EntropyModel.TOTAL;
            assertEquals(p, q, 2e-3 * p + 3.0 / EntropyModel.TOTAL, "k=" + k);
            if (p > 0) {
                kl += p * Math.log(p / q) / Math.log(2);
            }
        }
        // the cost of quantizing to 16 bits with one reserved unit per symbol: well under 0.01 bit
        assertTrue(kl < 0.005, "KL " + kl);
        assertEquals(m.windowSize(), m.symbolOf(m.windowStart() - 1));
        assertEquals(m.windowSize(), m.symbolOf(m.windowStart() + m.windowSize()));
    }
    /**
     * The fast model (tail shortcut, memo, guessed-and-confirmed lookup) against the plain definition
     * ({@link ReferenceGaussianModel}) on random centres and spreads: the same window, every cumulative frequency,
     * and the same symbol for every cumulative value at and around each interval edge, queried in the orders the
     * encoder and the decoder use and in a scrambled order (to catch a stale memo).
     */
    @Test
    void fastModelReturnsTheSameIntegersAsThePlainDefinition() {
        DiscretizedGaussianModel fast = new DiscretizedGaussianModel();
        ReferenceGaussianModel ref = new ReferenceGaussianModel();
        SplittableRandom rnd = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 1000; trial++) {
            // spreads from 0.01 to 40 cells (log-uniform; coded spreads stay below 32), one in 20 up to 1000 cells;
            // centres anywhere up to ±1e7 with random fractions
            double t = Math.pow(10, -2 + (rnd.nextInt(20) == 0 ? 5 : 3.6) * rnd.nextDouble());
            double mu = (rnd.nextInt(5) == 0 ? rnd.nextInt(-10_000_000, 10_000_000) : rnd.nextInt(-50, 50))
                    + rnd.nextDouble();
            fast.configure(mu, t);
            ref.configure(mu, t);
            String at = " at mu=" + mu + ", t=" + t;
            assertEquals(ref.symbolCount(), fast.symbolCount(), at);
            assertEquals(ref.windowStart(), fast.windowStart(), at);
            int count = ref.symbolCount();
            int[] cum = new int[count + 1];
            for (int s = 0; s <= count; s++) {
                cum[s] = ref.cumulativeFrequency(s);
            }
            // encoder order: the two edges of one symbol after configure
            int s0 = rnd.nextInt(count);
            fast.configure(mu, t);
            assertEquals(cum[s0], fast.cumulativeFrequency(s0), at);
            assertEquals(cum[s0 + 1], fast.cumulativeFrequency(s0 + 1), at);
            // decoder order: lookup, then the two edges, for values at and next to the interval edges (every symbol
            // of windows up to 64 symbols, a random subset of larger ones)
            for (int s = 0; s < count; s += count <= 64 ? 1 : 1 + rnd.nextInt(count / 32)) {
                for (int c : new int[] {cum[s], cum[s + 1] - 1, (cum[s] + cum[s + 1]) >>> 1}) {
                    fast.configure(mu, t);
                    int got = fast.symbolForCumulative(c);
                    assertEquals(s, got, "lookup of " + c + at);
                    assertEquals(cum[s], fast.cumulativeFrequency(got), at);
                    assertEquals(cum[s + 1], fast.cumulativeFrequency(got + 1), at);
                }
            }
            // scrambled order on one configuration
            fast.configure(mu, t);
            for (int q = 0; q < Math.min(3 * count, 200); q++) {
                if (rnd.nextBoolean()) {
                    int s = rnd.nextInt(count + 1);
                    assertEquals(cum[s], fast.cumulativeFrequency(s), at);
                } else {
                    int c = rnd.nextInt(EntropyModel.TOTAL);
                    assertEquals(ref.symbolForCumulative(c), fast.symbolForCumulative(c), at);
                }
            }
        }
    }

    /** The shortcut F = 0 / F = R beyond ±TAIL_CUT equals the full evaluation, on a fine grid and for any R. */
    @Test
    void tailShortcutIsExact() {
        long[] totals = {EntropyModel.TOTAL - 1, EntropyModel.TOTAL - 4, 65000, 1000, 2};
        for (double z = DiscretizedGaussianModel.TAIL_CUT; z < 40; z += z < 8 ? 1e-4 : 0.01) {
            for (long r : totals) {
                assertEquals(0, ReferenceGaussianModel.definition(-z, r), "zeta=" + (-z));
                assertEquals(r, ReferenceGaussianModel.definition(z, r), "zeta=" + z);
                assertEquals(0, DiscretizedGaussianModel.quantizedCdfOf(-z, r));
                assertEquals(r, DiscretizedGaussianModel.quantizedCdfOf(z, r));
            }
        }
        // and inside the cut the fast function is the definition itself
        for (double z = -DiscretizedGaussianModel.TAIL_CUT + 1e-3; z < DiscretizedGaussianModel.TAIL_CUT; z += 1e-3) {
            assertEquals(ReferenceGaussianModel.definition(z, 65000), DiscretizedGaussianModel.quantizedCdfOf(z, 65000));
        }
    }

    /** The guess's CDF and quantile are accurate (so guesses are nearly always right); correctness does not depend on it. */
    @Test
    void approximateCdfAndQuantileAreCloseToTheExactOnes() {
        double worst = 0;
        for (double z = -12; z < 12; z += 1.0 / 1024 + 1e-7) {
            worst = Math.max(worst, Math.abs(ApproximateGaussian.cdf(z) - StrictGaussian.cdf(z)));
        }
        assertTrue(worst < 2e-10, "worst absolute error of cdf " + worst);
        NormalDistribution nd = new NormalDistribution(0, 1);
        double worstBody = 0;
        double worstEnds = 0;
        for (double p = 0.5 / ApproximateGaussian.QUANTILE_STEPS; p < 1; p += 1.0 / 7919) {
            double q = ApproximateGaussian.quantile(p);
            if (p * ApproximateGaussian.QUANTILE_STEPS < 1 || p * ApproximateGaussian.QUANTILE_STEPS > ApproximateGaussian.QUANTILE_STEPS - 1) {
                assertTrue(Double.isNaN(q), "outside the table at p=" + p);
                continue;
            }
            double err = Math.abs(q - nd.inverseCumulativeProbability(p));
            if (p >= 0.01 && p <= 0.99) {
                worstBody = Math.max(worstBody, err);
            } else {
                worstEnds = Math.max(worstEnds, err);
            }
        }
        assertTrue(worstBody < 1e-4, "quantile error in [0.01, 0.99]: " + worstBody);
        assertTrue(worstEnds < 0.05, "quantile error near the ends: " + worstEnds);
    }

    /** The guess (before the exact confirmation) is right for nearly every cumulative value, so decoding costs 2 erfc. */
    @Test
    void guessIsNearlyAlwaysRight() {
        DiscretizedGaussianModel fast = new DiscretizedGaussianModel();
        SplittableRandom rnd = new SplittableRandom(5);
        int tries = 0;
        int misses = 0;
        for (int trial = 0; trial < 300; trial++) {
            double t = rnd.nextInt(4) == 0 ? 16 + 16 * rnd.nextDouble() : 0.3 + 5 * rnd.nextDouble();
            double mu = rnd.nextInt(-1000, 1000) + rnd.nextDouble();
            fast.configure(mu, t);
            for (int q = 0; q < 100; q++) {
                int c = rnd.nextInt(fast.cumulativeFrequency(fast.escapeSymbol()));
                int exact = fast.symbolForCumulative(c);
                tries++;
                if (fast.guess(c) != exact) {
                    misses++;
                }
            }
        }
        assertTrue(misses < 0.01 * tries, misses + " wrong guesses of " + tries);
    }
}

package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

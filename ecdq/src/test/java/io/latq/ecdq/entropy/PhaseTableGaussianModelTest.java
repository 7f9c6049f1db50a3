package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The phase-table model against its definition: {@link DiscretizedGaussianModel} at the rounded centre. */
class PhaseTableGaussianModelTest {

    @Test
    void equalsTheVersionTwoModelAtTheRoundedCentre() {
        SplittableRandom rnd = new SplittableRandom(3);
        PhaseTableGaussianModel table = new PhaseTableGaussianModel();
        DiscretizedGaussianModel oracle = new DiscretizedGaussianModel();
        double[] spreads = {0.05, 0.3, 1.0, 2.5, 17.0, 31.9, 700.0};
        for (int trial = 0; trial < 3000; trial++) {
            double t = spreads[trial % spreads.length];
            double scale = trial % 3 == 0 ? 3 : trial % 3 == 1 ? 1e6 : 0x1p41; // the last ones take the direct path
            double mu = (rnd.nextDouble() * 2 - 1) * scale;
            if (trial % 11 == 0) {
                mu = Math.floor(mu) + 0.5 / PhaseTableGaussianModel.PHASES; // a rounding tie: rounds up
            }
            table.configure(mu, t);
            double rounded = Math.floor(mu * PhaseTableGaussianModel.PHASES + 0.5) / PhaseTableGaussianModel.PHASES;
            oracle.configure(rounded, t);
            assertEquals(oracle.symbolCount(), table.symbolCount());
            assertEquals(oracle.windowStart(), table.windowStart());
            assertEquals(oracle.escapeSymbol(), table.escapeSymbol());
            for (int s = 0; s <= oracle.symbolCount(); s++) {
                assertEquals(oracle.cumulativeFrequency(s), table.cumulativeFrequency(s), "symbol " + s);
            }
            for (int k = 0; k < 20; k++) {
                int c = rnd.nextInt(EntropyModel.TOTAL);
                assertEquals(oracle.symbolForCumulative(c), table.symbolForCumulative(c));
            }
            long k = oracle.windowStart() + rnd.nextInt(oracle.symbolCount() + 2) - 1;
            assertEquals(oracle.symbolOf(k), table.symbolOf(k));
        }
    }

    /** Hints only skip a search: stale, wrong and absent hints give the same model, across more spreads than fit. */
    @Test
    void hintsNeverChangeTheModel() {
        SplittableRandom rnd = new SplittableRandom(5);
        PhaseTableGaussianModel hinted = new PhaseTableGaussianModel();
        PhaseTableGaussianModel plain = new PhaseTableGaussianModel();
        double[] spreads = new double[12]; // more than the instance keeps, so hints go stale
        for (int i = 0; i < spreads.length; i++) {
            spreads[i] = 0.4 + 1.7 * i;
        }
        int[] hints = new int[spreads.length];
        java.util.Arrays.fill(hints, -1);
        for (int trial = 0; trial < 4000; trial++) {
            int i = trial % 5 == 0 ? rnd.nextInt(spreads.length) : trial % 3;
            double mu = (rnd.nextDouble() * 2 - 1) * 50;
            int hint = trial % 7 == 0 ? rnd.nextInt(-1, 9) : hints[i];
            hints[i] = hinted.configure(mu, spreads[i], hint);
            plain.configure(mu, spreads[i]);
            assertEquals(plain.windowStart(), hinted.windowStart());
            assertEquals(plain.symbolCount(), hinted.symbolCount());
            for (int s = 0; s <= plain.symbolCount(); s++) {
                assertEquals(plain.cumulativeFrequency(s), hinted.cumulativeFrequency(s));
            }
            int c = rnd.nextInt(EntropyModel.TOTAL);
            assertEquals(plain.symbolForCumulative(c), hinted.symbolForCumulative(c));
        }
    }

    /** Pinned literal values of the version-3 model, so a change of its definition cannot pass unnoticed. */
    @Test
    void pinnedFrequencies() {
        PhaseTableGaussianModel m = new PhaseTableGaussianModel();
        m.configure(0.3, 1.0); // centre rounds to 77/256
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s <= m.symbolCount(); s++) {
            sb.append(m.cumulativeFrequency(s)).append(s < m.symbolCount() ? "," : "");
        }
        assertEquals(-7, m.windowStart());
        assertEquals(PINNED, sb.toString());
    }

    private static final String PINNED =
            "0,1,2,3,8,172,2356,13872,37942,57980,64618,65486,65532,65533,65534,65535,65536";
}

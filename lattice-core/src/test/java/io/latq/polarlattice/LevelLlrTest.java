package io.latq.polarlattice;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LevelLlrTest {

    @Test
    void tableMatchesTheExactChannel() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (double s : new double[] {0.02, 0.0625, 0.125, 0.25, 0.3, 0.5, 0.6, 0.7, 1.0, 2.0, 4.0}) {
            ModTwoGaussianChannel exact = new ModTwoGaussianChannel(s);
            LevelLlr table = new LevelLlr(s);
            for (int i = 0; i < 4000; i++) {
                double y = (rnd.nextDouble() - 0.5) * 12;
                double e = exact.llr(y);
                double t = table.llr(y);
                assertEquals(e, t, 1e-9 * Math.max(1, Math.abs(e)), "s=" + s + " y=" + y);
                if (Math.abs(e) > 1e-12) { // below that the exact sum has no significant digits left
                    assertTrue(Math.signum(e) == Math.signum(t), "sign at s=" + s + " y=" + y);
                }
                double a = Math.abs(y - 2 * Math.rint(y / 2));
                assertTrue(a < 0.5 ? t > 0 : t < 0, "table sign follows the distance to 2Z at y=" + y);
            }
        }
    }

    @Test
    void exactAntisymmetryPeriodicityAndTies() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (double s : new double[] {0.07, 0.5, 1.3}) {
            LevelLlr t = new LevelLlr(s);
            for (int i = 0; i < 20_000; i++) {
                double y = Math.scalb((double) rnd.nextLong(1L << 40), -30) - 512;
                assertEquals(-t.llr(y), t.llr(y + 1), 0.0);
                assertEquals(t.llr(y), t.llr(y + 2 * (rnd.nextInt(100) - 50)), 0.0);
            }
            // ties follow round-half-up: 2k + 1/2 rounds to the odd 2k + 1, 2k − 1/2 to the even 2k
            for (int k = -3; k <= 3; k++) {
                assertEquals(-Double.MIN_VALUE, t.llr(2 * k + 0.5), 0.0);
                assertEquals(Double.MIN_VALUE, t.llr(2 * k - 0.5), 0.0);
                assertEquals(new ModTwoGaussianChannel(s).llr(2 * k + 0.5), t.llr(2 * k + 0.5), 0.0);
            }
            assertTrue(t.llr(0) > 0 && t.llr(1) < 0);
        }
    }
}

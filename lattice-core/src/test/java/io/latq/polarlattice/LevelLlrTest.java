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

    @Test
    void batchPathIsTheScalarOneBitForBit() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (double s : new double[] {0.02, 0.07, 0.275, 0.55, 1.3, 4.0}) {
            LevelLlr t = new LevelLlr(s);
            int len = 4000;
            double[] y = new double[len + 3];
            for (int i = 0; i < len; i++) {
                y[3 + i] = switch (i % 5) {
                    case 0 -> 8 * rnd.nextDouble() - 4;
                    case 1 -> 0.5 * (rnd.nextInt(41) - 20); // ties 2k ± ½, integers, half-integers
                    case 2 -> Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(-60, 70));
                    case 3 -> Math.scalb((double) rnd.nextLong(1L << 40), -30) - 512;
                    default -> Math.nextUp(0.5 * (rnd.nextInt(41) - 20));
                };
            }
            double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, -0.5, 0.5,
                Math.nextDown(0.5), Math.nextUp(-0.5), 1e300};
            System.arraycopy(odd, 0, y, 3, odd.length);
            double[] out = new double[len + 5];
            t.llr(y, 3, out, 5, len);
            for (int i = 0; i < len; i++) {
                double want = t.llr(y[3 + i]);
                double yi = y[3 + i];
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[5 + i]),
                        () -> "s=" + s + " y=" + yi);
            }
        }
    }
}

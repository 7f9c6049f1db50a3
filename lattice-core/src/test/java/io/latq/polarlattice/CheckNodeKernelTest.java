package io.latq.polarlattice;

import io.latq.polar.Llr;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckNodeKernelTest {

    @Test
    void tabulatedBoxPlusIsWithin1e8OfTheExactOne() {
        SplittableRandom rnd = new SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < 40_000; i++) {
            double scale = Math.pow(10, rnd.nextDouble(-4, 2.5));
            double a = scale * (rnd.nextDouble() - 0.5);
            double b = Math.pow(10, rnd.nextDouble(-4, 2.5)) * (rnd.nextDouble() - 0.5);
            double exact = Llr.boxPlus(a, b);
            double tab = CheckNodeKernel.TABULATED.apply(a, b);
            worst = Math.max(worst, Math.abs(exact - tab));
            assertEquals(exact, tab, 1e-8, "a=" + a + " b=" + b);
            assertTrue(Math.signum(tab) == Math.signum(exact) && tab != 0, "sign of f(" + a + ", " + b + ")");
        }
        assertTrue(worst > 0, "the tabulated kernel should differ a little from StrictMath (else it is not in use)");
    }

    @Test
    void phiTableMatchesLog1pExp() {
        for (double x = 0; x < 45; x += 0.0137) {
            assertEquals(CheckNodeKernel.phiExact(x), CheckNodeKernel.phi(x), 1e-8, "x=" + x);
        }
    }

    @Test
    void signAndNonZeroForTinyInputs() {
        double[] vals = {Double.MIN_VALUE, 1e-300, 1e-20, 1e-8, 0.3, 5, 60, 1e5};
        for (CheckNodeKernel k : CheckNodeKernel.values()) {
            for (double a : vals) {
                for (double b : vals) {
                    assertTrue(k.apply(a, b) > 0, k + " " + a + " " + b);
                    assertTrue(k.apply(-a, b) < 0, k + " " + a + " " + b);
                    assertTrue(k.apply(a, -b) < 0, k + " " + a + " " + b);
                    assertTrue(k.apply(-a, -b) > 0, k + " " + a + " " + b);
                    assertEquals(-k.apply(a, b), k.apply(-a, b), 0.0, "exact antisymmetry");
                }
            }
        }
    }

    @Test
    void minSumIsTheMinimum() {
        assertEquals(-0.5, CheckNodeKernel.MIN_SUM.apply(-0.5, 3), 0.0);
        assertEquals(2.0, CheckNodeKernel.MIN_SUM.apply(-2, -3), 0.0);
    }
}

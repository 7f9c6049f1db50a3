package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundingTest {

    /** Oracle: ⌊x + ½⌋ in exact decimal arithmetic. */
    private static double exact(double x) {
        return new BigDecimal(x).add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).doubleValue();
    }

    @Test
    void roundsHalfUpExactly() {
        double[] xs = {0.5, -0.5, 2.5, -2.5, -2.5000000000000004, 0.49999999999999994, -0.49999999999999994,
            -0x1p-60, 0x1p-60, -0.5000000000000001, 0x1p52 + 1, -0x1p52 - 1, 0x1p51 + 0.5, -0x1p51 - 0.5,
            0x1p53, 0x1p53 + 2, 1e300, -1e300, 0.0, -0.0, 1.5, -1.5, Math.nextDown(1.5), Math.nextUp(-1.5),
            Math.nextDown(-0.5), Math.nextUp(-0.5), 4503599627370495.5, -4503599627370495.5};
        for (double x : xs) {
            assertEquals(exact(x), Rounding.roundHalfUp(x), 0.0, "x=" + x);
        }
        assertEquals(1.0, Rounding.roundHalfUp(0.5), 0.0);
        assertEquals(0.0, Rounding.roundHalfUp(-0.5), 0.0);
        assertEquals(0.0, Rounding.roundHalfUp(0.49999999999999994), 0.0);
        assertEquals(0x1p52 + 1, Rounding.roundHalfUp(0x1p52 + 1), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Rounding.roundHalfUp(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(Double.NaN, Rounding.roundHalfUp(Double.NaN), 0.0);
    }

    @Test
    void agreesWithExactArithmeticOnRandomDoublesOfAllScales() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        for (int i = 0; i < 100_000; i++) {
            double x;
            switch (i % 4) {
                case 0:
                    x = Double.longBitsToDouble(rng.nextLong()); // any bit pattern
                    break;
                case 1:
                    x = (rng.nextDouble() - 0.5) * Math.scalb(1.0, rng.nextInt(60)); // moderate magnitudes
                    break;
                case 2:
                    x = (rng.nextInt(2001) - 1000) * 0.5; // exact halves
                    break;
                default:
                    x = Math.scalb((double) (rng.nextLong() >> 8), -rng.nextInt(70)); // many fractional bits
                    break;
            }
            if (Double.isFinite(x)) {
                assertEquals(exact(x), Rounding.roundHalfUp(x), 0.0, "x=" + x);
            }
        }
    }

    @Test
    void commutesWithIntegerShifts() {
        double[] xs = {0.5, -0.5, 0.25, -0.75, 0.49999999999999994 - 1, 1.5, -1.5};
        for (double x : xs) {
            for (double k : new double[] {-1e6, -3, 1, 7, 1 << 20}) {
                assertEquals(Rounding.roundHalfUp(x) + k, Rounding.roundHalfUp(x + k), 0.0, x + " + " + k);
            }
        }
    }
}

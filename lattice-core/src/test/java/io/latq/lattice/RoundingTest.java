package io.latq.lattice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundingTest {

    @Test
    void roundsHalfUpExactly() {
        assertEquals(1.0, Rounding.roundHalfUp(0.5), 0.0);
        assertEquals(0.0, Rounding.roundHalfUp(-0.5), 0.0);
        assertEquals(3.0, Rounding.roundHalfUp(2.5), 0.0);
        assertEquals(-2.0, Rounding.roundHalfUp(-2.5), 0.0);
        assertEquals(-3.0, Rounding.roundHalfUp(-2.5000000000000004), 0.0);
        // Math.floor(x + 0.5) gets these wrong: x + 0.5 rounds up to 1.
        assertEquals(0.0, Rounding.roundHalfUp(0.49999999999999994), 0.0);
        assertEquals(0.0, Rounding.roundHalfUp(-0x1p-60), 0.0);
        assertEquals(-1.0, Rounding.roundHalfUp(-0.5000000000000001), 0.0);
        assertEquals(0x1p52 + 1, Rounding.roundHalfUp(0x1p52 + 1), 0.0);
        assertEquals(-0x1p52 - 1, Rounding.roundHalfUp(-0x1p52 - 1), 0.0);
        assertEquals(0x1p51 + 1, Rounding.roundHalfUp(0x1p51 + 0.5), 0.0);
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

package io.latq.ecdq.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cell variance code: exact decoding, nearest-in-log encoding, clamping, and pinned values. */
class VarianceCodeTest {

    @Test
    void decodingIsExactAndPinned() {
        assertEquals(0.0, VarianceCode.variance(0, 3.0));
        assertEquals(2.0, VarianceCode.variance(4, 1.0));            // 2^(4/4)
        assertEquals(0x1p10 * 0.5, VarianceCode.variance(40, 0.5));  // 0.5·2^10
        assertEquals(0x1.306fe0a31b715p0, VarianceCode.variance(1, 1.0));
        assertEquals(0x1.ae89f995ad3adp63, VarianceCode.variance(255, 1.0));
        // the constants are 2^(f/4) correctly rounded: within an ulp of StrictMath's value
        for (int f = 0; f < 4; f++) {
            double v = VarianceCode.QUARTER[f];
            assertTrue(Math.abs(v - StrictMath.pow(2, f / 4.0)) <= Math.ulp(v), "Q[" + f + "]");
            double m = VarianceCode.MID[f];
            assertTrue(Math.abs(m - StrictMath.pow(2, (f + 0.5) / 4.0)) <= Math.ulp(m), "M[" + f + "]");
        }
    }

    @Test
    void underWaterIsZeroAndEveryCodeRoundTrips() {
        assertEquals(0, VarianceCode.code(1.0, 1.0));
        assertEquals(0, VarianceCode.code(0.5, 1.0));
        assertEquals(0, VarianceCode.code(0.0, 1.0));
        assertEquals(0, VarianceCode.code(Double.NaN, 1.0));
        for (int q = 1; q <= VarianceCode.MAX_CODE; q++) {
            assertEquals(q, VarianceCode.code(VarianceCode.variance(q, 0.37), 0.37), "code " + q);
        }
        assertEquals(VarianceCode.MAX_CODE, VarianceCode.code(1e300, 1e-300));
        assertEquals(VarianceCode.MAX_CODE, VarianceCode.code(Double.POSITIVE_INFINITY, 1.0));
        assertEquals(1, VarianceCode.code(1.0000001, 1.0), "just above the water: the smallest code");
    }

    @Test
    void theCodeIsTheNearestQuarterOctave() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            double theta = StrictMath.pow(2, 40 * r.nextDouble() - 20);
            double v = theta * StrictMath.pow(2, 0.3 + 60 * r.nextDouble());
            int q = VarianceCode.code(v, theta);
            double exact = 4 * StrictMath.log(v / theta) / StrictMath.log(2);
            assertTrue(Math.abs(exact - q) <= 0.5 + 1e-9, v / theta + " -> " + q);
        }
    }
}

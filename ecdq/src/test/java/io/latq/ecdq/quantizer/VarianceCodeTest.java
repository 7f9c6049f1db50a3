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
        assertEquals(2.0, VarianceCode.variance(16, 1.0));           // 2^(16/16)
        assertEquals(16.0, VarianceCode.variance(64, 1.0));          // the last fine code, 2^4
        assertEquals(0x1.306fe0a31b715p4, VarianceCode.variance(65, 1.0)); // 2^4.25
        assertEquals(0.5 * 0x1p10, VarianceCode.variance(88, 0.5));  // 2^(4 + 24/4) = 2^10
        assertEquals(0x1.0b5586cf9890fp0, VarianceCode.variance(1, 1.0));
        assertEquals(0x1.ae89f995ad3adp51, VarianceCode.variance(255, 1.0));
        // the constants are 2^(f/16) and 2^((f+½)/16) correctly rounded: within an ulp of StrictMath's values
        for (int f = 0; f < 16; f++) {
            double v = VarianceCode.T16[f];
            assertTrue(Math.abs(v - StrictMath.pow(2, f / 16.0)) <= Math.ulp(v), "T16[" + f + "]");
            double m = VarianceCode.M16[f];
            assertTrue(Math.abs(m - StrictMath.pow(2, (f + 0.5) / 16.0)) <= Math.ulp(m), "M16[" + f + "]");
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
            double v = theta * StrictMath.pow(2, 0.04 + 51 * r.nextDouble());
            int q = VarianceCode.code(v, theta);
            double x = StrictMath.log(v / theta) / StrictMath.log(2);
            double coded = StrictMath.log(VarianceCode.variance(q, theta) / theta) / StrictMath.log(2);
            // nearest among the codes: within half a step of the region it falls in
            double halfStep = x < 4 ? 1 / 32.0 : 1 / 8.0;
            assertTrue(Math.abs(x - coded) <= halfStep + 1e-9, v / theta + " -> " + q);
        }
    }
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogVarianceQuantizerTest {

    @Test
    void everyCodeRoundTrips() {
        for (double ref : new double[] {1.0, 3.7e-5, 0.123, 2.5e9, 0x1p-900}) {
            LogVarianceQuantizer q = new LogVarianceQuantizer(ref);
            for (int c = 0; c <= 255; c++) {
                assertEquals(c, q.quantize(q.dequantize(c)), "ref " + ref + " code " + c);
            }
        }
    }

    @Test
    void monotone() {
        LogVarianceQuantizer q = new LogVarianceQuantizer(0.37);
        for (int c = 1; c <= 255; c++) {
            assertTrue(q.dequantize(c) > q.dequantize(c - 1));
            if (c < 255) {
                double m = LogVarianceQuantizer.midpoint(c, 0.37);
                assertTrue(q.dequantize(c) < m && m < q.dequantize(c + 1));
            }
        }
        int prev = 0;
        for (double v = 1e-20; v < 1e10; v *= 1.01) {
            int c = q.quantize(v);
            assertTrue(c >= prev);
            prev = c;
        }
    }

    @Test
    void nearestInTheLogDomain() {
        LogVarianceQuantizer q = new LogVarianceQuantizer(1.0);
        double[] r = Signals.gaussian(2000, 4);
        for (double g : r) {
            double v = StrictMath.pow(2.0, 10 * g);
            int c = q.quantize(v);
            double l = StrictMath.log(v) / StrictMath.log(2);
            double exact = 4 * l + 192;   // fractional code
            if (exact > 1 && exact < 255 && Math.abs(exact - Math.floor(exact) - 0.5) > 1e-9) {
                assertEquals(Math.round(exact), c, "v=" + v);
            }
        }
    }

    @Test
    void clampingAndZero() {
        LogVarianceQuantizer q = new LogVarianceQuantizer(1.0);
        assertEquals(0, q.quantize(0.0));
        assertEquals(0.0, q.dequantize(0));
        assertEquals(1, q.quantize(Double.MIN_VALUE));
        assertEquals(1, q.quantize(1e-300));
        assertEquals(255, q.quantize(1e300));
        assertEquals(255, q.quantize(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> q.quantize(-1.0));
        assertThrows(IllegalArgumentException.class, () -> q.quantize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> q.dequantize(256));
        assertThrows(IllegalArgumentException.class, () -> new LogVarianceQuantizer(0.0));
        assertThrows(IllegalArgumentException.class, () -> new LogVarianceQuantizer(1e308));
    }

    @Test
    void tablesAgreeWithStrictMath() {
        for (int f = 0; f < 4; f++) {
            double t = StrictMath.pow(2.0, f / 4.0);
            double m = StrictMath.pow(2.0, (f + 0.5) / 4.0);
            assertTrue(Math.abs(LogVarianceQuantizer.QUARTER[f] - t) <= Math.ulp(t), "T" + f);
            assertTrue(Math.abs(LogVarianceQuantizer.MID[f] - m) <= Math.ulp(m), "M" + f);
        }
    }

    @Test
    void pinnedValues() {
        LogVarianceQuantizer q = new LogVarianceQuantizer(1.0);
        assertEquals(1.0, q.dequantize(192));
        assertEquals(2.0, q.dequantize(196));
        assertEquals(0.5, q.dequantize(188));
        assertEquals(0x1p15, q.dequantize(252));
        assertEquals(0x1p-47, q.dequantize(4));
        assertEquals(0x3ff306fe0a31b715L, Double.doubleToRawLongBits(q.dequantize(193)));   // 2^(1/4)
        assertEquals(0x3ff6a09e667f3bcdL, Double.doubleToRawLongBits(q.dequantize(194)));   // √2
        assertEquals(0x3ffae89f995ad3adL, Double.doubleToRawLongBits(q.dequantize(195)));   // 2^(3/4)
        assertEquals(Math.scalb(0x1.ae89f995ad3adp0, 15), q.dequantize(255));
        assertEquals(Math.scalb(0x1.306fe0a31b715p0, -48), q.dequantize(1));
        LogVarianceQuantizer r = new LogVarianceQuantizer(3.0);
        assertEquals(3.0, r.dequantize(192));
        assertEquals(6.0 * 1024, r.dequantize(192 + 44));
        assertEquals(200, r.quantize(3.0 * 4.0));
        assertEquals(192, r.quantize(3.0 * 1.09));   // below the midpoint 2^(1/8) = 1.0905
        assertEquals(193, r.quantize(3.0 * 1.091));
    }
}

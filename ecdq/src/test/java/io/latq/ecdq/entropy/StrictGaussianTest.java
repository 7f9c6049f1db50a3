package io.latq.ecdq.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class StrictGaussianTest {

    @Test
    void erfcMatchesCommonsMathToHighRelativeAccuracy() {
        double worst = 0;
        for (double x = -6; x < 26; x += 0.00093) {
            double ref = Erf.erfc(x);
            if (ref < 1e-290) {
                continue;
            }
            worst = Math.max(worst, Math.abs(StrictGaussian.erfc(x) - ref) / ref);
        }
        assertTrue(worst < 1e-12, "worst relative error " + worst);
        assertEquals(1.0, StrictGaussian.erfc(0.0));
        assertEquals(0.0, StrictGaussian.erfc(40.0));
        assertEquals(2.0, StrictGaussian.erfc(-40.0));
    }

    @Test
    void upperTailIsMonotoneOnFineGrids() {
        // the model relies on Q being non-increasing between boundaries spaced ≥ 1/MAX_SPREAD apart
        for (double start : new double[] {0.0, 1.4142, 1.99999, 2.0 - 1e-5, 2.8284271, 5.0, 9.0, 30.0}) {
            double step = 1.0 / DiscretizedGaussianModel.MAX_SPREAD;
            double prev = StrictGaussian.upperTail(start);
            for (int i = 1; i < 200_000; i++) {
                double q = StrictGaussian.upperTail(start + i * step);
                assertTrue(q <= prev, "not monotone at " + (start + i * step));
                prev = q;
            }
        }
        // across the series/fraction switch at x = 2, i.e. w = 2√2
        double w = 2 * Math.sqrt(2);
        double prev = StrictGaussian.upperTail(Math.nextDown(Math.nextDown(w)));
        for (int i = 0; i < 1000; i++) {
            w = Math.nextUp(Math.nextDown(Math.nextDown(2 * Math.sqrt(2))) + i * 1e-9);
            double q = StrictGaussian.upperTail(w);
            assertTrue(q <= prev + 1e-28, "not monotone near the switch");
            prev = Math.min(prev, q);
        }
    }
}

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
        // across the series/fraction switch at x = 2 (w = 2√2), on a grid 4x finer than the model ever needs;
        // at the ulp level the two branches may disagree by ~1e-13 relative, which the model never sees
        double step = 0.25 / DiscretizedGaussianModel.MAX_SPREAD;
        double start = 2 * Math.sqrt(2) - 1e-4;
        double prev = StrictGaussian.upperTail(start);
        for (int i = 1; i < 800; i++) {
            double q = StrictGaussian.upperTail(start + i * step);
            assertTrue(q <= prev, "not monotone at " + (start + i * step));
            prev = q;
        }
        double jumpBelow = StrictGaussian.erfc(Math.nextDown(2.0));
        double jumpAbove = StrictGaussian.erfc(2.0);
        assertTrue(Math.abs(jumpBelow - jumpAbove) / jumpAbove < 1e-12,
                "the two branches agree at the switch: " + jumpBelow + " vs " + jumpAbove);
    }
    /** The interleaved pair evaluation returns the bits of two single evaluations, in every branch combination. */
    @Test
    void pairEvaluationIsBitIdenticalToSingleCalls() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(77);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, 1e-300, 0.5, 1.9999999999999998, 2.0, 2.0000000000000004,
            27.5, 27.500000000000004, 30.0, 100.0};
        double[] out = new double[2];
        double[] tails = new double[2];
        for (int i = 0; i < 150_000; i++) {
            double x1 = i < special.length * special.length ? special[i / special.length]
                    : r.nextInt(3) == 0 ? 30 * r.nextDouble() : 4 * r.nextDouble();
            double x2 = i < special.length * special.length ? special[i % special.length]
                    : r.nextBoolean() ? x1 + r.nextDouble() / (1 + r.nextInt(100)) : 4 * r.nextDouble();
            StrictGaussian.erfcPairNonNegative(x1, x2, out);
            assertEquals(Double.doubleToRawLongBits(StrictGaussian.erfc(x1)), Double.doubleToRawLongBits(out[0]),
                    "erfc(" + x1 + ")");
            assertEquals(Double.doubleToRawLongBits(StrictGaussian.erfc(x2)), Double.doubleToRawLongBits(out[1]),
                    "erfc(" + x2 + ")");
            StrictGaussian.upperTailPair(x1, x2, tails);
            assertEquals(Double.doubleToRawLongBits(StrictGaussian.upperTail(x1)), Double.doubleToRawLongBits(tails[0]));
            assertEquals(Double.doubleToRawLongBits(StrictGaussian.upperTail(x2)), Double.doubleToRawLongBits(tails[1]));
        }
    }
    /** The four-lane batch returns the bits of single evaluations, for any count and mix of branches. */
    @Test
    void batchEvaluationIsBitIdenticalToSingleCalls() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(78);
        double[] x = new double[64];
        double[] out = new double[64];
        double[] w = new double[64];
        double[] q = new double[64];
        double[] scratch = new double[64];
        int[] work = new int[64];
        for (int trial = 0; trial < 1500; trial++) {
            int count = r.nextInt(0, 64);
            for (int i = 0; i < count; i++) {
                int kind = r.nextInt(8);
                x[i] = kind == 0 ? 0.0 : kind == 1 ? 2.0 : kind == 2 ? 27.5 + r.nextDouble() * 3
                        : kind < 5 ? 2 + 3 * r.nextDouble() : 2 * r.nextDouble();
                w[i] = 6 * r.nextDouble();
            }
            StrictGaussian.erfcManyNonNegative(x, count, out, work);
            StrictGaussian.upperTailMany(w, count, q, scratch, work);
            for (int i = 0; i < count; i++) {
                assertEquals(Double.doubleToRawLongBits(StrictGaussian.erfc(x[i])), Double.doubleToRawLongBits(out[i]),
                        "erfc(" + x[i] + ")");
                assertEquals(Double.doubleToRawLongBits(StrictGaussian.upperTail(w[i])),
                        Double.doubleToRawLongBits(q[i]), "Q(" + w[i] + ")");
            }
        }
    }
}

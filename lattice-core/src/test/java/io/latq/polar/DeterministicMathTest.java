package io.latq.polar;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterministicMathTest {

    private static void close(double expect, double got, double ulps, String what) {
        double tol = ulps * Math.ulp(expect) + Double.MIN_VALUE;
        assertEquals(expect, got, tol, what);
    }

    @Test
    void agreesWithStrictMathToAFewUlps() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int i = 0; i < 50_000; i++) {
            double x = (rng.nextDouble() - 0.5) * 1480; // exp over its whole finite range
            close(StrictMath.exp(x), DeterministicMath.exp(x), 4, "exp " + x);
            double s = (rng.nextDouble() - 0.5) * Math.pow(10, -rng.nextInt(18));
            double big = (rng.nextDouble() - 0.5) * 60;
            assertEquals(StrictMath.expm1(big), DeterministicMath.expm1(big), 1e-14 * Math.abs(StrictMath.expm1(big)));
            // expm1 is e^x − 1 for |x| ≥ 1/16: cancellation costs up to ~1e−14 relative there
            assertEquals(StrictMath.expm1(s), DeterministicMath.expm1(s), 1e-14 * Math.abs(s), "expm1 " + s);
            double y = Math.pow(10, (rng.nextDouble() - 0.5) * 600);
            close(StrictMath.log(y), DeterministicMath.log(y), 4, "log " + y);
            double t = Math.pow(10, -rng.nextInt(20) * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -0.999);
            close(StrictMath.log1p(t), DeterministicMath.log1p(t), 4, "log1p " + t);
        }
        assertEquals(0.0, DeterministicMath.exp(-800), 0.0);
        assertTrue(Double.isInfinite(DeterministicMath.exp(800)));
        close(StrictMath.exp(-740), DeterministicMath.exp(-740), 4, "subnormal exp");
        close(StrictMath.log(Double.MIN_VALUE), DeterministicMath.log(Double.MIN_VALUE), 4, "log of subnormal");
        assertEquals(Double.NEGATIVE_INFINITY, DeterministicMath.log(0.0), 0.0);
    }

    @Test
    void boxPlusMatchesTanhDefinition() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        for (int i = 0; i < 100_000; i++) {
            double a = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(5) - 2);
            double b = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(5) - 2);
            double expect = reference(a, b);
            double got = Llr.boxPlus(a, b);
            assertEquals(expect, got, 1e-12 * Math.max(1, Math.abs(expect)), a + " ⊞ " + b);
            assertEquals(Math.signum(a) * Math.signum(b), Math.signum(got), 0.0);
            assertTrue(Math.abs(got) <= Math.min(Math.abs(a), Math.abs(b)) * (1 + 1e-12));
        }
        assertEquals(3.0, Llr.boxPlus(3.0, Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-3.0, Llr.boxPlus(3.0, Double.NEGATIVE_INFINITY), 0.0);
        assertEquals(0.0, Llr.boxPlus(0.0, 5.0), 0.0);
        assertTrue(Llr.boxPlus(1e-200, -1e-200) < 0, "sign kept for tiny inputs");
        assertEquals(-2.0, Llr.minSum(-2.0, 5.0), 0.0);
        assertEquals(2.0, Llr.minSum(-2.0, -5.0), 0.0);
    }

    /** Independent StrictMath evaluation: tanh form for small inputs, the equivalent log form for large ones. */
    private static double reference(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double m = Math.min(x, y);
        double s = Math.signum(a) * Math.signum(b);
        double tanhForm = 2 * atanh(StrictMath.tanh(x / 2) * StrictMath.tanh(y / 2));
        double logForm = m + StrictMath.log1p(StrictMath.exp(-(x + y)))
                - StrictMath.log1p(StrictMath.exp(-Math.abs(x - y)));
        if (m > 1 && m < 8) {
            assertEquals(tanhForm, logForm, 1e-11 * logForm, "the two forms agree");
        }
        return s * (m < 4 ? tanhForm : logForm);
    }

    private static double atanh(double p) {
        return 0.5 * StrictMath.log1p(2 * p / (1 - p));
    }
}

package io.latq.lattice;

/**
 * The rounding convention shared by all latq closest-point quantizers: round half up, r(x) = ⌊x + ½⌋.
 *
 * <p>Round half up commutes with integer shifts, r(x + k) = r(x) + k, which is what makes the quantizers
 * built on it exact lattice quantizers (Q(x + λ) = Q(x) + λ) whenever x + λ is computed without rounding.
 * Round-half-even would not have this property.
 */
public final class Rounding {

    private Rounding() {
    }

    /**
     * r(x) = ⌊x + ½⌋ in exact arithmetic.
     *
     * <p>The literal {@code Math.floor(x + 0.5)} is wrong when x + ½ is rounded: it returns 1 for the largest double
     * below ½, and 2^52 + 2 for 2^52 + 1. Fast path: if y = x + ½ (rounded) satisfies y − ½ == x, then either y is
     * exact (for |y| &lt; 2^53 the subtraction y − ½ is exact, so it gives back x only if y was) or |x| ≥ 2^53, where
     * x is an even integer and y = x; in both cases ⌊y⌋ is the answer. This test is branch-predictable, unlike a
     * comparison of the fractional part with ½, which costs about 3x more on random data. Otherwise the fractional
     * part x − ⌊x⌋ is compared with ½: it is exact except for −½ &lt; x &lt; 0, where it can only round to a value
     * that is still ≥ ½, so the decision is right. The tests compare this with exact decimal arithmetic.
     *
     * @param x any double (NaN and ±∞ are returned unchanged)
     * @return the integer nearest to x, halves rounded towards +∞
     */
    public static double roundHalfUp(double x) {
        double y = x + 0.5;
        if (y - 0.5 == x) {
            return Math.floor(y);
        }
        double f = Math.floor(x);
        return (x - f >= 0.5) ? f + 1.0 : f;
    }
}

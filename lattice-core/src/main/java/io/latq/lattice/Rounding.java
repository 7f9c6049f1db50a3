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
     * r(x) = ⌊x + ½⌋, evaluated without the rounding error of the literal formula: {@code Math.floor(x + 0.5)}
     * returns 1 for the largest double below ½ because x + ½ rounds up to 1. Here the fractional part x − ⌊x⌋ is
     * compared with ½ instead; it is exact except for −½ &lt; x &lt; 0, where it only rounds to a value that is
     * still ≥ ½, so the decision is always the exact one.
     *
     * @param x any finite double (non-finite input gives a non-finite result)
     * @return the integer nearest to x, halves rounded towards +∞
     */
    public static double roundHalfUp(double x) {
        double f = Math.floor(x);
        return (x - f >= 0.5) ? f + 1.0 : f;
    }
}

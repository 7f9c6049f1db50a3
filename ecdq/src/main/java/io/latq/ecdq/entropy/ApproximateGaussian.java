package io.latq.ecdq.entropy;

/**
 * Fast approximations of the standard normal CDF Φ and of its inverse, used only to <em>guess</em> a symbol before
 * the exact integer frequencies confirm it (see {@link DiscretizedGaussianModel#symbolForCumulative}); their values
 * never reach a file, so they need not be bit-reproducible.
 *
 * <p>{@link #cdf}: piecewise cubic Hermite interpolation of Φ on the grid z_k = −{@value #Z_MAX} + k/{@value
 * #STEPS_PER_UNIT}, using the tabulated values Φ(z_k) and slopes φ(z_k). The interpolation error is at most
 * h⁴/384 · max|Φ⁽⁴⁾| ≈ 6e−11 for h = 1/64 (|Φ⁽⁴⁾| = |φ'''| ≤ 1.4), i.e. about 4e−6 of one frequency unit of 2^16.
 * Outside ±Z_MAX it returns 0 or 1 (the true tail there is below 1e−19).
 *
 * <p>{@link #quantile}: linear interpolation of Φ⁻¹ tabulated at p = k/{@value #QUANTILE_STEPS}; NaN outside
 * [1/QUANTILE_STEPS, 1 − 1/QUANTILE_STEPS], where the caller falls back to a search with {@link #cdf}. The error is
 * below 1e−4 for |z| ≤ 2.3 and about 0.03 at the ends of the table (|z| ≈ 3.5), where Φ⁻¹ curves most.
 */
final class ApproximateGaussian {
    /** Half-width of the tabulated range, in standard deviations. */
    static final double Z_MAX = 9.0;
    /** Grid points per unit of z. */
    static final int STEPS_PER_UNIT = 64;

    private static final double H = 1.0 / STEPS_PER_UNIT;
    private static final int NODES = (int) (2 * Z_MAX * STEPS_PER_UNIT) + 1;
    private static final double[] PHI = new double[NODES];
    /** φ(z_k)·h: the slope in units of the grid step, as the Hermite basis needs it. */
    private static final double[] SLOPE = new double[NODES];

    /** Number of intervals of the quantile table over p ∈ [0, 1]. */
    static final int QUANTILE_STEPS = 4096;
    /** Φ⁻¹(k/QUANTILE_STEPS), k = 0..QUANTILE_STEPS (the two ends are unused). */
    private static final double[] QUANTILE = new double[QUANTILE_STEPS + 1];

    static {
        for (int k = 0; k < NODES; k++) {
            double z = -Z_MAX + k * H;
            PHI[k] = StrictGaussian.cdf(z);
            SLOPE[k] = H * StrictMath.exp(-0.5 * z * z) * 0.3989422804014327; // φ(z)·h, 1/√(2π)
        }
        for (int k = 1; k < QUANTILE_STEPS; k++) {
            double p = (double) k / QUANTILE_STEPS;
            double lo = -Z_MAX;
            double hi = Z_MAX;
            for (int it = 0; it < 60; it++) { // bisection on cdf, to well below the interpolation error
                double mid = 0.5 * (lo + hi);
                if (cdf(mid) < p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            QUANTILE[k] = 0.5 * (lo + hi);
        }
        QUANTILE[0] = Double.NaN;
        QUANTILE[QUANTILE_STEPS] = Double.NaN;
    }

    private ApproximateGaussian() {
    }

    /** Φ⁻¹(p) to about 1e−4 in the body (0.03 at the table's ends); NaN when p is outside the table. */
    static double quantile(double p) {
        double u = p * QUANTILE_STEPS;
        if (!(u >= 1 && u <= QUANTILE_STEPS - 1)) {
            return Double.NaN;
        }
        int k = (int) u;
        if (k == QUANTILE_STEPS - 1) {
            return QUANTILE[k];
        }
        double f = u - k;
        return QUANTILE[k] + f * (QUANTILE[k + 1] - QUANTILE[k]);
    }

    /** Φ(z) to about 1e−10 absolute. */
    static double cdf(double z) {
        double u = (z + Z_MAX) * STEPS_PER_UNIT;
        if (!(u > 0)) {
            return 0.0; // also for NaN, which the callers never pass
        }
        if (u >= NODES - 1) {
            return 1.0;
        }
        int k = (int) u;
        double s = u - k;
        double s2 = s * s;
        double s3 = s2 * s;
        // cubic Hermite basis on [z_k, z_k+1] with s in [0, 1)
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = s3 - 2 * s2 + s;
        double h01 = 3 * s2 - 2 * s3;
        double h11 = s3 - s2;
        return h00 * PHI[k] + h10 * SLOPE[k] + h01 * PHI[k + 1] + h11 * SLOPE[k + 1];
    }
}

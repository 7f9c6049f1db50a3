package io.latq.polarlattice;

import io.latq.nsm.NsmResult;

/**
 * Fits the finite-length scaling of the NSM gap, G(N) − 1/(2πe) ≈ c·N^(−1/μ), by weighted least squares on
 * y = ln(G − 1/(2πe)) against x = ln N. Each point's weight is 1/σ_y² with σ_y = stderr(G)/(G − 1/(2πe)) (the delta
 * method). The slope b = −1/μ has standard error √(S/Δ) (S = Σw, Δ = S·Σw·x² − (Σw·x)²); when the reduced χ²
 * exceeds 1 the error is inflated by √χ²_red, so scatter beyond the error bars widens it. μ = −1/b with
 * se(μ) = se(b)/b² (delta method).
 *
 * @param mu         the scaling exponent μ
 * @param muStderr   its standard error
 * @param slope      b = −1/μ
 * @param slopeStderr standard error of b (inflated as described)
 * @param intercept  a = ln c
 * @param chi2Reduced reduced χ² of the fit (NaN with fewer than 3 points)
 * @param points     number of points used
 */
public record GapScalingFit(double mu, double muStderr, double slope, double slopeStderr, double intercept,
                            double chi2Reduced, int points) {

    /**
     * Fits the points (n[k], g[k] ± se[k]); points with g ≤ 1/(2πe) or se ≤ 0 are skipped.
     *
     * @throws IllegalArgumentException with fewer than two usable points or a single N
     */
    public static GapScalingFit fit(int[] n, double[] g, double[] se) {
        double s = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int k = 0;
        double[] xs = new double[n.length];
        double[] ys = new double[n.length];
        double[] ws = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            double gap = g[i] - NsmResult.SPHERE_BOUND;
            if (!(gap > 0) || !(se[i] > 0)) {
                continue;
            }
            double x = StrictMath.log(n[i]);
            double y = StrictMath.log(gap);
            double sy1 = se[i] / gap;
            double w = 1 / (sy1 * sy1);
            xs[k] = x;
            ys[k] = y;
            ws[k] = w;
            k++;
            s += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
        }
        double delta = s * sxx - sx * sx;
        if (k < 2 || !(delta > 0)) {
            throw new IllegalArgumentException("the scaling fit needs at least two points above 1/(2*pi*e) at "
                    + "different N");
        }
        double b = (s * sxy - sx * sy) / delta;
        double a = (sxx * sy - sx * sxy) / delta;
        double seB = Math.sqrt(s / delta);
        double chi2 = Double.NaN;
        if (k > 2) {
            double c = 0;
            for (int i = 0; i < k; i++) {
                double r = ys[i] - (a + b * xs[i]);
                c += ws[i] * r * r;
            }
            chi2 = c / (k - 2);
            if (chi2 > 1) {
                seB *= Math.sqrt(chi2);
            }
        }
        double mu = -1 / b;
        return new GapScalingFit(mu, seB / (b * b), b, seB, a, chi2, k);
    }

    /** The fitted G at N: 1/(2πe) + e^a·N^b. */
    public double predict(double n) {
        return NsmResult.SPHERE_BOUND + StrictMath.exp(intercept + slope * StrictMath.log(n));
    }
}

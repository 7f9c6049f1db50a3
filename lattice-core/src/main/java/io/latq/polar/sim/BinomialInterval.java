package io.latq.polar.sim;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Two-sided confidence intervals for a binomial proportion k/n.
 */
public final class BinomialInterval {

    private static final double Z95 = 1.959963984540054;

    private final double lower;
    private final double upper;

    private BinomialInterval(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** Lower end. */
    public double lower() {
        return lower;
    }

    /** Upper end. */
    public double upper() {
        return upper;
    }

    /** Wilson score interval at 95% (Wilson 1927). */
    public static BinomialInterval wilson95(long k, long n) {
        check(k, n);
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new BinomialInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Clopper–Pearson ("exact") interval at 95%: Beta(α/2; k, n−k+1) and Beta(1−α/2; k+1, n−k) quantiles.
     * Conservative: its coverage is at least 95% for every p.
     */
    public static BinomialInterval clopperPearson95(long k, long n) {
        check(k, n);
        double lo = k == 0 ? 0.0 : new BetaDistribution(null, k, n - k + 1.0).inverseCumulativeProbability(0.025);
        double hi = k == n ? 1.0 : new BetaDistribution(null, k + 1.0, n - k).inverseCumulativeProbability(0.975);
        return new BinomialInterval(lo, hi);
    }

    private static void check(long k, long n) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k=" + k + ", n=" + n);
        }
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}

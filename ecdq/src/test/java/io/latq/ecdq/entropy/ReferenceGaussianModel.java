package io.latq.ecdq.entropy;

/**
 * Test oracle: the discretized Gaussian model written as plainly as its definition (docs/ecdq.md), with no
 * shortcuts, no memo and a binary search over the exact cumulative frequencies. This is the model as it was before
 * the speed-ups; {@link DiscretizedGaussianModel} must return the same integers for every input.
 */
final class ReferenceGaussianModel implements EntropyModel {
    private long k0;
    private int m;
    private long r;
    private double mu;
    private double invT;
    private long f0;
    private int cumM;

    void configure(double mu, double t) {
        double hd = Math.ceil(DiscretizedGaussianModel.WINDOW_SIGMAS * t);
        int h = hd >= DiscretizedGaussianModel.MAX_HALF_WIDTH ? DiscretizedGaussianModel.MAX_HALF_WIDTH
                : Math.max(1, (int) hd);
        this.k0 = (long) Math.floor(mu + 0.5) - h;
        this.m = 2 * h + 1;
        this.r = TOTAL - m - 1;
        this.mu = mu;
        this.invT = 1.0 / t;
        this.f0 = quantizedCdf(0);
        this.cumM = (int) (quantizedCdf(m) - f0 + m);
    }

    long windowStart() {
        return k0;
    }

    /** F(ζ_i) by the definition: ⌊Q(−ζ)·R⌋ for ζ &lt; 0, R − ⌊Q(ζ)·R⌋ otherwise. */
    private long quantizedCdf(int i) {
        double z = ((double) (k0 + i) - 0.5 - mu) * invT;
        return definition(z, r);
    }

    static long definition(double z, long r) {
        if (z < 0) {
            return (long) Math.floor(StrictGaussian.upperTail(-z) * r);
        }
        return r - (long) Math.floor(StrictGaussian.upperTail(z) * r);
    }

    @Override
    public int symbolCount() {
        return m + 1;
    }

    @Override
    public int cumulativeFrequency(int symbol) {
        if (symbol == m + 1) {
            return TOTAL;
        }
        if (symbol == m) {
            return cumM;
        }
        return (int) (quantizedCdf(symbol) - f0 + symbol);
    }

    @Override
    public int symbolForCumulative(int cum) {
        if (cum >= cumM) {
            return m;
        }
        int lo = 0;
        int hi = m; // invariant: cum(lo) ≤ cum < cum(hi)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeFrequency(mid) <= cum) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

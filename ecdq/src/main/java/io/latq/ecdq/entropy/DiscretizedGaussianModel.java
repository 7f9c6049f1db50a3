package io.latq.ecdq.entropy;

/**
 * A Gaussian N(μ, t²) discretized onto the unit cells [k − ½, k + ½) of the integers, restricted to a window of
 * M = 2H + 1 integers around μ plus one escape symbol, with integer frequencies totalling 2^16.
 *
 * <p>Units: μ and t are measured in cells (for a lattice coordinate with diagonal step B_jj, divide by B_jj).
 * The window is k ∈ [k0, k0 + M) with k0 = round(μ) − H and H = min(⌈{@value #WINDOW_SIGMAS}·t⌉, {@value #MAX_HALF_WIDTH}),
 * H ≥ 1. Symbol i &lt; M stands for k0 + i; symbol M is the escape (the caller then sends the value raw).
 *
 * <p>Frequencies (all integer arithmetic after one double per cell boundary):
 * <pre>
 *   ζ_i   = ((k0 + i) − ½ − μ) · (1/t)                 boundary z-scores, i = 0..M
 *   F(ζ)  = ⌊Q(−ζ)·R⌋        for ζ &lt; 0                   quantized Gaussian CDF, Q = upper tail
 *         = R − ⌊Q(ζ)·R⌋     for ζ ≥ 0
 *   R     = 2^16 − M − 1
 *   cum_i = F(ζ_i) − F(ζ_0) + i                            i = 0..M
 *   escape interval = [cum_M, 2^16)
 * </pre>
 * Each window symbol gets F(ζ_{i+1}) − F(ζ_i) + 1 ≥ 1 and the escape gets at least 1 plus the Gaussian mass outside
 * the window. Using the upper tail on both sides keeps full relative accuracy in both tails, and the two branches
 * meet at F(0) = R/2 (R is even). F is non-decreasing as long as the computed Q is non-increasing between
 * consecutive boundaries; the true relative decrease of Q per boundary step is at least about 0.7/t, which for
 * t ≤ {@value #MAX_SPREAD} dwarfs the &lt;1e−12 relative error of {@link StrictGaussian}.
 *
 * <p>Lookups compute F on demand, so the cost does not grow with the window. Each evaluation of F away from the far
 * tails costs one {@link StrictGaussian} erfc, which dominates the cost of coding, so the model calls it as little as
 * it can without changing any integer it returns:
 * <ul>
 *   <li>F is exactly 0 (or R) for ζ ≤ −{@value #TAIL_CUT} (or ≥ {@value #TAIL_CUT}); this is proved below
 *       ({@link #TAIL_CUT}) and returned without evaluating erfc. It covers the window edges ζ_0 ≤ −6.5 and
 *       ζ_M ≥ 6.5, so {@link #configure} costs no erfc at all when H is not capped.</li>
 *   <li>Boundaries are evaluated in pairs (i, i+1), the two edges of symbol i, with
 *       {@link StrictGaussian#upperTailPair}: the same operations as two single calls, interleaved so that the
 *       processor overlaps them. The pair is remembered, so the encoder's interval [cum_s, cum_{s+1}) and the
 *       decoder's confirmation followed by its interval cost one pair evaluation in all. The encoder goes further:
 *       {@link GaussianIntervalBatch} defers the intervals of many symbols and evaluates them four at a time.</li>
 *   <li>{@link #symbolForCumulative} guesses the symbol from an approximate inverse CDF ({@link ApproximateGaussian}):
 *       it solves Φ(ζ(i))·R − F(ζ_0) + i = c + ½ for a real i (ζ(i) is linear in i) and takes ⌊i⌋. It then confirms
 *       the guess with the exact cum_s and cum_{s+1}, stepping to a neighbour while the guess is off. The answer is
 *       the unique s with cum_s ≤ c &lt; cum_{s+1}, which is what a binary search over the exact values returns
 *       too, so decoding is unchanged by construction; only the number of evaluations drops (from about
 *       log2 M + 2 to 2). The guess misses only when c lies within about one count of an interval edge.</li>
 * </ul>
 * Mutable: {@link #configure} before each coded value. Not thread-safe.
 */
public final class DiscretizedGaussianModel implements GaussianCellModel {
    /** Half-width of the window in standard deviations. Mass outside is about 8e−11. */
    public static final double WINDOW_SIGMAS = 6.5;
    /** Cap on H so that the window never holds more than 4095 symbols (6% of the total). */
    public static final int MAX_HALF_WIDTH = 2047;
    /** Largest spread (in cells) for which the monotonicity argument above is made. */
    public static final double MAX_SPREAD = 1e6;

    /**
     * |ζ| from which F is known to be exactly 0 (ζ &lt; 0) or R (ζ &gt; 0) without evaluating erfc.
     *
     * <p>Proof. For w = |ζ| ≥ 4.5 the tail is computed as 0.5·erfc(x) with x = fl(w/√2) ≥ 3.18 &gt; 2, i.e. by the
     * continued fraction (or as 0 for x &gt; 27.5). There erfc = fl(fl(e·(1/√π))/f) with e = StrictMath.exp(−x²)
     * and f = fl(x + (k/2)/f') evaluated backwards; every term is positive and rounding is monotone, so f ≥ x.
     * StrictMath.exp is within 1 ulp, so the computed erfc ≤ e^(−x²)/(√π·x)·(1 + 1e−15) ≤ 7.2e−6 at x = 3.18, and
     * fl(0.5·erfc·R) ≤ 3.6e−6·65536 &lt; 0.24 &lt; 1: its floor is 0. Hence F = ⌊Q·R⌋ = 0 for ζ ≤ −4.5 and
     * F = R − 0 = R for ζ ≥ 4.5, exactly what the full evaluation returns. (Checked on a grid in the tests.)
     */
    static final double TAIL_CUT = 4.5;

    private long k0;
    private int m;
    private long r;
    private double mu;
    private double invT;
    private double t;
    private double invR; // 1/R, for the guess only
    private long f0;
    private int cumM;
    // the last pair of boundaries evaluated by quantizedCdf (index, value); index −1 = empty; cleared by configure
    private int memoIndexA = -1;
    private long memoValueA;
    private int memoIndexB = -1;
    private long memoValueB;
    private final double[] tails = new double[2];

    /**
     * Sets the distribution to N(mu, t²) in cell units.
     *
     * @throws IllegalArgumentException if t is not in (0, MAX_SPREAD] or mu is not finite or too large
     */
    @Override
    public void configure(double mu, double t) {
        if (!(t > 0 && t <= MAX_SPREAD)) {
            throw new IllegalArgumentException("model spread must be in (0, " + MAX_SPREAD + "] cells, got " + t);
        }
        if (!(Math.abs(mu) < 0x1p52)) {
            throw new IllegalArgumentException("model centre out of range: " + mu);
        }
        double hd = Math.ceil(WINDOW_SIGMAS * t);
        int h = hd >= MAX_HALF_WIDTH ? MAX_HALF_WIDTH : Math.max(1, (int) hd);
        this.k0 = (long) Math.floor(mu + 0.5) - h;
        this.m = 2 * h + 1;
        this.r = TOTAL - m - 1;
        this.mu = mu;
        this.invT = 1.0 / t;
        this.t = t;
        this.invR = 1.0 / r;
        this.memoIndexA = -1;
        this.memoIndexB = -1;
        this.f0 = quantizedCdfOf(boundary(0), r);
        this.cumM = (int) (quantizedCdfOf(boundary(m), r) - f0 + m);
    }

    /** The boundary z-score ζ_i, computed exactly as the format defines it. */
    private double boundary(int i) {
        return ((double) (k0 + i) - 0.5 - mu) * invT;
    }

    /**
     * F(ζ_i) for 0 &lt; i &lt; M. On a miss it evaluates F(ζ_i) and F(ζ_{i+1}) together (both are nearly always
     * needed: they bound symbol i) and remembers both.
     */
    private long quantizedCdf(int i) {
        if (i == memoIndexA) {
            return memoValueA;
        }
        if (i == memoIndexB) {
            return memoValueB;
        }
        double z1 = boundary(i);
        double z2 = boundary(i + 1);
        if (Math.abs(z1) >= TAIL_CUT || Math.abs(z2) >= TAIL_CUT) {
            memoValueA = quantizedCdfOf(z1, r);
            memoValueB = quantizedCdfOf(z2, r);
        } else {
            StrictGaussian.upperTailPair(z1 < 0 ? -z1 : z1, z2 < 0 ? -z2 : z2, tails);
            memoValueA = fromTail(z1, tails[0], r);
            memoValueB = fromTail(z2, tails[1], r);
        }
        memoIndexA = i;
        memoIndexB = i + 1;
        return memoValueA;
    }

    /** F(ζ) from q = Q(|ζ|), as the definition combines them. */
    private static long fromTail(double z, double q, long r) {
        if (z < 0) {
            return (long) Math.floor(q * r);
        }
        return r - (long) Math.floor(q * r);
    }

    /** F(ζ) for the given R: the definition, with the exact shortcut of {@link #TAIL_CUT} for the far tails. */
    static long quantizedCdfOf(double z, long r) {
        if (z <= -TAIL_CUT) {
            return 0;
        }
        if (z >= TAIL_CUT) {
            return r;
        }
        return fromTail(z, StrictGaussian.upperTail(z < 0 ? -z : z), r);
    }

    /**
     * A guess in [0, M) of the symbol whose interval holds {@code cum}, without erfc: solve
     * Φ(ζ(i))·R − F(ζ_0) + i = cum + ½ for real i by two rounds of i ← (Φ⁻¹((cum + ½ + F(ζ_0) − i)/R)·t + μ + ½ − k0),
     * starting from the window centre (the + i term is a small correction). In the far tails, where the quantile
     * table ends, it binary-searches the approximate cumulative frequencies instead.
     */
    int guess(int cum) {
        double offset = mu + 0.5 - (double) k0; // i = ζ·t + offset inverts ζ_i = (k0 + i − ½ − μ)/t
        double i = 0.5 * m;
        for (int round = 0; round < 2; round++) {
            double z = ApproximateGaussian.quantile((cum + 0.5 + f0 - i) * invR);
            if (z != z) {
                return searchApproximate(cum);
            }
            i = z * t + offset;
        }
        return i < 0 ? 0 : i >= m ? m - 1 : (int) i;
    }

    /** The binary search over approximate cumulative frequencies, for guesses in the far tails. */
    private int searchApproximate(int cum) {
        int lo = 0;
        int hi = m;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (approximateCumulative(mid) <= cum) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * cum_e when it needs no erfc (e = 0, e ≥ M, or ζ_e beyond ±{@link #TAIL_CUT}), else −1; for
     * {@link GaussianIntervalBatch}, which evaluates the others as F(ζ_e) + {@link #edgeOffset}(e).
     */
    int knownCumulative(int e) {
        if (e == 0 || e >= m) {
            return cumulativeFrequency(e);
        }
        double z = boundary(e);
        if (Math.abs(z) >= TAIL_CUT) {
            return (int) (quantizedCdfOf(z, r) - f0 + e);
        }
        return -1;
    }

    /** ζ_e, for {@link GaussianIntervalBatch}. */
    double boundaryOf(int e) {
        return boundary(e);
    }

    /** R, for {@link GaussianIntervalBatch}. */
    long tailScale() {
        return r;
    }

    /** cum_e − F(ζ_e) = e − F(ζ_0), for {@link GaussianIntervalBatch}. */
    long edgeOffset(int e) {
        return e - f0;
    }

    /** F(ζ) from q = Q(|ζ|), for {@link GaussianIntervalBatch}; the same combination as {@link #quantizedCdfOf}. */
    static long quantizedCdfFromTail(double z, double q, long r) {
        return fromTail(z, q, r);
    }

    /** A cheap approximation of cum_i (not bit-exact), to guess a symbol. */
    private double approximateCumulative(int i) {
        return ApproximateGaussian.cdf(boundary(i)) * r - f0 + i;
    }

    /** The smallest integer in the window (symbol 0). */
    @Override
    public long windowStart() {
        return k0;
    }

    /** The number M of window symbols; symbol M is the escape. */
    public int windowSize() {
        return m;
    }

    /** The escape symbol index, {@code windowSize()}. */
    @Override
    public int escapeSymbol() {
        return m;
    }

    /** The symbol for integer k: k − k0 inside the window, otherwise the escape symbol. */
    @Override
    public int symbolOf(long k) {
        long i = k - k0;
        return i >= 0 && i < m ? (int) i : m;
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
        if (symbol == 0) {
            return 0;
        }
        return (int) (quantizedCdf(symbol) - f0 + symbol);
    }

    @Override
    public int symbolForCumulative(int cum) {
        if (cum >= cumM) {
            return m;
        }
        int s = guess(cum);
        // confirm with the exact values; cum(0) = 0 ≤ cum < cumM = cum(m) bounds the steps
        while (cumulativeFrequency(s) > cum) {
            s--;
        }
        while (cumulativeFrequency(s + 1) <= cum) {
            s++;
        }
        return s;
    }
}

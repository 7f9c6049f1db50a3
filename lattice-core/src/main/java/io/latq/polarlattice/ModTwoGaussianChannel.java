package io.latq.polarlattice;

import io.latq.polar.construct.LlrDensity;
import io.latq.polar.construct.LlrSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The level channel of a polar lattice: the binary-input channel b ↦ y = b + 2k + s·Z folded modulo 2, with Z
 * standard normal. Level i of a Construction D lattice at test-channel noise σ sees it with s = σ/2^(i−1)
 * (see docs/polar-lattices.md).
 *
 * <p><b>LLR.</b> With the convention LLR = log P(b=0|y)/P(b=1|y) and equiprobable b,
 * <pre>  L(y) = log Σ_k φ_s(y − 2k) − log Σ_k φ_s(y − 1 − 2k).</pre>
 * Write a = |y − 2·round(y/2)| ∈ [0,1], the distance from y to the nearest even integer. The even points lie at
 * distances a, 2−a, 2+a, 4−a, … and the odd ones at 1−a, 1+a, 3−a, 3+a, …, so L depends on a only and
 * L(1−a) = −L(a). latq evaluates h(a) for a &lt; ½ and uses L = −h(1−a) for a &gt; ½, which makes the antisymmetry
 * L(y+1) = −L(y) exact in floating point (a and 1 − a are both computed exactly); the polar-lattice quantizer needs
 * it for exact translation invariance. The tie a = ½ is resolved as round-half-up does (see {@link #llr}).
 * All transcendental functions are StrictMath, so values are identical on every JVM.
 *
 * <p><b>Truncation.</b> Each sum keeps the points within distance {@code reach = 2 + s·√(2·ln 2^60)} of y. The
 * first omitted term is below 2^−60 of the largest kept term (which is at least exp(−1/(2s²)) relative to a term at
 * distance ≤ 1), and the omitted terms fall off faster than a geometric series of ratio exp(−2·reach/s²) &lt; ½, so
 * the relative error of each sum is below 2^−59 and |ΔL| &lt; 2^−58 (tested against a much longer sum).
 */
public final class ModTwoGaussianChannel {
    private final double s;
    private final double inv2s2;
    private final int terms;

    /** @param s the noise standard deviation, &gt; 0 */
    public ModTwoGaussianChannel(double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("noise standard deviation must be positive and finite, got " + s);
        }
        this.s = s;
        this.inv2s2 = 1.0 / (2 * s * s);
        double reach = 2 + s * StrictMath.sqrt(2 * 60 * StrictMath.log(2));
        this.terms = (int) Math.ceil(reach / 2) + 1;
    }

    /** The noise standard deviation s. */
    public double sigma() {
        return s;
    }

    /**
     * L(y) = log P(b=0|y)/P(b=1|y); see the class comment. At the exact ties y ≡ ±½ (mod 2), where L = 0, it returns
     * ∓{@link Double#MIN_VALUE} instead: the sign that round-half-up picks (2k + ½ rounds to the odd 2k + 1, 2k − ½ to
     * the even 2k). This keeps L(y+1) = −L(y) exact at the ties too, so a hard decision on L never breaks the
     * quantizer's translation invariance there.
     */
    public double llr(double y) {
        double d = y - 2 * Math.floor(y * 0.5 + 0.5);
        double a = Math.abs(d);
        if (a < 0.5) {
            return h(a);
        }
        if (a > 0.5) {
            return -h(1 - a);
        }
        return tie(d);
    }

    /** The tie value at |y − 2·round(y/2)| = ½, with d = y − 2·⌊y/2 + ½⌋ ∈ {−½, ½}. */
    static double tie(double d) {
        return d > 0 ? -Double.MIN_VALUE : Double.MIN_VALUE;
    }

    /**
     * h(a) = log Σ_k exp(−(a−2k)²/2s²) − log Σ_k exp(−(a−1−2k)²/2s²) for a ∈ [0, ½], computed relative to the
     * largest term of each sum (a for the even sum, 1−a for the odd one) so nothing under- or overflows.
     */
    double h(double a) {
        double even = 0;
        double odd = 0;
        double e0 = a * a;
        double o0 = (1 - a) * (1 - a);
        for (int k = -terms; k <= terms; k++) {
            double de = a - 2.0 * k;
            double dOdd = a - 1 - 2.0 * k;
            even += StrictMath.exp(-(de * de - e0) * inv2s2);
            odd += StrictMath.exp(-(dOdd * dOdd - o0) * inv2s2);
        }
        return StrictMath.log(even) - StrictMath.log(odd) + (o0 - e0) * inv2s2;
    }

    /**
     * h'(a), the derivative of {@link #h}: the weighted mean of −(a − p)/s² over the even points p minus the same over
     * the odd points, with weights exp(−(a − p)²/2s²) (computed relative to the largest term, as in h).
     */
    double dh(double a) {
        double even = 0;
        double evenD = 0;
        double odd = 0;
        double oddD = 0;
        double e0 = a * a;
        double o0 = (1 - a) * (1 - a);
        for (int k = -terms; k <= terms; k++) {
            double de = a - 2.0 * k;
            double dOdd = a - 1 - 2.0 * k;
            double we = StrictMath.exp(-(de * de - e0) * inv2s2);
            double wo = StrictMath.exp(-(dOdd * dOdd - o0) * inv2s2);
            even += we;
            evenD += we * de;
            odd += wo;
            oddD += wo * dOdd;
        }
        return -2 * inv2s2 * (evenD / even - oddD / odd);
    }

    /** The density of y ∈ [−1, 1) given b = 0: Σ_k φ_s(y − 2k). */
    public double density0(double y) {
        double sum = 0;
        double norm = 1 / (s * StrictMath.sqrt(2 * Math.PI));
        for (int k = -terms - 1; k <= terms + 1; k++) {
            double d = y - 2.0 * k;
            sum += StrictMath.exp(-d * d * inv2s2);
        }
        return sum * norm;
    }

    /**
     * The symmetric capacity C = 1 − E[log2(1 + e^(−L))] given b = 0, in bits per channel use, by composite Simpson
     * integration over one period with {@code intervals} panels (the integrand is smooth and periodic, so the
     * error falls quickly; 4096 panels give about 1e-12).
     */
    public double capacity(int intervals) {
        if (intervals < 2 || intervals % 2 != 0) {
            throw new IllegalArgumentException("intervals must be even and at least 2");
        }
        double hgt = 2.0 / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double y = -1 + i * hgt;
            double f = density0(y) * log2OnePlusExpNeg(llr(y));
            double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f;
        }
        return 1 - sum * hgt / 3;
    }

    /** Capacity with the default resolution. */
    public double capacity() {
        return capacity(4096);
    }

    /**
     * The LLR at distance a ∈ [0, 1] from the nearest even integer: h(a) for a &lt; ½, −h(1 − a) for a &gt; ½, 0 at ½.
     * Strictly decreasing in a.
     */
    double llrAtDistance(double a) {
        if (a < 0.5) {
            return h(a);
        }
        return a > 0.5 ? -h(1 - a) : 0.0;
    }

    /**
     * The distance a*(v) ∈ [0, 1] with L(a) &gt; v exactly for a &lt; a*(v) (L decreases in a): 0 if v ≥ L(0), 1 if
     * v &lt; L(1) = −L(0), otherwise the root of L(a) = v, by Newton steps kept inside a bisection bracket until the
     * bracket is below 1e-15.
     */
    double distanceAtLlr(double v) {
        double top = h(0);
        if (v >= top) {
            return 0.0;
        }
        if (v < -top) {
            return 1.0;
        }
        double lo = 0;
        double hi = 1;
        double a = 0.5;
        for (int it = 0; it < 200 && hi - lo > 1e-15; it++) {
            double f = llrAtDistance(a) - v;
            if (f > 0) {
                lo = a;
            } else if (f < 0) {
                hi = a;
            } else {
                return a;
            }
            double slope = a < 0.5 ? dh(a) : dh(1 - a); // dL/da, negative
            double next = slope < 0 ? a - f / slope : Double.NaN;
            a = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return a;
    }

    /**
     * P(a1 ≤ A &lt; a2) for the folded distance A = |Y − 2·round(Y/2)| of Y ~ N(0, s²), summed interval by interval
     * over the same window of k as the LLR (each term from erfc on its own tail, so small masses keep their precision).
     */
    double foldedProbability(double a1, double a2) {
        if (!(a2 > a1)) {
            return 0.0;
        }
        double p = 0;
        for (int k = -terms - 1; k <= terms + 1; k++) {
            double c = 2.0 * k;
            p += LlrDensity.normalProbability((c + a1) / s, (c + a2) / s);
            p += LlrDensity.normalProbability((c - a2) / s, (c - a1) / s);
        }
        return p;
    }

    /**
     * The distribution of L(Y) given b = 0, for the Tal–Vardy construction: P(lo &lt; L ≤ hi) = P(a*(hi) ≤ A &lt;
     * a*(lo)) since L decreases in the distance A (see {@link #distanceAtLlr}, {@link #foldedProbability}). Exact up
     * to the bisection and the truncation bound of the class comment.
     */
    public LlrDensity llrDensity() {
        // the Tal–Vardy binning asks for the same edges several times: remember the inversions
        java.util.Map<Double, Double> memo = new java.util.concurrent.ConcurrentHashMap<>();
        return (lo, hi) -> {
            if (!(lo < hi)) {
                return 0.0;
            }
            double aHi = memo.computeIfAbsent(hi, this::distanceAtLlr);
            double aLo = memo.computeIfAbsent(lo, this::distanceAtLlr);
            return foldedProbability(aHi, aLo);
        };
    }

    /** Draws channel LLRs for b = 0: y = s·Z, L(y), for the Monte Carlo construction. */
    public LlrSampler llrSampler() {
        return (rng, out) -> {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < out.length; i++) {
                out[i] = llr(s * g.sample());
            }
        };
    }

    /** log2(1 + e^(−l)), stable for large |l|. */
    static double log2OnePlusExpNeg(double l) {
        if (l > 0) {
            return StrictMath.log1p(StrictMath.exp(-l)) / StrictMath.log(2);
        }
        return (-l + StrictMath.log1p(StrictMath.exp(l))) / StrictMath.log(2);
    }
}

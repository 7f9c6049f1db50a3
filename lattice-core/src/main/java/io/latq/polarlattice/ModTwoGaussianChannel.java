package io.latq.polarlattice;

/**
 * The level channel of a polar lattice: the binary-input channel b ↦ y = b + 2k + s·Z folded modulo 2, with Z
 * standard normal. Level i of a Construction D lattice at test-channel noise σ sees it with s = σ/2^(i−1)
 * (see docs/polar-lattices.md).
 *
 * <p><b>LLR.</b> With the convention LLR = log P(b=0|y)/P(b=1|y) and equiprobable b,
 * <pre>  L(y) = log Σ_k φ_s(y − 2k) − log Σ_k φ_s(y − 1 − 2k).</pre>
 * Write a = |y − 2·round(y/2)| ∈ [0,1], the distance from y to the nearest even integer. The even points lie at
 * distances a, 2−a, 2+a, 4−a, … and the odd ones at 1−a, 1+a, 3−a, 3+a, …, so L depends on a only and
 * L(1−a) = −L(a). latq evaluates h(a) for a ≤ ½ and uses L = −h(1−a) for a > ½, which makes the antisymmetry
 * L(y+1) = −L(y) exact in floating point; the polar-lattice quantizer needs it for exact translation invariance.
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
        double reach = 2 + s * Math.sqrt(2 * 60 * Math.log(2));
        this.terms = (int) Math.ceil(reach / 2) + 1;
    }

    /** The noise standard deviation s. */
    public double sigma() {
        return s;
    }

    /** L(y) = log P(b=0|y)/P(b=1|y); see the class comment. */
    public double llr(double y) {
        double a = Math.abs(y - 2 * Math.floor(y * 0.5 + 0.5));
        if (a <= 0.5) {
            return h(a);
        }
        return -h(1 - a);
    }

    /**
     * h(a) = log Σ_k exp(−(a−2k)²/2s²) − log Σ_k exp(−(a−1−2k)²/2s²) for a ∈ [0, ½], computed relative to the
     * largest term of each sum (a for the even sum, 1−a for the odd one) so nothing under- or overflows.
     */
    private double h(double a) {
        double even = 0;
        double odd = 0;
        double e0 = a * a;
        double o0 = (1 - a) * (1 - a);
        for (int k = -terms; k <= terms; k++) {
            double de = a - 2.0 * k;
            double dOdd = a - 1 - 2.0 * k;
            even += Math.exp(-(de * de - e0) * inv2s2);
            odd += Math.exp(-(dOdd * dOdd - o0) * inv2s2);
        }
        return Math.log(even) - Math.log(odd) + (o0 - e0) * inv2s2;
    }

    /** The density of y ∈ [−1, 1) given b = 0: Σ_k φ_s(y − 2k). */
    public double density0(double y) {
        double sum = 0;
        double norm = 1 / (s * Math.sqrt(2 * Math.PI));
        for (int k = -terms - 1; k <= terms + 1; k++) {
            double d = y - 2.0 * k;
            sum += Math.exp(-d * d * inv2s2);
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

    /** log2(1 + e^(−l)), stable for large |l|. */
    static double log2OnePlusExpNeg(double l) {
        if (l > 0) {
            return Math.log1p(Math.exp(-l)) / Math.log(2);
        }
        return (-l + Math.log1p(Math.exp(l))) / Math.log(2);
    }
}

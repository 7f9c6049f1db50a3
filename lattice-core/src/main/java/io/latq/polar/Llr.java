package io.latq.polar;

/**
 * LLR conventions and the scalar kernels of successive-cancellation decoding.
 *
 * <p>LLR = log P(bit = 0 | y) / P(bit = 1 | y). With BPSK s = 1 − 2x over AWGN of variance σ², LLR = 2y/σ².
 * The hard decision is 1 for LLR &lt; 0 and 0 for LLR ≥ 0: a tie (LLR = ±0) decides 0.
 */
public final class Llr {

    /** Above this argument log1p(exp(−x)) &lt; 2e−22 and is dropped (also skips NaN from ∞ − ∞). */
    private static final double CORRECTION_CUTOFF = 50.0;

    /** Below this smaller magnitude the tanh form is accurate and used; above it the log1p form. */
    private static final double TANH_FORM_LIMIT = 4.0;

    private Llr() {
    }

    /** Hard decision: 1 if llr &lt; 0, else 0 (LLR = 0 decides 0). */
    public static byte hardDecision(double llr) {
        return llr < 0 ? (byte) 1 : (byte) 0;
    }

    /**
     * The LLR-based path-metric increment of deciding {@code bit} against {@code llr}
     * (Balatsoukas-Stimming et al., 2015): |llr| if the bit disagrees with the hard decision, else 0.
     */
    public static double penalty(double llr, int bit) {
        return bit != hardDecision(llr) ? Math.abs(llr) : 0.0;
    }

    /** Min-sum check-node rule: sign(a)·sign(b)·min(|a|, |b|) (a zero counts as positive). */
    public static double minSum(double a, double b) {
        double m = Math.min(Math.abs(a), Math.abs(b));
        return (a < 0) != (b < 0) ? -m : m;
    }

    /**
     * Exact box-plus 2·atanh(tanh(a/2)·tanh(b/2)) computed without overflow or loss of sign.
     *
     * <p>With m = min(|a|,|b|): for m &lt; 4 the tanh product form is used (accurate, no saturation); otherwise
     * the equivalent form m + log1p(e^{−(|a|+|b|)}) − log1p(e^{−||a|−|b||}). The sign is sign(a)·sign(b) and the
     * magnitude is never rounded to zero when both inputs are non-zero, so the sign information is never lost
     * (which keeps the rate-1 rule of Fast-SSC identical to SC). Uses {@link StrictMath} so results are
     * bit-identical on every JVM.
     */
    public static double boxPlus(double a, double b) {
        double absA = Math.abs(a);
        double absB = Math.abs(b);
        double m = Math.min(absA, absB);
        double mag;
        if (m == 0.0) {
            mag = 0.0;
        } else if (m < TANH_FORM_LIMIT) {
            double p = StrictMath.tanh(0.5 * absA) * StrictMath.tanh(0.5 * absB);
            // 2·atanh(p) = log1p(2p / (1 − p)); p < tanh(2) < 1 here because m < 4
            mag = StrictMath.log1p(2.0 * p / (1.0 - p));
            if (mag <= 0.0) {
                mag = Double.MIN_VALUE;
            }
        } else {
            mag = m + correction(absA + absB) - correction(Math.abs(absA - absB));
            if (mag <= 0.0) {
                mag = Double.MIN_VALUE;
            }
        }
        return (a < 0) != (b < 0) ? -mag : mag;
    }

    private static double correction(double x) {
        return x < CORRECTION_CUTOFF ? StrictMath.log1p(StrictMath.exp(-x)) : 0.0;
    }

    /** Variable-node rule g(a, b, v) = b + (1 − 2v)·a for the re-encoded bit v ∈ {0,1}. */
    public static double g(double a, double b, int v) {
        return v == 0 ? b + a : b - a;
    }

    /**
     * −log2 P(bit = 0 | llr) = log2(1 + e^{−llr}): the information loss of a bit whose true value is 0.
     * Infinite LLRs give 0 (for +∞) and +∞ (for −∞).
     */
    public static double entropyTermGivenZero(double llr) {
        if (llr >= 0) {
            return StrictMath.log1p(StrictMath.exp(-llr)) / LN2;
        }
        return (-llr + StrictMath.log1p(StrictMath.exp(llr))) / LN2;
    }

    private static final double LN2 = StrictMath.log(2.0);
}

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

    /** When ||a| − |b|| is at least this, |a ⊞ b| = min(|a|, |b|) to within a relative 2e−17. */
    private static final double FAR_APART = 40.0;

    /** Above this larger magnitude e^{−|x|} could underflow, so the log1p form is used. */
    private static final double LARGE_INPUT = 600.0;

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

    /** Min-sum check-node rule: sign(a)·sign(b)·min(|a|, |b|), with the sign taken from the IEEE sign bits. */
    public static double minSum(double a, double b) {
        double m = Math.min(Math.abs(a), Math.abs(b));
        long sign = (Double.doubleToRawLongBits(a) ^ Double.doubleToRawLongBits(b)) & SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(m) | sign);
    }

    /** The IEEE-754 sign bit. */
    public static final long SIGN_BIT = 0x8000000000000000L;

    /**
     * Exact box-plus 2·atanh(tanh(a/2)·tanh(b/2)) computed without overflow or loss of sign.
     *
     * <p>With A = e^{−|a|} and B = e^{−|b|}, the magnitude is ln((1 + AB)/(A + B)) = log1p((1 − A)(1 − B)/(A + B)).
     * 1 − A and A are each obtained from one call (expm1 for |a| &lt; 1, exp above), so small inputs keep their
     * relative precision. When the inputs are 40 or more apart the result is min(|a|, |b|) to double precision and is
     * returned directly. When the larger input exceeds 600 (A or B would underflow) the equivalent form
     * m + log1p(e^{−(|a|+|b|)}) − log1p(e^{−||a|−|b||}) is used, m = min(|a|, |b|). The sign is that of the product
     * of the IEEE sign bits, and the magnitude is never rounded to zero when both inputs are non-zero, so the sign
     * information is never lost (which keeps the rate-1 rule of Fast-SSC identical to SC). Uses
     * {@link DeterministicMath} so results are bit-identical on every JVM.
     */
    public static double boxPlus(double a, double b) {
        double absA = Math.abs(a);
        double absB = Math.abs(b);
        double m = Math.min(absA, absB);
        double big = Math.max(absA, absB);
        double mag;
        if (m == 0.0) {
            mag = 0.0;
        } else if (big - m >= FAR_APART) {
            // the exact value is m·(1 − O(e^{−(big − m)})): equal to m in double precision (covers big = ∞)
            mag = m;
        } else if (big < LARGE_INPUT) {
            double ea;
            double eam1; // e^{−|a|} and 1 − e^{−|a|}
            if (absA < 1.0) {
                eam1 = -DeterministicMath.expm1(-absA);
                ea = 1.0 - eam1;
            } else {
                ea = DeterministicMath.exp(-absA);
                eam1 = 1.0 - ea;
            }
            double eb;
            double ebm1;
            if (absB < 1.0) {
                ebm1 = -DeterministicMath.expm1(-absB);
                eb = 1.0 - ebm1;
            } else {
                eb = DeterministicMath.exp(-absB);
                ebm1 = 1.0 - eb;
            }
            mag = DeterministicMath.log1p(eam1 * ebm1 / (ea + eb));
        } else {
            mag = m + correction(absA + absB) - correction(Math.abs(absA - absB));
        }
        if (!(mag > 0.0) && m > 0.0) {
            mag = Double.MIN_VALUE;
        }
        long sign = (Double.doubleToRawLongBits(a) ^ Double.doubleToRawLongBits(b)) & SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(mag) | sign);
    }

    private static double correction(double x) {
        return x < CORRECTION_CUTOFF ? DeterministicMath.log1p(DeterministicMath.exp(-x)) : 0.0;
    }

    /** Variable-node rule g(a, b, v) = b + (1 − 2v)·a for the re-encoded bit v ∈ {0,1}. */
    public static double g(double a, double b, int v) {
        return b + Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ ((long) v << 63));
    }

    /**
     * −log2 P(bit = 0 | llr) = log2(1 + e^{−llr}): the information loss of a bit whose true value is 0.
     * Infinite LLRs give 0 (for +∞) and +∞ (for −∞).
     */
    public static double entropyTermGivenZero(double llr) {
        if (llr >= 0) {
            return DeterministicMath.log1p(DeterministicMath.exp(-llr)) / LN2;
        }
        return (-llr + DeterministicMath.log1p(DeterministicMath.exp(llr))) / LN2;
    }

    private static final double LN2 = 0.6931471805599453;
}

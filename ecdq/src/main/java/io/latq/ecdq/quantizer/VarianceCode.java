package io.latq.ecdq.quantizer;

/**
 * The one-byte code of a cell variance relative to the water level θ (see docs/transform.md, "Cell variances").
 *
 * <p>Code 0 means v ≤ θ: the cell lies under the water and is not coded (its coefficients decode to 0). Code
 * q ∈ 1..255 stands for v_q = θ·2^(q/4), i.e. quarter-octave steps (0.75 dB) from θ·2^(1/4) to θ·2^63.75. The encoder
 * rounds log2(v/θ) to the nearest quarter and clamps to [1, 255]; the decoder only ever evaluates
 * {@link #variance}, which is exact: 2^(q/4) = 2^⌊q/4⌋ · 2^((q mod 4)/4) with the four fractional powers taken from
 * StrictMath once, so every JVM computes the same double.
 */
public final class VarianceCode {
    /** 2^(j/4), j = 0..3, from StrictMath (fdlibm): the same bits on every JVM. */
    private static final double[] QUARTER = {1.0, StrictMath.pow(2, 0.25), StrictMath.pow(2, 0.5),
            StrictMath.pow(2, 0.75)};
    public static final int MAX_CODE = 255;

    private VarianceCode() {
    }

    /** The variance v_q = θ·2^(q/4) that code q ≥ 1 stands for (0 for q = 0). */
    public static double variance(int q, double theta) {
        if (q == 0) {
            return 0;
        }
        return Math.scalb(theta * QUARTER[q & 3], q >> 2);
    }

    /**
     * The code of variance v at water level θ: 0 if v ≤ θ, else round(4·log2(v/θ)) clamped to [1, 255].
     * Deterministic: StrictMath.log, and ties are settled by comparing against the exact code values.
     */
    public static int code(double v, double theta) {
        if (!(v > theta)) {
            return 0;
        }
        double ratio = v / theta;
        if (!(ratio < Double.POSITIVE_INFINITY)) {
            return MAX_CODE;
        }
        double l = 4 * StrictMath.log(ratio) / StrictMath.log(2);
        long q = Math.round(l);
        return (int) Math.max(1, Math.min(MAX_CODE, q));
    }
}

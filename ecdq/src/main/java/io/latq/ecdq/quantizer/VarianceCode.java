package io.latq.ecdq.quantizer;

/**
 * The one-byte code of a cell variance relative to the water level θ (docs/transform.md, "Cell variances").
 *
 * <p>Code 0 means v ≤ θ: the cell lies under the water and is not coded (its coefficients decode to 0). Code
 * q ∈ 1..255 stands for v_q = θ·2^(q/4): quarter-octave steps (0.75 dB) from θ·2^(1/4) to θ·2^63.75, which covers
 * cells up to 190 dB above the water; larger ones are clamped (still decodable, coded less efficiently). The encoder
 * picks the code nearest in the log domain by comparing the mantissa of v/θ with the exact midpoints 2^((f+½)/4)
 * (no logarithm is evaluated); the decoder evaluates 2^(q/4) = 2^⌊q/4⌋·2^((q mod 4)/4) from correctly rounded
 * constants, so a decoder in any language gets the same doubles.
 */
public final class VarianceCode {
    /** 2^(f/4), f = 0..3, correctly rounded. */
    static final double[] QUARTER = {1.0, 0x1.306fe0a31b715p0, 0x1.6a09e667f3bcdp0, 0x1.ae89f995ad3adp0};
    /** 2^((f + ½)/4), f = 0..3, correctly rounded: the rounding thresholds between codes. */
    static final double[] MID = {0x1.172b83c7d517bp0, 0x1.4bfdad5362a27p0, 0x1.8ace5422aa0dbp0, 0x1.d5818dcfba487p0};
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

    /** The code of variance v at water level θ &gt; 0: 0 if v ≤ θ, else the nearest quarter octave in [1, 255]. */
    public static int code(double v, double theta) {
        if (!(v > theta)) {
            return 0;
        }
        double ratio = v / theta;
        if (!(ratio < Double.POSITIVE_INFINITY) || !(ratio <= 0x1p64)) {
            return MAX_CODE;
        }
        int e = Math.getExponent(ratio);
        double m = Math.scalb(ratio, -e); // [1, 2)
        int f = 0;
        while (f < 4 && m >= MID[f]) {
            f++;
        }
        int q = 4 * e + f;
        return Math.max(1, Math.min(MAX_CODE, q));
    }
}

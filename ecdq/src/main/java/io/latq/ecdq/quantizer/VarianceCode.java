package io.latq.ecdq.quantizer;

/**
 * The one-byte code of a cell variance relative to the water level θ (docs/transform.md, "Cell variances").
 *
 * <ul>
 *   <li>Code 0: v ≤ θ, the cell is under water, not coded, and decodes to 0.</li>
 *   <li>Codes 1..64: v_q = θ·2^(q/16), sixteenth-octave steps (0.19 dB) up to 2^4 = 12 dB above the water. Near the
 *       water the relative error ε of the code moves the cell's distortion by θ·ε·θ/v, so fine steps keep the MSE
 *       on target at low rates.</li>
 *   <li>Codes 65..255: v_q = θ·2^(4 + (q − 64)/4), quarter-octave steps (0.75 dB) up to θ·2^51.75 (155 dB above the
 *       water), where the distortion no longer depends on ε. Larger cells are clamped (coded less efficiently, never
 *       wrongly).</li>
 * </ul>
 * The encoder picks the nearest code in the log domain by comparing the mantissa of v/θ with exact midpoints (no
 * logarithm); the decoder evaluates 2^(x) = 2^⌊x⌋·2^(frac x) from correctly rounded constants, so a decoder in any
 * language gets the same doubles.
 */
public final class VarianceCode {
    /** 2^(f/16), f = 0..15, correctly rounded (2^(f/4) = T16[4f]). */
    static final double[] T16 = {
        0x1.0000000000000p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
        0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
        0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f090p+0,
        0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0};
    /** 2^((f + ½)/16), f = 0..15, correctly rounded: the rounding thresholds of the fine codes. */
    static final double[] M16 = {
        0x1.059b0d3158574p+0, 0x1.11301d0125b51p+0, 0x1.1d4873168b9aap+0, 0x1.29e9df51fdee1p+0,
        0x1.371a7373aa9cbp+0, 0x1.44e086061892dp+0, 0x1.5342b569d4f82p+0, 0x1.6247eb03a5585p+0,
        0x1.71f75e8ec5f74p+0, 0x1.82589994cce13p+0, 0x1.93737b0cdc5e5p+0, 0x1.a5503b23e255dp+0,
        0x1.b7f76f2fb5e47p+0, 0x1.cb720dcef9069p+0, 0x1.dfc97337b9b5fp+0, 0x1.f50765b6e4540p+0};
    /** The largest fine code (2^4 above the water). */
    public static final int FINE_CODES = 64;
    public static final int MAX_CODE = 255;
    /** 2^(4 + 1/8): below it the fine codes are nearer, above it the coarse ones. */
    private static final double SWITCH = Math.scalb(T16[2], 4);

    private VarianceCode() {
    }

    /** The variance that code q stands for at water level θ (0 for q = 0). */
    public static double variance(int q, double theta) {
        if (q == 0) {
            return 0;
        }
        if (q <= FINE_CODES) {
            return Math.scalb(theta * T16[q & 15], q >> 4);
        }
        int quarters = 16 + (q - FINE_CODES);      // log2(v/θ) in quarter octaves
        return Math.scalb(theta * T16[4 * (quarters & 3)], quarters >> 2);
    }

    /** The code of variance v at water level θ &gt; 0: 0 if v ≤ θ, else the nearest code in the log domain. */
    public static int code(double v, double theta) {
        if (!(v > theta)) {
            return 0;
        }
        double ratio = v / theta;
        if (!(ratio < Double.POSITIVE_INFINITY) || !(ratio <= 0x1p60)) {
            return MAX_CODE;
        }
        int e = Math.getExponent(ratio);
        double m = Math.scalb(ratio, -e); // [1, 2)
        if (ratio < SWITCH) {
            int f = 0;
            while (f < 16 && m >= M16[f]) {
                f++;
            }
            return Math.max(1, Math.min(FINE_CODES, 16 * e + f));
        }
        int f = 0;
        while (f < 4 && m >= T16[4 * f + 2]) {   // 2^((f+½)/4) = 2^((4f+2)/16)
            f++;
        }
        int quarters = 4 * e + f;
        return Math.max(FINE_CODES + 1, Math.min(MAX_CODE, FINE_CODES + quarters - 16));
    }
}

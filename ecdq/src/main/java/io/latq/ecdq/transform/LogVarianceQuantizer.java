package io.latq.ecdq.transform;

/**
 * One-byte log-domain code for a variance relative to a reference variance.
 *
 * <pre>
 *   q = 0          ↦  v = 0 exactly (band absent or silent)
 *   q = 1..255     ↦  v = ref · 2^((q − 192)/4)      (quarter-octave steps, ≈ 0.75 dB; q = 192 is ref itself)
 * </pre>
 * The range is ref·2^−47.75 (q = 1) to ref·2^15.75 (q = 255). Decoding is exact and JVM independent: with
 * q − 192 = 4e + f, f ∈ {0, 1, 2, 3}, v = {@link Math#scalb}(ref · T[f], e) where T[f] = 2^(f/4) is a 4-entry
 * table of literal constants (T[0] = 1); scalb is exact for normal results, so q = 192 + 4e decodes
 * to exactly ref·2^e. The tables are written as hexadecimal literals holding the correctly rounded values
 * (StrictMath.pow(2, 0.75) is 1 ulp above the correctly rounded 2^(3/4)), so a decoder in another language needs no
 * fdlibm to reproduce them; a test checks them against StrictMath to 1 ulp.
 *
 * <p>Encoding rounds in the log domain without calling log: the geometric midpoint between codes q and q + 1 is
 * m_q = ref·2^((q − 192 + ½)/4) = scalb(ref·M[f], e) with M[f] = 2^((f + ½)/4), and v gets the smallest q ∈ 1..254
 * with v &lt; m_q, or 255 (ties go up). Clamping: positive values below the range give 1 (the smallest non-zero code;
 * the caller decides whether a tiny band should be sent as 0), values above it or +∞ give 255, 0 gives 0;
 * negative values and NaN are rejected.
 *
 * <p>The reference must be positive, at least 2^−900 (so every code decodes to a normal double) and small enough
 * that code 255 is finite. Immutable and thread-safe.
 */
public final class LogVarianceQuantizer {
    /** Code of the reference variance itself. */
    public static final int CENTER = 192;
    /** Codes per octave. */
    public static final int STEPS_PER_OCTAVE = 4;
    /** Largest code. */
    public static final int MAX_CODE = 255;

    /** 2^(f/4), f = 0..3, correctly rounded (checked against 60-digit decimal values). */
    static final double[] QUARTER = {1.0, 0x1.306fe0a31b715p0, 0x1.6a09e667f3bcdp0, 0x1.ae89f995ad3adp0};
    /** 2^((f + ½)/4), f = 0..3, correctly rounded. */
    static final double[] MID = {0x1.172b83c7d517bp0, 0x1.4bfdad5362a27p0, 0x1.8ace5422aa0dbp0, 0x1.d5818dcfba487p0};

    private final double ref;

    /** @param reference the variance coded as {@value #CENTER} */
    public LogVarianceQuantizer(double reference) {
        if (!(reference >= 0x1p-900) || !Double.isFinite(decode(MAX_CODE, reference))) {
            throw new IllegalArgumentException("reference variance must be in [2^-900, ~2^1007], got " + reference);
        }
        this.ref = reference;
    }

    public double reference() {
        return ref;
    }

    /** The variance of code q ∈ 0..255. */
    public double dequantize(int q) {
        if (q < 0 || q > MAX_CODE) {
            throw new IllegalArgumentException("code must be in 0.." + MAX_CODE + ", got " + q);
        }
        return decode(q, ref);
    }

    /** The code of a variance ≥ 0 (nearest in the log domain, ties up, clamped to 1..255 for v &gt; 0). */
    public int quantize(double variance) {
        if (!(variance >= 0.0)) {
            throw new IllegalArgumentException("variance must be ≥ 0, got " + variance);
        }
        if (variance == 0.0) {
            return 0;
        }
        int lo = 1;            // answer in [lo, hi]
        int hi = MAX_CODE;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;   // mid ≤ 254
            if (variance < midpoint(mid, ref)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double decode(int q, double ref) {
        if (q == 0) {
            return 0.0;
        }
        int k = q - CENTER;
        int e = Math.floorDiv(k, STEPS_PER_OCTAVE);
        int f = k - STEPS_PER_OCTAVE * e;
        return Math.scalb(ref * QUARTER[f], e);
    }

    /** Geometric midpoint between codes q and q + 1. */
    static double midpoint(int q, double ref) {
        int k = q - CENTER;
        int e = Math.floorDiv(k, STEPS_PER_OCTAVE);
        int f = k - STEPS_PER_OCTAVE * e;
        return Math.scalb(ref * MID[f], e);
    }
}

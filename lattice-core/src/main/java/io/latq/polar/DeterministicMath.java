package io.latq.polar;

/**
 * exp, expm1, log and log1p built from +, −, ×, ÷ only, so they return bit-identical results on every JVM and
 * platform (unlike {@link Math}, whose intrinsics may differ by an ulp) while being much faster than the JNI-backed
 * {@link StrictMath} versions of Java 17. Accuracy: exp, log and log1p within a few ulp over the whole double range;
 * expm1 within about 1e−14 relative (it is e^x − 1 for |x| ≥ 1/16) — far below anything the polar code depends on.
 * Used by the exact box-plus kernel and the Tal–Vardy merge costs.
 */
public final class DeterministicMath {

    private static final double LN2 = 0.6931471805599453;
    private static final double LN2_HI = 6.93147180369123816490e-01; // Cody–Waite split of ln 2
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double SQRT2 = 1.4142135623730951;

    /** 1/j for j = 0..11 (index 0 unused). */
    private static final double[] INV = {0, 1.0, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 7, 1.0 / 8, 1.0 / 9,
        1.0 / 10, 1.0 / 11};

    private DeterministicMath() {
    }

    /** 1/j! for j = 0..17. */
    private static final double[] INV_FACT = new double[18];

    static {
        double f = 1;
        for (int j = 0; j < INV_FACT.length; j++) {
            if (j > 0) {
                f *= j;
            }
            INV_FACT[j] = 1.0 / f;
        }
    }

    /** 2^(j/32) for j = 0..31, from StrictMath (bit-exact by specification). */
    private static final double[] EXP2_TABLE = new double[32];
    private static final double LN2_32_HI = LN2_HI / 32;
    private static final double LN2_32_LO = LN2_LO / 32;

    static {
        for (int j = 0; j < 32; j++) {
            EXP2_TABLE[j] = StrictMath.pow(2.0, j / 32.0);
        }
    }

    /** e^x: x = (32k + j)·ln2/32 + r with |r| ≤ ln2/64, e^x = 2^k · 2^(j/32) · e^r, e^r by a degree-7 Taylor series. */
    public static double exp(double x) {
        if (x != x) {
            return x;
        }
        if (x > 709.782712893384) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -745.1332191019412) {
            return 0.0;
        }
        double nd = Math.rint(x * (32 * INV_LN2));
        int nn = (int) nd;
        double r = (x - nd * LN2_32_HI) - nd * LN2_32_LO; // |r| ≤ 0.0109
        double er = 1 + r * (1 + r * (0.5 + r * (INV_FACT[3] + r * (INV_FACT[4] + r * (INV_FACT[5] + r * (INV_FACT[6]
                + r * INV_FACT[7]))))));
        return scalb2(EXP2_TABLE[nn & 31] * er, nn >> 5);
    }

    /** p·2^k for p in [0.98, 2.02], also when the result is subnormal or just below overflow. */
    private static double scalb2(double p, int k) {
        if (k > 1023) {
            return p * Double.longBitsToDouble((long) (k - 1 + 1023) << 52) * 2.0;
        }
        if (k >= -1022) {
            return p * Double.longBitsToDouble((long) (k + 1023) << 52);
        }
        return p * Double.longBitsToDouble((long) (k + 54 + 1023) << 52) * 0x1p-54;
    }

    /** e^x − 1, accurate for small |x|. */
    public static double expm1(double x) {
        if (x > -0.0625 && x < 0.0625) {
            // x·Σ_{j≥1} x^{j−1}/j! to degree 12 (truncation < 1e−17 relative)
            double s = INV_FACT[12];
            for (int j = 11; j >= 1; j--) {
                s = s * x + INV_FACT[j];
            }
            return x * s;
        }
        return exp(x) - 1;
    }

    /** Natural logarithm; log(0) = −∞, log of a negative number or NaN is NaN. */
    public static double log(double x) {
        if (!(x > 0)) {
            return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        long bits = Double.doubleToRawLongBits(x);
        int k = (int) ((bits >>> 52) & 0x7ff);
        if (k == 0) { // subnormal: scale into the normal range
            bits = Double.doubleToRawLongBits(x * 0x1p54);
            k = (int) ((bits >>> 52) & 0x7ff) - 54;
        }
        k -= 1023;
        double r = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
        if (r > SQRT2) {
            r *= 0.5;
            k++;
        }
        // ln r = 2·atanh(s), s = (r − 1)/(r + 1), |s| ≤ 0.172: odd series to s^21
        double s = (r - 1) / (r + 1);
        double z = s * s;
        double poly = 1 + z * (1.0 / 3 + z * (1.0 / 5 + z * (1.0 / 7 + z * (1.0 / 9 + z * (1.0 / 11 + z * (1.0 / 13
                + z * (1.0 / 15 + z * (1.0 / 17 + z * (1.0 / 19 + z * (1.0 / 21))))))))));
        return k * LN2_HI + (k * LN2_LO + 2 * s * poly);
    }

    /** ln(1 + y) for y ≥ −1, accurate for small |y|. */
    public static double log1p(double y) {
        if (y > -0.01 && y < 0.01) {
            // y·Σ_{j≥1} (−y)^{j−1}/j to degree 11
            double s = INV[11];
            for (int j = 10; j >= 1; j--) {
                s = INV[j] - y * s;
            }
            return y * s;
        }
        double u = 1 + y;
        // the rounding of 1 + y is corrected to first order
        return log(u) - ((u - 1) - y) / u;
    }
}

package io.latq.polarlattice;

import io.latq.polar.Llr;

/**
 * The check-node (f) rule of every SC-type decoder in latq: the polar-lattice quantizers ({@link ScLevelDecoder},
 * {@link io.latq.polar.list.SclCore}) and the polar-code decoders of {@code io.latq.polar.decode} (which used a
 * separate {@code CheckNodeRule} enum with EXACT and MIN_SUM before; this one replaced it), plus the variable-node (g)
 * update that goes with it.
 *
 * <ul>
 *   <li>{@link #EXACT}: the box-plus 2·atanh(tanh(a/2)·tanh(b/2)) of {@link Llr#boxPlus} (StrictMath; the oracle).</li>
 *   <li>{@link #TABULATED}: the same function in the form sign(a)·sign(b)·(m + φ(|a|+|b|) − φ(||a|−|b||)) with
 *       m = min(|a|,|b|) and φ(x) = log(1 + e^(−x)), where φ is a cubic Hermite interpolant on a grid of step 1/16
 *       over [0, 40] (φ(40) &lt; 5e-18 and φ is dropped beyond). The interpolation error of φ is below
 *       max|φ''''|·h⁴/384 ≤ (1/8)·16^(−4)/384 ≈ 5e-9, so the result is within about 1e-8 of the exact box-plus
 *       (tested); it costs a few multiply-adds instead of three transcendental calls. The table is built with
 *       StrictMath and evaluated with plain arithmetic, so results are identical on every JVM.</li>
 *   <li>{@link #MIN_SUM}: sign(a)·sign(b)·min(|a|,|b|).</li>
 * </ul>
 * All three keep the sign sign(a)·sign(b) and never return 0 for non-zero inputs (a magnitude that rounds to 0 is
 * replaced by {@link Double#MIN_VALUE}), which is what makes a rate-1 subtree decodable by hard decisions.
 *
 * <p>Signed zeros: all three take the sign from the IEEE sign bits (sign bit of a XOR sign bit of b), so −0.0 counts
 * as negative: f(−0.0, 3) = −0.0, f(−0.0, −3) = +0.0. (Before the merge the quantizer's enum tested {@code a < 0},
 * treating −0.0 as positive.) A zero magnitude is the only case where this shows, and no decision or metric reads the
 * sign of a zero: hard decisions test {@code λ < 0}, which is false for both zeros, and penalties use |λ|.
 */
public enum CheckNodeKernel {
    EXACT,
    TABULATED,
    MIN_SUM;

    /** The φ grid: cells of width 1/16 over [0, 40). */
    static final double STEP = 1.0 / 16;
    static final double INV_STEP = 16;
    static final double X_MAX = 40;
    static final int CELLS = (int) (X_MAX * INV_STEP);
    /**
     * Per cell: the cubic p(t) = c0 + t(c1 + t(c2 + t·c3)), t ∈ [0,1) the position inside the cell; padded with zero
     * cells from index {@link #CELLS}, so an argument clamped to 40 reads φ = +0.0 exactly without a branch.
     */
    private static final double[] PHI = phiCoefficients(1024);
    private static final int PHI_INDEX_MASK = 1023;

    /**
     * The Hermite coefficients of φ on the grid (4 per cell), in an array of {@code capacityCells} ≥ {@link #CELLS}
     * cells whose cells from {@link #CELLS} on are zero. The one construction of the table: the SC decoder's
     * branch-free copy takes a zero cell at 40 from it.
     */
    static double[] phiCoefficients(int capacityCells) {
        double[] c = new double[4 * capacityCells];
        for (int k = 0; k < CELLS; k++) {
            double x0 = k * STEP;
            double x1 = (k + 1) * STEP;
            double p0 = phiExact(x0);
            double p1 = phiExact(x1);
            // φ'(x) = −1/(1 + e^x), scaled by the cell width for the unit-interval Hermite form
            double m0 = -STEP / (1 + StrictMath.exp(x0));
            double m1 = -STEP / (1 + StrictMath.exp(x1));
            c[4 * k] = p0;
            c[4 * k + 1] = m0;
            c[4 * k + 2] = 3 * (p1 - p0) - 2 * m0 - m1;
            c[4 * k + 3] = 2 * (p0 - p1) + m0 + m1;
        }
        return c;
    }

    static double phiExact(double x) {
        return StrictMath.log1p(StrictMath.exp(-x));
    }

    /**
     * φ(x) = log(1 + e^(−x)) for x ≥ 0 from the table (0 beyond 40), within about 5e-9 of the exact value; also the
     * list quantizer's −log P(hard decision | λ) = φ(|λ|).
     */
    public static double phi(double x) {
        // x ≥ 40 and NaN are clamped to 40, whose zero cell gives +0.0; the clamp is a select that is almost always
        // taken the same way (cheaper here than the Math.min intrinsic, measured)
        double s = (x < X_MAX ? x : X_MAX) * INV_STEP;
        int k = (int) s;
        double t = s - k;
        int o = (k & PHI_INDEX_MASK) << 2; // k ≤ 640 already: the mask only lets the JIT drop the range checks
        return PHI[o] + t * (PHI[o + 1] + t * (PHI[o + 2] + t * PHI[o + 3]));
    }

    /** f(a, b) under this rule. */
    public double apply(double a, double b) {
        switch (this) {
            case EXACT:
                return Llr.boxPlus(a, b);
            case TABULATED:
                return tabulated(a, b);
            default:
                return Llr.minSum(a, b);
        }
    }

    static double tabulated(double a, double b) {
        double absA = Math.abs(a);
        double absB = Math.abs(b);
        double m = Math.min(absA, absB);
        double mag;
        if (m == 0.0) {
            mag = 0.0;
        } else {
            mag = m + phi(absA + absB) - phi(Math.abs(absA - absB));
            if (!(mag > 0.0)) {
                mag = Double.MIN_VALUE;
            }
        }
        long sign = (Double.doubleToRawLongBits(a) ^ Double.doubleToRawLongBits(b)) & Llr.SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(mag) | sign);
    }

    /**
     * {@link #TABULATED}'s f(a, b), bit for bit, in branch-free form for the common case of finite non-zero inputs: the
     * smaller magnitude is an integer minimum of the bit patterns (the same order for non-negative doubles), φ clamps
     * its argument, and the sign is the XOR of the sign bits. Zeros, infinities and NaN go to the plain form.
     */
    static double tabulatedBranchFree(double a, double b) {
        double absA = Math.abs(a);
        double absB = Math.abs(b);
        long minBits = Math.min(Double.doubleToRawLongBits(absA), Double.doubleToRawLongBits(absB));
        double m = Double.longBitsToDouble(minBits);
        if (!(m > 0.0 && absA + absB < Double.POSITIVE_INFINITY)) {
            return tabulated(a, b);
        }
        double mag = m + phi(absA + absB) - phi(Math.abs(absA - absB));
        mag = mag > 0.0 ? mag : Double.MIN_VALUE;
        long sign = (Double.doubleToRawLongBits(a) ^ Double.doubleToRawLongBits(b)) & Llr.SIGN_BIT;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(mag) ^ sign);
    }

    /** out[o+i] = f(in[a+i], in[b+i]) for i in [0, len); the loop is specialised per rule. */
    public void applyAll(double[] in, int a, int b, double[] out, int o, int len) {
        switch (this) {
            case MIN_SUM:
                for (int i = 0; i < len; i++) {
                    double x = in[a + i];
                    double y = in[b + i];
                    // branch-free: random signs would defeat branch prediction
                    double m = Math.min(Math.abs(x), Math.abs(y));
                    long sign = (Double.doubleToRawLongBits(x) ^ Double.doubleToRawLongBits(y)) & Llr.SIGN_BIT;
                    out[o + i] = Double.longBitsToDouble(Double.doubleToRawLongBits(m) | sign);
                }
                break;
            case TABULATED:
                for (int i = 0; i < len; i++) {
                    out[o + i] = tabulatedBranchFree(in[a + i], in[b + i]);
                }
                break;
            default:
                for (int i = 0; i < len; i++) {
                    out[o + i] = Llr.boxPlus(in[a + i], in[b + i]);
                }
                break;
        }
    }

    /**
     * The g update out[o+i] = in[b+i] + (1 − 2v)·in[a+i] with v = v[vo+i] ∈ {0, 1} the left child's GF(2) partial
     * sum, done by flipping the sign bit of in[a+i] (exact and branch-free).
     */
    public static void gAll(double[] in, int a, int b, byte[] v, int vo, double[] out, int o, int len) {
        for (int i = 0; i < len; i++) {
            long flip = (long) v[vo + i] << 63;
            out[o + i] = in[b + i] + Double.longBitsToDouble(Double.doubleToRawLongBits(in[a + i]) ^ flip);
        }
    }

    /**
     * The g update for integer partial sums: v = c[co+i] mod 2 (c = u·F over Z, whose parity is the GF(2) word), so
     * out[o+i] = in[b+i] + (1 − 2·(c mod 2))·in[a+i]. Same values as {@code (c & 1) == 0 ? b + a : b − a}.
     */
    public static void gAll(double[] in, int a, int b, int[] c, int co, double[] out, int o, int len) {
        for (int i = 0; i < len; i++) {
            long flip = (long) c[co + i] << 63; // only the lowest bit survives the shift
            out[o + i] = in[b + i] + Double.longBitsToDouble(Double.doubleToRawLongBits(in[a + i]) ^ flip);
        }
    }
}

package io.latq.polarlattice;

/**
 * A fast evaluation of the level-channel LLR L(y) of {@link ModTwoGaussianChannel} for one noise level s: the
 * function h(a), a ∈ [0, ½] (a = distance from y to the nearest even integer), is replaced by a cubic Hermite
 * interpolant on equal cells, built from the exact h and h' (StrictMath, so the table and hence every decision is the
 * same on every JVM). Folding is done exactly as in the exact channel: L = h(a) for a &lt; ½, L = −h(1 − a) for
 * a &gt; ½ and ∓{@link Double#MIN_VALUE} at the round-half-up ties, so the antisymmetry L(y+1) = −L(y) and the
 * periodicity L(y+2) = L(y) hold exactly for every y where y+1, y+2 are exact.
 *
 * <p>Cells: h has a feature of width about s²/2 near a = 0 (the second odd point, at distance 1 + a, fades as
 * exp(−2a/s²)), so the cell width is at most s²/50, with at least 512 cells; the Hermite error (at most the fourth
 * derivative times Δ⁴/384) then stays below 1e-9·max(1, |L|) (tested for s from 0.02 to 4). Below
 * s = {@value #EXACT_BELOW} the table would be too large and h is evaluated exactly (only a handful of terms are then
 * needed). A value that would round to 0 or below for a ≠ ½ is replaced by {@link Double#MIN_VALUE}, so the sign of L
 * is always the sign of ½ − a.
 *
 * <p>The batch form {@link #llr(double[], int, double[], int, int)} returns the scalar form's values bit for bit
 * without its data-dependent branches (the polar quantizer's SC calls it once per level on N residuals).
 *
 * <p>Immutable and thread-safe; {@link #llr} does not allocate.
 */
public final class LevelLlr {

    /** Minimum number of interpolation cells over [0, ½]. */
    static final int MIN_CELLS = 512;

    /** Below this noise the exact h is used instead of a table. */
    static final double EXACT_BELOW = 0.04;

    private static final long SIGN = 0x8000_0000_0000_0000L;

    private final double sigma;
    private final int cells;
    private final double[] coef; // per cell: c0 + t(c1 + t(c2 + t c3)), t ∈ [0, 1]; null in exact mode
    private final ModTwoGaussianChannel exact;

    /** @param s the level's noise standard deviation, &gt; 0 */
    public LevelLlr(double s) {
        ModTwoGaussianChannel ch = new ModTwoGaussianChannel(s);
        this.sigma = s;
        if (s < EXACT_BELOW) {
            this.exact = ch;
            this.cells = 0;
            this.coef = null;
            return;
        }
        this.exact = null;
        this.cells = Math.max(MIN_CELLS, (int) Math.ceil(25 / (s * s)));
        double step = 0.5 / cells;
        double[] v = new double[cells + 1];
        double[] d = new double[cells + 1];
        for (int k = 0; k <= cells; k++) {
            double a = k * step;
            v[k] = k == cells ? 0.0 : ch.h(a); // h(½) = 0 by the antisymmetry
            d[k] = ch.dh(a) * step;
        }
        coef = new double[4 * cells];
        for (int k = 0; k < cells; k++) {
            double p0 = v[k];
            double p1 = v[k + 1];
            double m0 = d[k];
            double m1 = d[k + 1];
            coef[4 * k] = p0;
            coef[4 * k + 1] = m0;
            coef[4 * k + 2] = 3 * (p1 - p0) - 2 * m0 - m1;
            coef[4 * k + 3] = 2 * (p0 - p1) + m0 + m1;
        }
    }

    /** The noise standard deviation s. */
    public double sigma() {
        return sigma;
    }

    /** L(y) = log P(b=0|y)/P(b=1|y), tabulated; see the class comment. */
    public double llr(double y) {
        double dd = y - 2 * Math.floor(y * 0.5 + 0.5);
        double a = Math.abs(dd);
        if (a < 0.5) {
            return h(a);
        }
        if (a > 0.5) {
            return -h(1 - a);
        }
        return ModTwoGaussianChannel.tie(dd);
    }

    /** Fills out[0..len) with L(y[i]) (the arrays may not overlap). */
    public void llr(double[] y, double[] out, int len) {
        llr(y, 0, out, 0, len);
    }

    /** Fills out[outOff + i] = L(y[yOff + i]) for i in [0, len) (the ranges may not overlap). */
    public void llr(double[] y, int yOff, double[] out, int outOff, int len) {
        if (coef == null) {
            for (int i = 0; i < len; i++) {
                out[outOff + i] = llr(y[yOff + i]);
            }
            return;
        }
        // llr(double) inlined without its data-dependent branches (a < ½ is a coin toss on quantizer inputs, and a
        // double select may compile to a jump on x86): min(a, 1 − a) is a for a < ½ and 1 − a for a > ½, and −h is h
        // with the sign bit set (h > 0), taken from the sign of ½ − a. The same operations on the same operands, so
        // the same values bit for bit (tested).
        double scale = 2 * cells;
        int last = cells - 1;
        for (int i = 0; i < len; i++) {
            double yi = y[yOff + i];
            double dd = yi - 2 * Math.floor(yi * 0.5 + 0.5);
            double a = Math.abs(dd);
            // min(a, 1 − a) by comparing bit patterns as integers: the same order, as a ≥ 0 and at most one is < 0
            double b = Double.longBitsToDouble(Math.min(Double.doubleToRawLongBits(a),
                    Double.doubleToRawLongBits(1 - a)));
            double s = b * scale;
            int k = Math.min((int) s, last);
            double t = s - k;
            int o = 4 * k;
            double v = coef[o] + t * (coef[o + 1] + t * (coef[o + 2] + t * coef[o + 3]));
            v = v > 0 ? v : Double.MIN_VALUE;
            long far = Double.doubleToRawLongBits(0.5 - a) & SIGN;
            double l = Double.longBitsToDouble(Double.doubleToRawLongBits(v) | far);
            if (!(a != 0.5 && a == a)) { // the tie a = ½ (or NaN), as llr(double)
                l = ModTwoGaussianChannel.tie(dd);
            }
            out[outOff + i] = l;
        }
    }

    /** The interpolated h(b) for b ∈ [0, ½), never below Double.MIN_VALUE (h &gt; 0 there). */
    private double h(double b) {
        double v;
        if (coef == null) {
            v = exact.h(b);
        } else {
            double s = b * (2 * cells);
            int k = (int) s;
            if (k >= cells) {
                k = cells - 1;
            }
            double t = s - k;
            int o = 4 * k;
            v = coef[o] + t * (coef[o + 1] + t * (coef[o + 2] + t * coef[o + 3]));
        }
        return v > 0 ? v : Double.MIN_VALUE;
    }
}

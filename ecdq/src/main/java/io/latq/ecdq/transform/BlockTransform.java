package io.latq.ecdq.transform;

/**
 * Applies a {@link TransformPlan} to one block: normalization per channel, the KLT across channels and the separable
 * tile DCT, and the exact inverse. One instance per worker thread (holds kernels and scratch); no allocation per
 * block after the first use of each tile length.
 *
 * <p>Layouts: samples are interleaved as in the file (position-major, channel innermost); coefficients are planar,
 * {@code coef[c·P + pos]} with P = rows·W positions per channel and pos in C order over the block's dims.
 * Orientation: forward is analysis (samples → coefficients), inverse is synthesis; both are orthonormal, so the sum
 * of squares, hence the MSE, is the same in both domains.
 */
public final class BlockTransform {
    private final TransformPlan plan;
    private final int channels;
    private final double[] u;
    private final int[] cachedRows = {-1, -1};
    private final SeparableDct[] cached = new SeparableDct[2];
    private final double[] mix;
    private final double[] mixOut;

    public BlockTransform(TransformPlan plan) {
        this.plan = plan;
        this.channels = plan.channels();
        this.u = plan.klt();
        this.mix = new double[channels];
        this.mixOut = new double[channels];
    }

    /**
     * Forward transform of a block of {@code rows} rows: x (interleaved, non-finite samples already replaced) →
     * coef (planar). {@code mean[c]} and {@code scale[c]} normalize channel c: (x − mean)/scale.
     */
    public void forward(double[] x, long rows, double[] mean, double[] scale, double[] coef) {
        mix(x, rows, mean, scale, coef);
        tiles(coef, rows, true);
    }

    /**
     * The first half of {@link #forward}: normalization and the channel transform, samples (interleaved) → planar
     * channel components in the time/space domain.
     */
    public void mix(double[] x, long rows, double[] mean, double[] scale, double[] coef) {
        int p = (int) (rows * plan.rowPositions());
        int c = channels;
        if (c == 1 && u == null) { // the same arithmetic in a loop the compiler can vectorize
            double m = mean[0];
            double s = scale[0];
            for (int pos = 0; pos < p; pos++) {
                coef[pos] = (x[pos] - m) / s;
            }
            return;
        }
        for (int pos = 0; pos < p; pos++) {
            for (int ch = 0; ch < c; ch++) {
                mix[ch] = (x[pos * c + ch] - mean[ch]) / scale[ch];
            }
            if (u != null) {
                for (int k = 0; k < c; k++) {
                    double acc = 0;
                    for (int ch = 0; ch < c; ch++) {
                        acc += u[ch * c + k] * mix[ch];
                    }
                    mixOut[k] = acc;
                }
                for (int k = 0; k < c; k++) {
                    coef[k * p + pos] = mixOut[k];
                }
            } else {
                for (int ch = 0; ch < c; ch++) {
                    coef[ch * p + pos] = mix[ch];
                }
            }
        }
    }

    /** The tile DCT (forward or inverse) in place on every channel component of a planar block. */
    public void tiles(double[] coef, long rows, boolean forward) {
        if (plan.isIdentityInTime()) {
            return;
        }
        int p = (int) (rows * plan.rowPositions());
        for (int ch = 0; ch < channels; ch++) {
            separable(coef, ch * p, rows, forward);
        }
    }

    /** Inverse of {@link #forward}: coef (planar, overwritten) → x (interleaved), x = scale·y + mean. */
    public void inverse(double[] coef, long rows, double[] mean, double[] scale, double[] x) {
        int p = (int) (rows * plan.rowPositions());
        int c = channels;
        tiles(coef, rows, false);
        if (c == 1 && u == null) {
            double m = mean[0];
            double s = scale[0];
            for (int pos = 0; pos < p; pos++) {
                x[pos] = m + s * coef[pos];
            }
            return;
        }
        for (int pos = 0; pos < p; pos++) {
            if (u != null) {
                for (int ch = 0; ch < c; ch++) {
                    double acc = 0;
                    for (int k = 0; k < c; k++) {
                        acc += u[ch * c + k] * coef[k * p + pos];
                    }
                    x[pos * c + ch] = mean[ch] + scale[ch] * acc;
                }
            } else {
                for (int ch = 0; ch < c; ch++) {
                    x[pos * c + ch] = mean[ch] + scale[ch] * coef[ch * p + pos];
                }
            }
        }
    }

    /** The separable tile DCT in place over one channel's positions [off, off + P). */
    private void separable(double[] a, int off, long rows, boolean forward) {
        SeparableDct t = tileTransform((int) rows);
        if (forward) {
            t.forward(a, off);
        } else {
            t.inverse(a, off);
        }
    }

    /** The tile transform of a block with {@code rows} rows; cached for the (at most two) heights of a file. */
    private SeparableDct tileTransform(int rows) {
        int slot = cachedRows[0] == rows ? 0 : cachedRows[1] == rows ? 1 : cachedRows[0] == -1 ? 0 : 1;
        if (cachedRows[slot] != rows) {
            cached[slot] = new SeparableDct(plan.blockShape(rows), plan.tiles());
            cachedRows[slot] = rows;
        }
        return cached[slot];
    }
}

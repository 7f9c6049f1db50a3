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
    private final DctKernel[] kernels = new DctKernel[TransformPlan.MAX_TILE + 1];
    private final double[] line;
    private final double[] lineOut;
    private final double[] mix;
    private final double[] mixOut;

    public BlockTransform(TransformPlan plan) {
        this.plan = plan;
        this.channels = plan.channels();
        this.u = plan.klt();
        int maxLine = 1;
        for (long d : plan.blockDims(plan.rowsPerBlock())) {
            maxLine = (int) Math.max(maxLine, Math.min(d, Integer.MAX_VALUE - 8));
        }
        this.line = new double[maxLine];
        this.lineOut = new double[maxLine];
        this.mix = new double[channels];
        this.mixOut = new double[channels];
    }

    private DctKernel kernel(int len) {
        DctKernel k = kernels[len];
        if (k == null) {
            k = FastDct.kernel(len);
            kernels[len] = k;
        }
        return k;
    }

    /**
     * Forward transform of a block of {@code rows} rows: x (interleaved, non-finite samples already replaced) →
     * coef (planar). {@code mean[c]} and {@code scale[c]} normalize channel c: (x − mean)/scale.
     */
    public void forward(double[] x, long rows, double[] mean, double[] scale, double[] coef) {
        int p = (int) (rows * plan.rowPositions());
        int c = channels;
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
        if (!plan.isIdentityInTime()) {
            for (int ch = 0; ch < c; ch++) {
                separable(coef, ch * p, rows, true);
            }
        }
    }

    /** Inverse of {@link #forward}: coef (planar, overwritten) → x (interleaved), x = scale·y + mean. */
    public void inverse(double[] coef, long rows, double[] mean, double[] scale, double[] x) {
        int p = (int) (rows * plan.rowPositions());
        int c = channels;
        if (!plan.isIdentityInTime()) {
            for (int ch = 0; ch < c; ch++) {
                separable(coef, ch * p, rows, false);
            }
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

    /** The separable tile DCT in place over one channel's positions [off, off + P), axis by axis. */
    private void separable(double[] a, int off, long rows, boolean forward) {
        long[] dims = plan.blockDims(rows);
        int[] tiles = plan.tiles();
        long total = 1;
        for (long d : dims) {
            total *= d;
        }
        for (int j = 0; j < dims.length; j++) {
            int b = tiles[j];
            int len = (int) dims[j];
            if (b == 1 || len <= 1) {
                continue;
            }
            long stride = 1;
            for (int i = j + 1; i < dims.length; i++) {
                stride *= dims[i];
            }
            long outer = total / (len * stride);
            for (long o = 0; o < outer; o++) {
                for (long in = 0; in < stride; in++) {
                    int base = (int) (off + o * len * stride + in);
                    int st = (int) stride;
                    for (int i = 0; i < len; i++) {
                        line[i] = a[base + i * st];
                    }
                    for (int start = 0; start < len; start += b) {
                        int seg = Math.min(b, len - start);
                        DctKernel k = kernel(seg);
                        if (forward) {
                            k.forward(line, start, lineOut, start);
                        } else {
                            k.inverse(line, start, lineOut, start);
                        }
                    }
                    for (int i = 0; i < len; i++) {
                        a[base + i * st] = lineOut[i];
                    }
                }
            }
        }
    }
}

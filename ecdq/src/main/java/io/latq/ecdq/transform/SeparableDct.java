package io.latq.ecdq.transform;

import java.util.Arrays;

/**
 * Orthonormal separable tiled DCT of an N-d array stored in C order (last axis fastest).
 *
 * <p><b>Tiling and edge rule.</b> Axis i (length d_i, tile size t_i, a power of two ≤ {@value Dct#MAX_SIZE}) is
 * cut into segments: ⌊d_i/t_i⌋ full tiles of length t_i from the start, then the remainder r = d_i mod t_i split
 * by its binary expansion into power-of-two segments in decreasing length (e.g. r = 13 → 8, 4, 1). Every segment
 * of length L gets the orthonormal {@link Dct} of size L (L = 1 is the identity). The transform along axis i is
 * block-diagonal with orthogonal blocks, and the k-d transform applies these along axes 0, 1, …, k−1 (the inverse
 * in reverse order), so it is orthonormal and exactly invertible (up to rounding): coefficient energy equals sample
 * energy and the MSE is the same in both domains. 1-D framing of a long signal (frames of B samples, last partial
 * frame decomposed the same way) is the case k = 1. A tile larger than its axis is allowed (only the binary
 * decomposition applies).
 *
 * <p><b>Layout.</b> Coefficients are stored in place of the samples: the coefficient at position p_i along axis i
 * has local frequency f_i = p_i − o_i in the segment [o_i, o_i + L_i) containing p_i. Its <b>bin</b> along the axis
 * is b_i = f_i·(t_i/L_i) ∈ [0, t_i) (exact, both powers of two), i.e. the bin of a full tile with the same
 * normalized frequency f/L; DC is always bin 0. The tile bin of a coefficient is the C-order index of (b_1..b_k) in
 * a t_1×…×t_k tile, in [0, ∏ t_i) ({@link #binOf(int)}), used with {@link BandPartition}. There are exactly as many
 * coefficients as samples.
 *
 * <p>Not thread-safe (holds {@link Dct} instances with scratch); use {@link #copy()} per thread. Transforms do not
 * allocate.
 */
public final class SeparableDct {
    private final int[] shape;
    private final int[] tile;
    private final int size;
    private final int[] stride;
    private final int[][] segStart;   // per axis: segment start offsets
    private final int[][] segLen;     // per axis: segment lengths
    private final int[][] axisBin;    // per axis: bin of each position
    private final Dct[] dcts;         // by log2 length
    private final double[] line;

    /**
     * @param shape array shape d_1..d_k (each ≥ 1, product ≤ Integer.MAX_VALUE − 8)
     * @param tile  tile sizes t_1..t_k, powers of two in 1..{@value Dct#MAX_SIZE}
     */
    public SeparableDct(int[] shape, int[] tile) {
        this.shape = shape.clone();
        this.tile = tile.clone();
        if (shape.length == 0 || shape.length != tile.length) {
            throw new IllegalArgumentException("shape and tile must have the same (≥ 1) rank, got "
                    + Arrays.toString(shape) + " and " + Arrays.toString(tile));
        }
        int k = shape.length;
        long total = 1;
        int maxTile = 1;
        for (int i = 0; i < k; i++) {
            if (shape[i] < 1) {
                throw new IllegalArgumentException("axis lengths must be ≥ 1, got " + Arrays.toString(shape));
            }
            if (tile[i] < 1 || tile[i] > Dct.MAX_SIZE || Integer.bitCount(tile[i]) != 1) {
                throw new IllegalArgumentException("tile sizes must be powers of two in 1.." + Dct.MAX_SIZE
                        + ", got " + Arrays.toString(tile));
            }
            total *= shape[i];
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("array too large: " + Arrays.toString(shape));
            }
            maxTile = Math.max(maxTile, tile[i]);
        }
        size = (int) total;
        stride = new int[k];
        int s = 1;
        for (int i = k - 1; i >= 0; i--) {
            stride[i] = s;
            s *= shape[i];
        }
        segStart = new int[k][];
        segLen = new int[k][];
        axisBin = new int[k][];
        for (int i = 0; i < k; i++) {
            int[][] seg = segments(shape[i], tile[i]);
            segStart[i] = seg[0];
            segLen[i] = seg[1];
            int[] bins = new int[shape[i]];
            for (int j = 0; j < seg[0].length; j++) {
                int scale = tile[i] / seg[1][j];
                for (int f = 0; f < seg[1][j]; f++) {
                    bins[seg[0][j] + f] = f * scale;
                }
            }
            axisBin[i] = bins;
        }
        dcts = new Dct[Integer.numberOfTrailingZeros(maxTile) + 1];
        for (int j = 0; j < dcts.length; j++) {
            dcts[j] = new Dct(1 << j);
        }
        line = new double[maxTile];
    }

    private SeparableDct(SeparableDct o) {
        shape = o.shape;
        tile = o.tile;
        size = o.size;
        stride = o.stride;
        segStart = o.segStart;
        segLen = o.segLen;
        axisBin = o.axisBin;
        dcts = new Dct[o.dcts.length];
        for (int j = 0; j < dcts.length; j++) {
            dcts[j] = o.dcts[j].copy();
        }
        line = new double[o.line.length];
    }

    /** Segments of an axis of length d with tile t: {starts, lengths}. */
    static int[][] segments(int d, int t) {
        int full = d / t;
        int rem = d % t;
        int n = full + Integer.bitCount(rem);
        int[] start = new int[n];
        int[] len = new int[n];
        int j = 0;
        int pos = 0;
        for (; j < full; j++) {
            start[j] = pos;
            len[j] = t;
            pos += t;
        }
        for (int bit = Integer.highestOneBit(Math.max(rem, 1)); bit >= 1 && rem > 0; bit >>>= 1) {
            if ((rem & bit) != 0) {
                start[j] = pos;
                len[j] = bit;
                pos += bit;
                j++;
            }
        }
        return new int[][] {start, len};
    }

    /** A new instance sharing the immutable layout with fresh scratch, for use in another thread. */
    public SeparableDct copy() {
        return new SeparableDct(this);
    }

    /** Number of samples = number of coefficients. */
    public int size() {
        return size;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int[] tile() {
        return tile.clone();
    }

    /** Number of tile bins ∏ t_i. */
    public int binCount() {
        int n = 1;
        for (int t : tile) {
            n *= t;
        }
        return n;
    }

    /** Bin b_i ∈ [0, t_i) of position p along axis i. */
    public int axisBin(int axis, int position) {
        return axisBin[axis][position];
    }

    /** Tile bin (C-order index of (b_1..b_k) in the tile) of the coefficient at C-order index {@code index}. */
    public int binOf(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int bin = 0;
        for (int i = 0; i < shape.length; i++) {
            int p = (index / stride[i]) % shape[i];
            bin = bin * tile[i] + axisBin[i][p];
        }
        return bin;
    }

    /** {@link #binOf} of every coefficient, in C order (a new array of {@link #size()} ints). */
    public int[] bins() {
        int[] out = new int[size];
        int k = shape.length;
        int[] p = new int[k];
        for (int idx = 0; idx < size; idx++) {
            int bin = 0;
            for (int i = 0; i < k; i++) {
                bin = bin * tile[i] + axisBin[i][p[i]];
            }
            out[idx] = bin;
            for (int i = k - 1; i >= 0; i--) {
                if (++p[i] < shape[i]) {
                    break;
                }
                p[i] = 0;
            }
        }
        return out;
    }

    /** Forward transform of x[off..off+size) into out[outOff..outOff+size); in place if the regions coincide. */
    public void forward(double[] x, int off, double[] out, int outOff) {
        copyIn(x, off, out, outOff);
        for (int axis = 0; axis < shape.length; axis++) {
            transformAxis(out, outOff, axis, false);
        }
    }

    /** Inverse transform of c[off..off+size) into out[outOff..outOff+size); in place if the regions coincide. */
    public void inverse(double[] c, int off, double[] out, int outOff) {
        copyIn(c, off, out, outOff);
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            transformAxis(out, outOff, axis, true);
        }
    }

    /** In-place forward transform of data[off..off+size). */
    public void forward(double[] data, int off) {
        forward(data, off, data, off);
    }

    /** In-place inverse transform of data[off..off+size). */
    public void inverse(double[] data, int off) {
        inverse(data, off, data, off);
    }

    private void copyIn(double[] src, int off, double[] dst, int dstOff) {
        if (off < 0 || off > src.length - size || dstOff < 0 || dstOff > dst.length - size) {
            throw new IndexOutOfBoundsException("array regions too short for " + size + " values");
        }
        if (src != dst || off != dstOff) {
            System.arraycopy(src, off, dst, dstOff, size);
        }
    }

    private void transformAxis(double[] a, int off, int axis, boolean inverse) {
        int d = shape[axis];
        int st = stride[axis];
        int outer = size / (d * st);
        int[] starts = segStart[axis];
        int[] lens = segLen[axis];
        double[] buf = line;
        for (int o = 0; o < outer; o++) {
            int base0 = off + o * d * st;
            for (int r = 0; r < st; r++) {
                int base = base0 + r;
                for (int j = 0; j < starts.length; j++) {
                    int len = lens[j];
                    if (len == 1) {
                        continue;
                    }
                    Dct dct = dcts[Integer.numberOfTrailingZeros(len)];
                    int p0 = base + starts[j] * st;
                    if (st == 1) {
                        if (inverse) {
                            dct.inverse(a, p0, a, p0);
                        } else {
                            dct.forward(a, p0, a, p0);
                        }
                    } else {
                        for (int f = 0; f < len; f++) {
                            buf[f] = a[p0 + f * st];
                        }
                        if (inverse) {
                            dct.inverse(buf, 0, buf, 0);
                        } else {
                            dct.forward(buf, 0, buf, 0);
                        }
                        for (int f = 0; f < len; f++) {
                            a[p0 + f * st] = buf[f];
                        }
                    }
                }
            }
        }
    }
}

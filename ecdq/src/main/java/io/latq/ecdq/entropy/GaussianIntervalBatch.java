package io.latq.ecdq.entropy;

/**
 * Encoder-side batching of {@link DiscretizedGaussianModel} symbols: {@link #push} appends a placeholder to the rANS
 * encoder and remembers the two cell boundaries of the symbol; {@link #flush} evaluates all remembered boundaries
 * together with {@link StrictGaussian#upperTailMany} (four erfc chains at a time) and fills the placeholders.
 *
 * <p>Each interval is computed from the same doubles by the same operations as {@link
 * DiscretizedGaussianModel#cumulativeFrequency}, and symbols stay in the order they were pushed, so the coded
 * stream is bit-identical to pushing {@code encoder.push(model, s)} one symbol at a time. Only the encoder can do
 * this: the decoder needs each symbol before it can configure the next model.
 *
 * <p>Flushes itself every {@value #CAPACITY} deferred symbols; the caller must {@link #flush} before
 * {@link RansEncoder#finish} (which refuses an unfilled placeholder). Allocation-free. Not thread-safe.
 */
public final class GaussianIntervalBatch {
    /** Deferred symbols per automatic flush. */
    public static final int CAPACITY = 256;

    private final int[] slot = new int[CAPACITY];
    private final int[] cum = new int[2 * CAPACITY];       // edge 2k: low edge of symbol k, 2k+1: high edge
    private final double[] z = new double[2 * CAPACITY];   // pending edges: boundary ζ
    private final long[] scale = new long[2 * CAPACITY];   //                R
    private final long[] offset = new long[2 * CAPACITY];  //                cum − F(ζ)
    private final int[] target = new int[2 * CAPACITY];    //                index into cum
    private final double[] w = new double[2 * CAPACITY];
    private final double[] q = new double[2 * CAPACITY];
    private final double[] x = new double[2 * CAPACITY];
    private final int[] work = new int[2 * CAPACITY];
    private int symbols;
    private int pending;

    /** Pushes symbol {@code s} of the configured {@code model} onto {@code enc}; its interval may be filled later. */
    public void push(DiscretizedGaussianModel model, int s, RansEncoder enc) {
        int lo = model.knownCumulative(s);
        int hi = model.knownCumulative(s + 1);
        if (lo >= 0 && hi >= 0) {
            enc.push(lo, hi - lo);
            return;
        }
        int k = symbols++;
        slot[k] = enc.reserve();
        edge(model, s, lo, 2 * k);
        edge(model, s + 1, hi, 2 * k + 1);
        if (symbols == CAPACITY) {
            flush(enc);
        }
    }

    private void edge(DiscretizedGaussianModel model, int e, int known, int index) {
        cum[index] = known;
        if (known < 0) {
            int p = pending++;
            double ze = model.boundaryOf(e);
            z[p] = ze;
            w[p] = ze < 0 ? -ze : ze; // Q(|ζ|), as DiscretizedGaussianModel.quantizedCdfOf takes it
            scale[p] = model.tailScale();
            offset[p] = model.edgeOffset(e);
            target[p] = index;
        }
    }

    /** Computes and fills every deferred interval of {@code enc}. */
    public void flush(RansEncoder enc) {
        StrictGaussian.upperTailMany(w, pending, q, x, work);
        for (int p = 0; p < pending; p++) {
            cum[target[p]] = (int) (DiscretizedGaussianModel.quantizedCdfFromTail(z[p], q[p], scale[p]) + offset[p]);
        }
        for (int k = 0; k < symbols; k++) {
            enc.fill(slot[k], cum[2 * k], cum[2 * k + 1] - cum[2 * k]);
        }
        symbols = 0;
        pending = 0;
    }
}

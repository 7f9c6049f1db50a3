package io.latq.ecdq.block;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.entropy.LatticePointCoder;
import io.latq.ecdq.entropy.SuccessiveGaussianPointCoder;
import io.latq.ecdq.index.TriangularBasis;

import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.entropy.RansDecoder;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.lattice.Lattice;

/**
 * Decodes one block of a version-1 file (the format's encoder is retired; its files stay readable through this
 * class and the golden files pin its output); one instance per worker thread (holds scratch buffers).
 *
 * <p>For vector v of block b (samples x_k, k = 0..n−1, consecutive in file order; the last vector of the input is
 * padded with the mean):
 * <pre>
 *   u  = dither drawn by lattice.sampleFundamentalRegion from CounterDither positioned at (b, v)
 *   z  = (x − mean)/α + u                  (non-finite samples count as the mean)
 *   a  = coordinates of Q_Λ(z)              (unscaled lattice Λ)
 *   λ  = a·B                                (recomputed from a, exactly as the decoder will)
 *   x̂  = mean + (β·α)·(λ − u)               i.e. mean + β(Q_{αΛ}(x − mean + αu) − αu)
 * </pre>
 * a is entropy coded by the {@link LatticePointCoder}. The decoder regenerates u from the seed, decodes a and
 * computes the same x̂ with the same floating-point operations, so the reconstruction the encoder tracks is exactly
 * the one the decoder writes.
 */
public final class BlockCoder {
    private final Lattice lattice;
    private final EcdqHeader header;
    private final TriangularBasis basis;
    private final LatticePointCoder coder;
    private final CounterDither dither;
    private final RansDecoder dec = new RansDecoder();
    private final int n;
    private final double gain;
    private final double[] u;
    private final double[] lambda;
    private final long[] a;

    public BlockCoder(Lattice lattice, TriangularBasis basis, EcdqHeader header) {
        this.lattice = lattice;
        this.header = header;
        this.basis = basis;
        this.n = header.dimension();
        this.coder = header.zeroRate() ? null : new SuccessiveGaussianPointCoder(basis, header.modelSpread());
        this.dither = new CounterDither(header.seed());
        this.gain = header.beta() * header.alpha();
        this.u = new double[n];
        this.lambda = new double[n];
        this.a = new long[n];
    }

    /** Decodes a block into {@code out[0..block.samples())}, values as stored before container conversion. */
    public void decode(BlockFormat.Block blk, double[] out) throws LatqFormatException {
        try {
            decodeChecked(blk, out);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            // only reachable with a crafted file whose CRCs are valid but whose parameters are not
            throw new LatqFormatException("block " + blk.index() + " cannot be decoded (" + e.getMessage() + ")");
        }
    }

    private void decodeChecked(BlockFormat.Block blk, double[] out) throws LatqFormatException {
        int count = blk.samples();
        double mean = header.mean();
        if (coder == null) {
            if (blk.payload().length != 0) {
                throw new LatqFormatException("block " + blk.index() + " has data in a zero-rate file");
            }
            java.util.Arrays.fill(out, 0, count, mean);
        } else {
            dec.reset(blk.payload(), 0, blk.payload().length);
            int vectors = (count + n - 1) / n;
            for (int v = 0; v < vectors; v++) {
                dither.position(blk.index(), v);
                lattice.sampleFundamentalRegion(dither, u, 0);
                coder.decode(u, dec, a);
                basis.point(a, lambda, 0);
                int base = v * n;
                for (int k = 0; k < n && base + k < count; k++) {
                    out[base + k] = mean + gain * (lambda[k] - u[k]);
                }
            }
            dec.finish();
        }
        int[] offs = blk.nonFiniteOffsets();
        long[] bits = blk.nonFiniteBits();
        for (int i = 0; i < offs.length; i++) {
            double v = Double.longBitsToDouble(bits[i]);
            if (Double.isFinite(v)) {
                throw new LatqFormatException("block " + blk.index() + " carries a finite value as non-finite");
            }
            out[offs[i]] = v;
        }
    }
}

package io.latq.ecdq.block;

import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;
import io.latq.ecdq.entropy.LatticePointCoder;
import io.latq.ecdq.entropy.SuccessiveGaussianPointCoder;
import io.latq.ecdq.index.TriangularBasis;

import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.entropy.RansDecoder;
import io.latq.ecdq.entropy.RansEncoder;
import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.samples.SampleType;
import io.latq.lattice.Lattice;

/**
 * Encodes and decodes one block of samples; one instance per worker thread (holds scratch buffers).
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
    private final SampleType outType;
    private final CounterDither dither;
    private final RansEncoder enc = new RansEncoder();
    private final RansDecoder dec = new RansDecoder();
    private final int n;
    private final double gain;
    private final double invAlpha;
    private final double[] u;
    private final double[] z;
    private final double[] q;
    private final double[] lambda;
    private final double[] work;
    private final long[] a;
    private int[] nfOffsets = new int[16];
    private long[] nfBits = new long[16];

    public BlockCoder(Lattice lattice, TriangularBasis basis, EcdqHeader header) {
        this.lattice = lattice;
        this.header = header;
        this.basis = basis;
        this.n = header.dimension();
        this.coder = header.zeroRate() ? null : new SuccessiveGaussianPointCoder(basis, header.modelSpread());
        this.outType = header.source().type();
        this.dither = new CounterDither(header.seed());
        this.gain = header.beta() * header.alpha();
        this.invAlpha = header.zeroRate() ? 0 : 1.0 / header.alpha();
        this.u = new double[n];
        this.z = new double[n];
        this.q = new double[n];
        this.lambda = new double[n];
        this.work = new double[n];
        this.a = new long[n];
    }

    /** Result of encoding one block. */
    public record Encoded(byte[] bytes, int samples, double sse, double maxAbsError, long finiteCount, double idealBits) {
    }

    /**
     * Encodes {@code count} samples {@code x[0..count)} of block {@code block}. Writes the reconstruction (as it will
     * read back from the output container) into {@code recon} when it is not null.
     *
     * @param firstSampleIndex global index of x[0], for error messages
     */
    public Encoded encode(long block, double[] x, int count, long firstSampleIndex, double[] recon) throws LatqException {
        int nf = 0;
        double sse = 0;
        double maxAbs = 0;
        long finite = 0;
        enc.reset();
        double mean = header.mean();
        int vectors = (count + n - 1) / n;
        for (int v = 0; v < vectors; v++) {
            int base = v * n;
            if (coder != null) {
                dither.position(block, v);
                lattice.sampleFundamentalRegion(dither, u, 0);
                for (int k = 0; k < n; k++) {
                    int i = base + k;
                    double c = 0;
                    if (i < count) {
                        double xi = x[i];
                        if (Double.isFinite(xi)) {
                            c = (xi - mean) * invAlpha;
                            if (!(Math.abs(c) < 0x1p50)) {
                                throw new LatqException("sample " + (firstSampleIndex + i) + " (" + xi
                                        + ") is too large relative to the quantization step");
                            }
                        }
                    }
                    z[k] = c + u[k];
                }
                lattice.quantize(z, 0, q, 0);
                basis.coordinates(q, 0, work, a);
                basis.point(a, lambda, 0);
                for (int k = 0; k < n; k++) {
                    if (!(Math.abs(lambda[k] - q[k]) <= 1e-6 * (1 + Math.abs(q[k])))) {
                        throw new IllegalStateException("lattice " + lattice.name()
                                + " quantizer returned a point that is not in the lattice of its generator");
                    }
                }
                coder.encode(a, u, enc);
            }
            for (int k = 0; k < n; k++) {
                int i = base + k;
                if (i >= count) {
                    break;
                }
                double xi = x[i];
                if (!Double.isFinite(xi)) {
                    if (!header.keepNonFinite()) {
                        throw new LatqException("sample " + (firstSampleIndex + i) + " is " + xi
                                + " (use --keep-nonfinite to carry non-finite values)");
                    }
                    if (nf == nfOffsets.length) {
                        nfOffsets = java.util.Arrays.copyOf(nfOffsets, nf * 2);
                        nfBits = java.util.Arrays.copyOf(nfBits, nf * 2);
                    }
                    nfOffsets[nf] = i;
                    nfBits[nf] = Double.doubleToRawLongBits(xi);
                    nf++;
                    if (recon != null) {
                        recon[i] = xi;
                    }
                    continue;
                }
                double r = coder == null ? mean : mean + gain * (lambda[k] - u[k]);
                r = outType.roundTrip(r);
                if (recon != null) {
                    recon[i] = r;
                }
                double e = r - xi;
                sse += e * e;
                maxAbs = Math.max(maxAbs, Math.abs(e));
                finite++;
            }
        }
        int len = 0;
        int off = 0;
        byte[] payload = new byte[0];
        double ideal = 0;
        if (coder != null) {
            coder.flush(enc);
            len = enc.finish();
            off = enc.offset();
            payload = enc.buffer();
            ideal = enc.idealBits();
        }
        byte[] bytes = BlockFormat.encode(block, count, nf, nfOffsets, nfBits, payload, off, len);
        return new Encoded(bytes, count, sse, maxAbs, finite, ideal);
    }

    /**
     * Pushes onto {@code out} the symbols of vectors {@code from..to−1} of {@code vecs} (back to back, non-finite
     * entries coded as the mean), each with its real dither position {@code index[i]} (a global vector number).
     * Used to measure the coded size of the pass-1 subsample (rate search, model fit) without writing a file.
     */
    public void pushVectors(double[] vecs, long[] index, int from, int to, RansEncoder out) throws LatqException {
        int vpb = header.vectorsPerBlock();
        double mean = header.mean();
        for (int v = from; v < to; v++) {
            dither.position(index[v] / vpb, index[v] % vpb);
            lattice.sampleFundamentalRegion(dither, u, 0);
            for (int k = 0; k < n; k++) {
                double xi = vecs[v * n + k];
                double c = Double.isFinite(xi) ? (xi - mean) * invAlpha : 0;
                if (!(Math.abs(c) < 0x1p50)) {
                    throw new LatqException("a sample is too large relative to the quantization step");
                }
                z[k] = c + u[k];
            }
            lattice.quantize(z, 0, q, 0);
            basis.coordinates(q, 0, work, a);
            coder.encode(a, u, out);
        }
        coder.flush(out);
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

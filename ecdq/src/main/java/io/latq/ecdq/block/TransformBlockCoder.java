package io.latq.ecdq.block;

import io.latq.common.LatqException;
import io.latq.common.LatqFormatException;
import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.entropy.PolarLatticePointCoder;
import io.latq.ecdq.entropy.RansDecoder;
import io.latq.ecdq.entropy.RansEncoder;
import io.latq.ecdq.entropy.SuccessiveGaussianPointCoder;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.CellDesign;
import io.latq.ecdq.quantizer.VarianceCode;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.transform.BlockTransform;
import io.latq.ecdq.transform.TransformPlan;
import io.latq.lattice.IntegerLattice;
import io.latq.lattice.Lattice;
import io.latq.lattice.Rounding;
import io.latq.polarlattice.PolarLattice;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes and decodes one block of a version-2 file; one instance per worker thread (holds scratch buffers).
 *
 * <p>Per block (docs/transform.md):
 * <ol>
 *   <li>non-finite samples are replaced by their channel mean (and carried separately);</li>
 *   <li>{@link BlockTransform#forward}: normalize per channel, KLT, tile DCT → coefficients;</li>
 *   <li>every cell (band of a channel component) gets the code of its mean square at the channel's water level θ
 *       ({@link VarianceCode}); code 0 cells are not coded and decode to 0;</li>
 *   <li>the coefficients of coded cells, in order (component, band, position), are cut into vectors of n; for
 *       coordinate i with cell design ({@link CellDesign}) a_i, s_i: z_i = c_i/a_i + u_i with u the dither of vector
 *       (block, v); λ = Q_Λ(z); the integer coordinates are entropy coded with per-coordinate spreads s_i
 *       ({@link SuccessiveGaussianPointCoder}; on a rotated basis the RMS spread of the vector); the last vector is
 *       padded with zero coordinates;</li>
 *   <li>reconstruction ĉ_i = β_i·a_i·(λ_i − u_i), then {@link BlockTransform#inverse}.</li>
 * </ol>
 * The encoder computes the reconstruction with the same code as the decoder, so the MSE it reports is the MSE of
 * the decoded file.
 */
public final class TransformBlockCoder {
    private final Lattice lattice;
    private final TriangularBasis basis;
    private final FileHeader header;
    private final TransformPlan plan;
    private final BlockTransform transform;
    /** The point coder of version 2 and of version 3's coder 1; null with {@link FileHeader#CODER_POLAR_LEVELS}. */
    private final SuccessiveGaussianPointCoder coder;
    /** Version 3's coder 2 (polar lattices); null otherwise. */
    private final PolarLatticePointCoder polarCoder;
    private final CounterDither dither;
    private final SampleFormat outFormat;
    private final RansEncoder enc = new RansEncoder();
    private final RansDecoder dec = new RansDecoder();
    private final int n;
    private final int channels;
    private final int bands;
    private final double sigma0Sq;
    private final double[] mean;
    private final double[] scale;
    private final double[] theta;
    private final boolean perCoordinate;
    /** Z1 (identity basis) on the successive coder: the fused per-cell kernel ({@link #forEachIntegerCell}). */
    private final boolean integerKernel;
    private final CellDesign pad;
    /** |coef/step| bound: 2^50, and 2^(61−m) for the polar coder, whose points must stay within 2^(62−m). */
    private final double coefficientLimit;
    // per block
    private final double[] work;
    private final double[] coef;
    private final byte[] cells;
    private final CellDesign[] designs;
    private final int[] layoutRows = {-1, -1};
    private final int[][] layoutOrder = new int[2][];
    private final int[][] layoutStart = new int[2][];
    // per vector
    private final double[] u;
    private final double[] z;
    private final double[] q;
    private final double[] lambda;
    private final double[] vwork;
    private final long[] a;
    private final double[] spreads;
    private final int[] coordIndex;
    private final CellDesign[] coordDesign;
    /** A trial part's points known from an earlier trial (vector v at [v·n, v·n + n)), or null. */
    private long[] cachedPoints;
    /** Where a trial part's points are recorded for later trials, or null. */
    private long[] recordedPoints;
    private int[] nfOffsets = new int[16];
    private long[] nfBits = new long[16];

    /** Tests: coders built while this is set take the general walk even for Z1. */
    static final ThreadLocal<Boolean> GENERIC_WALK = ThreadLocal.withInitial(() -> false);

    public TransformBlockCoder(Lattice lattice, TriangularBasis basis, FileHeader header) {
        this.lattice = lattice;
        this.basis = basis;
        this.header = header;
        this.plan = header.plan();
        this.transform = new BlockTransform(plan);
        this.n = header.dimension();
        this.channels = plan.channels();
        this.bands = plan.bands();
        this.sigma0Sq = CellDesign.unscaledNoise(header.nsm(), header.log2Volume(), n);
        if (header.coder() == FileHeader.CODER_POLAR_LEVELS) {
            if (!(lattice instanceof PolarLattice)) {
                throw new IllegalArgumentException("the polar-lattice point coder needs a polar lattice, not "
                        + lattice.name());
            }
            PolarLattice p = (PolarLattice) lattice;
            double[] scales = new double[p.levels() + 1];
            java.util.Arrays.fill(scales, 1.0);
            scales[p.levels()] = header.coarseScale();
            this.polarCoder = new PolarLatticePointCoder(p.design(), basis, scales);
            this.coder = null;
        } else {
            this.polarCoder = null;
            this.coder = new SuccessiveGaussianPointCoder(basis, Math.sqrt(sigma0Sq), true,
                    header.coder() == FileHeader.CODER_PHASE_TABLE);
        }
        this.coefficientLimit = polarCoder == null ? 0x1p50
                : Math.min(0x1p50, Math.scalb(1.0, 61 - Integer.numberOfTrailingZeros(n)));
        this.dither = new CounterDither(header.seed());
        this.outFormat = header.source();
        this.mean = header.mean();
        this.scale = header.scale();
        this.theta = header.theta();
        this.perCoordinate = basis.isSignedIdentity();
        this.integerKernel = lattice instanceof IntegerLattice && n == 1 && basis.isIdentity() && coder != null
                && !GENERIC_WALK.get();
        this.pad = CellDesign.padding(sigma0Sq);
        int maxSamples = (int) Math.min(plan.maxBlockSamples(), header.sampleCount());
        this.work = new double[maxSamples];
        this.coef = new double[maxSamples];
        this.cells = new byte[plan.cellsPerBlock()];
        this.designs = new CellDesign[plan.cellsPerBlock()];
        this.u = new double[n];
        this.z = new double[n];
        this.q = new double[n];
        this.lambda = new double[n];
        this.vwork = new double[2 * n];
        this.a = new long[n];
        this.spreads = new double[n];
        this.coordIndex = new int[n];
        this.coordDesign = new CellDesign[n];
    }

    /** Result of encoding one block. */
    public record Encoded(byte[] bytes, int samples, double sse, double maxAbsError, long finiteCount,
                          double idealBits,
                          double[] sseByChannel, long[] finiteByChannel) {
    }

    /** Positions of each band, stable in position order; cached for the (at most two) block heights of a file. */
    private int[] layout(int rows, int[][] startOut) {
        int slot = layoutRows[0] == rows ? 0 : layoutRows[1] == rows ? 1 : -1;
        if (slot < 0) {
            slot = layoutRows[0] == -1 ? 0 : 1;
            int[] band = plan.bandMap(rows);
            int[] start = new int[bands + 1];
            for (int b : band) {
                start[b + 1]++;
            }
            for (int b = 0; b < bands; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = Arrays.copyOf(start, bands);
            int[] order = new int[band.length];
            for (int pos = 0; pos < band.length; pos++) {
                order[fill[band[pos]]++] = pos;
            }
            layoutRows[slot] = rows;
            layoutOrder[slot] = order;
            layoutStart[slot] = start;
        }
        startOut[0] = layoutStart[slot];
        return layoutOrder[slot];
    }

    /**
     * Encodes the {@code count} samples {@code x[0..count)} of block {@code block} (interleaved channels, file order).
     * Writes the reconstruction into {@code recon} when it is not null.
     */
    public Encoded encode(long block, double[] x, int count, long firstSampleIndex, double[] recon)
            throws LatqException {
        return encodeRows(block, x, count, checkedRows(block, count), firstSampleIndex, recon);
    }

    /**
     * Encodes the first {@code rows} rows of block {@code block} ({@code x} holds at least those samples) as a block
     * of that many rows: the coded size of a part of a block under this header, for trial encodings. Not a block of
     * any file.
     */
    public Encoded encodePart(long block, double[] x, int rows) throws LatqException {
        return encodePart(block, x, rows, null);
    }

    /**
     * {@link #encodePart(long, double[], int)}, taking the part's lattice points from {@code shared} when an earlier
     * trial under the same quantization has put them there (and putting them there otherwise): trial headers that
     * differ only in the model (w, κ_c, the point coder) quantize every vector the same way. Null: quantize.
     */
    public Encoded encodePart(long block, double[] x, int rows, TrialPoints shared) throws LatqException {
        if (rows < 1 || rows > plan.rowsInBlock(block)) {
            throw new IllegalArgumentException("block " + block + " has " + plan.rowsInBlock(block) + " rows, not "
                    + rows);
        }
        int count = Math.toIntExact(rows * plan.rowPositions() * channels);
        if (shared == null || integerKernel) {
            return encodeRows(block, x, count, rows, 0, null);
        }
        java.util.Map<List<Long>, long[]> points = shared.pointsOf(header);
        List<Long> key = List.of(block, (long) rows);
        long[] known = points.get(key);
        try {
            if (known != null) {
                cachedPoints = known;
            } else {
                recordedPoints = new long[(count / n + 1) * n];
            }
            Encoded e = encodeRows(block, x, count, rows, 0, null);
            if (known == null) {
                points.putIfAbsent(key, recordedPoints);
            }
            return e;
        } finally {
            cachedPoints = null;
            recordedPoints = null;
        }
    }

    /**
     * The lattice points of trial encodings, shared by the trial headers that quantize alike: the same header up to
     * the spread weight w, κ_c and the choice between the successive coders, none of which changes a cell's step,
     * the dither or the quantizer (only the model). Keyed by that quantization (a rate search's water levels each
     * have their own) and (block, rows); safe for parallel trials (an entry is published whole, and two trials that
     * compute the same part compute the same points).
     */
    public static final class TrialPoints {
        private final java.util.Map<FileHeader, java.util.Map<List<Long>, long[]>> byQuantization =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The points of the parts coded under headers that quantize as {@code h} does, by (block, rows). */
        java.util.Map<List<Long>, long[]> pointsOf(FileHeader h) {
            return byQuantization.computeIfAbsent(quantization(h), k -> new java.util.concurrent.ConcurrentHashMap<>());
        }

        // the coder family stays in the key: the polar coder refuses coefficients from a lower limit than the
        // successive coders (coefficientLimit), and a shared point must have passed the check of its own family
        private static FileHeader quantization(FileHeader h) {
            int family = h.coder() == FileHeader.CODER_POLAR_LEVELS ? h.coder() : FileHeader.CODER_PHASE_TABLE;
            return h.withDesign(h.theta(), 0.0).withCoder(family, 1.0);
        }
    }

    private Encoded encodeRows(long block, double[] x, int count, int rows, long firstSampleIndex, double[] recon)
            throws LatqException {
        int nf = copyFinite(x, count, firstSampleIndex);
        transform.forward(work, rows, mean, scale, coef);
        int p = count / channels;
        int[][] st = new int[1][];
        int[] order = layout(rows, st);
        int[] start = st[0];
        cellCodes(p, order, start);
        designCells();
        enc.reset();
        if (integerKernel) {
            forEachIntegerCell(p, order, start, (vector, off, from, to, d) -> encodeIntegerCell(block, vector, off,
                    order, from, to, d, firstSampleIndex));
        } else {
            forEachVector(p, order, start, (vector, filled) -> encodeVector(block, vector, filled, firstSampleIndex));
        }
        if (coder != null) {
            coder.flush(enc);
        }
        int len = enc.finish();
        double ideal = enc.idealBits();
        double[] out = recon != null ? recon : work;
        transform.inverse(coef, rows, mean, scale, out);
        Errors e = errors(x, out, count, nf);
        byte[] bytes = BlockFormat.encode(block, count, cells.clone(), nf, nfOffsets, nfBits, enc.buffer(),
                enc.offset(), len, header.fileId());
        return new Encoded(bytes, count, e.sse, e.maxAbs, e.finite, ideal, e.sseByChannel, e.finiteByChannel);
    }

    // the per-sample loops of a block live in small methods: each is compiled once by itself, instead of the whole of
    // encodeRows being compiled again (on-stack replacement) for every loop that gets hot

    /**
     * x[0..count) into work, non-finite samples replaced by their channel's mean and recorded (or refused without
     * --keep-nonfinite); returns their number.
     */
    private int copyFinite(double[] x, int count, long firstSampleIndex) throws LatqException {
        int nf = 0;
        for (int i = 0; i < count; i++) {
            double xi = x[i];
            if (Double.isFinite(xi)) {
                work[i] = xi;
            } else {
                if (!header.keepNonFinite()) {
                    throw new LatqException("sample " + (firstSampleIndex + i) + " is " + xi
                            + " (use --keep-nonfinite to carry non-finite values)");
                }
                if (nf == nfOffsets.length) {
                    nfOffsets = Arrays.copyOf(nfOffsets, nf * 2);
                    nfBits = Arrays.copyOf(nfBits, nf * 2);
                }
                nfOffsets[nf] = i;
                nfBits[nf] = Double.doubleToRawLongBits(xi);
                nf++;
                work[i] = mean[i % channels];
            }
        }
        return nf;
    }

    /** Each cell's variance code from its coefficients' mean square. */
    private void cellCodes(int p, int[] order, int[] start) {
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                double sum = 0;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    double v = coef[c * p + order[k]];
                    sum += v * v;
                }
                int cnt = start[b + 1] - start[b];
                int code = cnt == 0 ? 0 : VarianceCode.code(sum / cnt, theta[c]);
                cells[c * bands + b] = (byte) code;
            }
        }
    }

    /** A block's reconstruction errors. */
    private record Errors(double sse, double maxAbs, long finite, double[] sseByChannel, long[] finiteByChannel) {
    }

    /**
     * The reconstruction in the output type (non-finite samples restored) and its errors against x, per channel and
     * in all.
     */
    private Errors errors(double[] x, double[] out, int count, int nf) {
        double sse = 0;
        double maxAbs = 0;
        long finite = 0;
        int nfi = 0;
        double[] sseByChannel = new double[channels];
        long[] finiteByChannel = new long[channels];
        for (int i = 0, ch = 0; i < count; i++, ch = ch + 1 == channels ? 0 : ch + 1) { // ch = i mod channels
            if (nfi < nf && nfOffsets[nfi] == i) {
                out[i] = Double.longBitsToDouble(nfBits[nfi++]);
                continue;
            }
            double r = outFormat.roundTrip(out[i]);
            out[i] = r;
            double e = r - x[i];
            sse += e * e;
            sseByChannel[ch] += e * e;
            finiteByChannel[ch]++;
            maxAbs = Math.max(maxAbs, Math.abs(e));
            finite++;
        }
        return new Errors(sse, maxAbs, finite, sseByChannel, finiteByChannel);
    }

    /** What the encoder and the decoder do with one vector of {@code filled} coordinates (the rest padding). */
    @FunctionalInterface
    private interface VectorStep<E extends LatqException> {
        void run(long vector, int filled) throws E;
    }

    /**
     * The one walk over a block's coefficients that both directions share: coded cells in the order (component,
     * band, position) are cut into vectors of n (coordIndex/coordDesign filled for each), uncoded cells are set to
     * 0. The last vector may be short; {@code step} pads it.
     */
    private <E extends LatqException> void forEachVector(int p, int[] order, int[] start, VectorStep<E> step)
            throws E {
        int filled = 0;
        long vector = 0;
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                CellDesign d = designs[c * bands + b];
                int k = start[b];
                int end = start[b + 1];
                if (d == null) {
                    clearCell(c * p, order, k, end);
                    continue;
                }
                while (k < end) {
                    // the vector's next coordinates, as many as this cell holds (the same order as one at a time)
                    int take = Math.min(n - filled, end - k);
                    int off = c * p;
                    for (int i = 0; i < take; i++) {
                        coordIndex[filled + i] = off + order[k + i];
                    }
                    Arrays.fill(coordDesign, filled, filled + take, d);
                    filled += take;
                    k += take;
                    if (filled == n) {
                        step.run(vector++, filled);
                        filled = 0;
                    }
                }
            }
        }
        if (filled > 0) {
            step.run(vector, filled);
        }
    }

    private int checkedRows(long block, int count) {
        long rows = plan.rowsInBlock(block);
        if (rows * plan.rowPositions() * channels != count) {
            throw new IllegalStateException("block " + block + " holds " + count + " samples, the plan says "
                    + rows * plan.rowPositions() * channels);
        }
        return (int) rows;
    }

    private void designCells() {
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                int code = cells[c * bands + b] & 0xFF;
                designs[c * bands + b] = code == 0 ? null
                        : CellDesign.of(VarianceCode.variance(code, theta[c]), theta[c], sigma0Sq,
                        header.spreadWeight());
            }
        }
    }

    private void vectorSpreads(int filled) {
        for (int k = filled; k < n; k++) {
            coordDesign[k] = pad;
            coordIndex[k] = -1;
        }
        if (perCoordinate) {
            for (int k = 0; k < n; k++) {
                spreads[k] = coordDesign[k].spread();
            }
        } else {
            // a rotated basis mixes coordinates: one spread for the vector, the RMS of the cells' spreads
            double s2 = 0;
            for (int k = 0; k < n; k++) {
                double s = coordDesign[k].spread();
                s2 += s * s;
            }
            Arrays.fill(spreads, Math.sqrt(s2 / n));
        }
    }

    private void encodeVector(long block, long vector, int filled, long firstSampleIndex) throws LatqException {
        vectorSpreads(filled);
        dither.position(block, vector);
        lattice.sampleFundamentalRegion(dither, u, 0);
        if (cachedPoints != null) { // quantized and checked by an earlier trial
            System.arraycopy(cachedPoints, Math.toIntExact(vector * n), a, 0, n);
        } else {
            for (int k = 0; k < n; k++) {
                z[k] = scaledCoefficient(coordIndex[k], coordDesign[k], firstSampleIndex) + u[k];
            }
            lattice.quantize(z, 0, q, 0);
            basis.coordinates(q, 0, vwork, a);
            if (recordedPoints != null) {
                System.arraycopy(a, 0, recordedPoints, Math.toIntExact(vector * n), n);
            }
        }
        if (polarCoder != null) {
            polarCoder.encode(a, u, spreads, enc);
        } else {
            coder.encode(a, u, spreads, enc);
        }
        pointOfCoded();
        if (cachedPoints == null) {
            for (int k = 0; k < n; k++) {
                requireLatticePoint(k);
            }
        }
        for (int k = 0; k < filled; k++) {
            coef[coordIndex[k]] = coordDesign[k].gain() * (lambda[k] - u[k]);
        }
    }

    /** An uncoded cell's coefficients (positions order[from..to) of the component at {@code off}) decode to 0. */
    private void clearCell(int off, int[] order, int from, int to) {
        for (int k = from; k < to; k++) {
            coef[off + order[k]] = 0;
        }
    }

    /** What the encoder and the decoder do with one coded cell of Z1. */
    @FunctionalInterface
    private interface CellStep<E extends LatqException> {
        /** Codes positions order[from..to) of the component at {@code off}, the first as vector {@code vector}. */
        void run(long vector, int off, int from, int to, CellDesign d) throws E;
    }

    /**
     * {@link #forEachVector} for Z1: every coded coefficient is a vector of its own (same order, same dither
     * positions), and a whole cell goes to {@code step} at once, which codes it in one loop without the general
     * walk's per-vector arrays and calls. {@code TransformBlockCoderScalarTest} checks the bytes and the decoded
     * samples against the general walk.
     */
    private <E extends LatqException> void forEachIntegerCell(int p, int[] order, int[] start, CellStep<E> step)
            throws E {
        long vector = 0;
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < bands; b++) {
                CellDesign d = designs[c * bands + b];
                if (d == null) {
                    clearCell(c * p, order, start[b], start[b + 1]);
                    continue;
                }
                step.run(vector, c * p, start[b], start[b + 1], d);
                vector += start[b + 1] - start[b];
            }
        }
    }

    /**
     * {@link #encodeVector} for the coefficients of one Z1 cell: u = the vector's first dither double, λ = the
     * nearest integer to coef/a + u (Z1's quantizer, {@link Rounding#roundHalfUp}), which is its own coordinate,
     * coded by the successive coder's single-coordinate form; then the reconstruction β·a·(λ − u).
     */
    private void encodeIntegerCell(long block, long vector, int off, int[] order, int from, int to, CellDesign d,
                                   long firstSampleIndex) throws LatqException {
        double s = d.spread();
        double gain = d.gain();
        for (int k = from; k < to; k++) {
            int idx = off + order[k];
            dither.position(block, vector++);
            double u = dither.nextDouble();
            // |coef/a| < 2^50, so λ is an exact integer well inside a long
            long lam = (long) Rounding.roundHalfUp(scaledCoefficient(idx, d, firstSampleIndex) + u);
            coder.encodeCoordinate(lam, u, s, enc);
            coef[idx] = gain * ((double) lam - u);
        }
    }

    /** {@link #decodeVector} for the coefficients of one Z1 cell, the inverse of {@link #encodeIntegerCell}. */
    private void decodeIntegerCell(long block, long vector, int off, int[] order, int from, int to, CellDesign d)
            throws LatqFormatException {
        double s = d.spread();
        double gain = d.gain();
        for (int k = from; k < to; k++) {
            dither.position(block, vector++);
            double u = dither.nextDouble();
            long lam = coder.decodeCoordinate(u, s, dec);
            coef[off + order[k]] = gain * ((double) lam - u);
        }
    }

    /** coef[idx]/a of cell design d, refused when too large for the quantizer's exact range. */
    private double scaledCoefficient(int idx, CellDesign d, long firstSampleIndex) throws LatqException {
        double c = idx < 0 ? 0 : coef[idx] / d.step();
        if (!(Math.abs(c) < coefficientLimit)) {
            throw new LatqException("a sample near index " + firstSampleIndex
                    + " is too large relative to the quantization step");
        }
        return c;
    }

    /** λ_k must be the quantizer's own output q_k (within rounding): the quantizer answered with a lattice point. */
    private void requireLatticePoint(int k) {
        if (!(Math.abs(lambda[k] - q[k]) <= 1e-6 * (1 + Math.abs(q[k])))) {
            throw new IllegalStateException("lattice " + lattice.name()
                    + " quantizer returned a point that is not in the lattice of its generator");
        }
    }

    /**
     * λ = a·B of the coordinates just coded (either direction, the same doubles): from the successive coder's own
     * offsets when it can give them ({@link SuccessiveGaussianPointCoder#pointOfCoded}), else {@link
     * TriangularBasis#point}.
     */
    private void pointOfCoded() {
        if (polarCoder != null || !coder.pointOfCoded(a, lambda) || zeroAtZeroDither()) {
            basis.point(a, lambda, 0);
        }
    }

    /**
     * Whether some λ_k = 0 meets a dither u_k = ±0: only there does the sign of a zero λ_k reach the reconstruction
     * β·a·(λ_k − u_k), so only there must λ come from {@link TriangularBasis#point} itself.
     */
    private boolean zeroAtZeroDither() {
        for (int k = 0; k < n; k++) {
            if (u[k] == 0 && lambda[k] == 0) { // u = 0 is the rare case: test it first
                return true;
            }
        }
        return false;
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
        int rows = checkedRows(blk.index(), count);
        System.arraycopy(blk.cells(), 0, cells, 0, cells.length);
        designCells();
        int p = count / channels;
        int[][] st = new int[1][];
        int[] order = layout(rows, st);
        int[] start = st[0];
        dec.reset(blk.payload(), 0, blk.payload().length);
        if (integerKernel) {
            forEachIntegerCell(p, order, start, (vector, off, from, to, d) -> decodeIntegerCell(blk.index(), vector,
                    off, order, from, to, d));
        } else {
            forEachVector(p, order, start, (vector, filled) -> decodeVector(blk.index(), vector, filled));
        }
        dec.finish();
        transform.inverse(coef, rows, mean, scale, out);
        int[] offs = blk.nonFiniteOffsets();
        long[] bits = blk.nonFiniteBits();
        int nfi = 0;
        for (int i = 0; i < count; i++) {
            if (nfi < offs.length && offs[nfi] == i) {
                double v = Double.longBitsToDouble(bits[nfi++]);
                if (Double.isFinite(v)) {
                    throw new LatqFormatException("block " + blk.index() + " carries a finite value as non-finite");
                }
                out[i] = v;
            } else if (!Double.isFinite(out[i])) {
                throw new LatqFormatException("block " + blk.index() + " decodes to a non-finite value (corrupt data)");
            }
        }
    }

    private void decodeVector(long block, long vector, int filled) throws LatqFormatException {
        vectorSpreads(filled);
        dither.position(block, vector);
        lattice.sampleFundamentalRegion(dither, u, 0);
        if (polarCoder != null) {
            polarCoder.decode(u, spreads, dec, a);
        } else {
            coder.decode(u, spreads, dec, a);
        }
        pointOfCoded();
        for (int k = 0; k < filled; k++) {
            coef[coordIndex[k]] = coordDesign[k].gain() * (lambda[k] - u[k]);
        }
    }
}

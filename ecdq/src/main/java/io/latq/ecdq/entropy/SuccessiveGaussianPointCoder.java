package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.index.TriangularBasis;


/**
 * Codes a lattice point coordinate by coordinate in a lower-triangular basis ({@link TriangularBasis}), each
 * coordinate with a discretized Gaussian conditioned on the dither and on the coordinates already coded.
 *
 * <p>With v = u·Qᵀ the rotated dither and c_j = Σ_{i&gt;j} a_i L_ij, the point's rotated coordinate is
 * y_j = c_j + a_j·L_jj. The source plus dither error X + E is modelled as N(0, s²) per coordinate, so y_j − v_j
 * ~ N(0, s²) and, for j = n−1 down to 0,
 * <pre>
 *   P(a_j = k | a_{&gt;j}, u) = Φ((c_j + (k+½)L_jj − v_j)/s) − Φ((c_j + (k−½)L_jj − v_j)/s),
 * </pre>
 * i.e. {@link DiscretizedGaussianModel} with centre μ = (v_j − c_j)/L_jj and spread t = s/L_jj in cell units.
 * The cells of consecutive coordinates tile R^n, so the product is a proper distribution over lattice points;
 * at high resolution −log2 P ≈ −log2(φ_s(λ − u)·V), whose mean per dimension is R(D) + ½·log2(2πeG) when
 * s² = σ² + σ_q² (Zamir &amp; Feder 1996). For a one-dimensional lattice with a nearest-point quantizer, choosing
 * s = σ makes this the exact conditional probability P(Q(X+u) = λ | u) for Gaussian X.
 *
 * <p>Fine quantization (t = s/L_jj ≥ {@value #SPLIT_SPREAD} cells): a_j = k is split into a bucket q = ⌊k/m⌋ and an
 * offset r = k − q·m with m = 2^b, b = ⌊log2(t/16)⌋. The bucket is coded with the exact Gaussian mass of its
 * m cells (the same model in bucket units: centre (μ+½)/m − ½, spread t/m ∈ [16, 32)), and r with b uniform
 * bits. The density varies by only a few percent across a bucket of t/16 or fewer cells, so the uniform offset costs
 * about 1e−3 bit, while the window stays at most 417 symbols however fine the quantizer.
 *
 * <p>Values outside the model window are sent as the escape symbol followed by the 64-bit coordinate, so
 * heavy-tailed data never fail. The encoder defers the model intervals to a {@link GaussianIntervalBatch}, which
 * computes them four erfc at a time with the same result; {@link #flush} completes them. Allocation-free per point.
 */
public final class SuccessiveGaussianPointCoder implements LatticePointCoder {
    /** Spread (in cells) from which coordinates are coded as bucket + uniform offset. */
    public static final double SPLIT_SPREAD = 32.0;

    private final TriangularBasis basis;
    private final double spread;
    /** The version-1/2 model (exact centre, erfc per symbol, batched on the encoder side); null in version 3. */
    private final DiscretizedGaussianModel exact;
    private final GaussianCellModel model;
    private final GaussianIntervalBatch batch = new GaussianIntervalBatch();
    private final double[] rotated;
    /** Format version 2: offsets accumulated as coordinates are coded ({@link TriangularBasis#pushOffsetsInOrder});
     *  null = version 1. */
    private final double[] acc;
    /** Scratch of {@link TriangularBasis#pushOffsetsInOrder} (version 2 only). */
    private final double[] beta;
    /** L_jj, and per coordinate the last spread s and its s/L_jj (NaN: none yet). */
    private final double[] diagonal;
    private final double[] lastSpread;
    private final double[] lastT;
    /** Version 3: the phase-table model, and per coordinate the hint of its last spread's tables. */
    private final PhaseTableGaussianModel phase;
    private final int[] hints;

    /**
     * @param basis  triangular view of the (unscaled) lattice the coordinates refer to
     * @param spread the model standard deviation s, in the same units as the lattice
     */
    public SuccessiveGaussianPointCoder(TriangularBasis basis, double spread) {
        this(basis, spread, false);
    }

    /**
     * @param incremental true for format version 2: the offsets c_j are accumulated along the rows of the basis as
     *                    coordinates are coded ({@link TriangularBasis#pushOffsets}, cost proportional to the nonzero
     *                    entries) instead of summed per coordinate ({@link TriangularBasis#offset}, version 1)
     */
    public SuccessiveGaussianPointCoder(TriangularBasis basis, double spread, boolean incremental) {
        this(basis, spread, incremental, false);
    }

    /**
     * @param incremental as in {@link #SuccessiveGaussianPointCoder(TriangularBasis, double, boolean)}
     * @param phaseTable  true for format version 3: the model is {@link PhaseTableGaussianModel} (the version-2 model
     *                    at the centre rounded to 1/256 cell, read from tables), false for
     *                    {@link DiscretizedGaussianModel}
     */
    public SuccessiveGaussianPointCoder(TriangularBasis basis, double spread, boolean incremental,
                                        boolean phaseTable) {
        if (!(spread > 0) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("model spread must be positive and finite, got " + spread);
        }
        this.basis = basis;
        this.spread = spread;
        this.rotated = new double[basis.dimension()];
        this.acc = incremental ? new double[basis.dimension()] : null;
        this.beta = incremental ? new double[basis.dimension()] : null;
        this.exact = phaseTable ? null : new DiscretizedGaussianModel();
        this.phase = phaseTable ? new PhaseTableGaussianModel() : null;
        this.model = phaseTable ? phase : exact;
        this.hints = phaseTable ? new int[basis.dimension()] : null;
        this.diagonal = new double[basis.dimension()];
        for (int j = 0; j < diagonal.length; j++) {
            diagonal[j] = basis.diagonal(j);
        }
        this.lastSpread = new double[basis.dimension()];
        this.lastT = new double[basis.dimension()];
        java.util.Arrays.fill(lastSpread, Double.NaN); // NaN equals nothing, so the first use divides
        if (hints != null) {
            java.util.Arrays.fill(hints, -1);
        }
    }

    @Override
    public void encode(long[] a, double[] dither, RansEncoder enc) {
        encode(a, dither, null, enc);
    }

    /**
     * Encodes with a model spread per coordinate ({@code spreads[j]} for coordinate j; null = the constant spread).
     * Per-coordinate spreads are a valid model only when the basis is not rotated
     * ({@link TriangularBasis#isSignedIdentity()}): then coordinate j of the rotated frame is sample j up to sign.
     */
    public void encode(long[] a, double[] dither, double[] spreads, RansEncoder enc) {
        int n = basis.dimension();
        basis.rotate(dither, 0, rotated);
        if (acc != null) {
            java.util.Arrays.fill(acc, 0.0);
        }
        boolean fast = true;
        for (int j = n - 1; j >= 0; j--) {
            int b = configure(j, a, spreads == null ? spread : spreads[j]);
            if (acc != null) {
                fast = basis.pushOffsetsInOrder(j, a, acc, beta, fast);
            }
            pushCoordinate(a[j], b, enc);
        }
    }

    /**
     * {@link #encode(long[], double[], double[], RansEncoder)} of the one-dimensional identity basis (Z1), without
     * arrays: the point k, dither u and spread s. Its centre (u·1 − 0)/1 is u itself, so the symbols are the same.
     */
    public void encodeCoordinate(long k, double u, double s, RansEncoder enc) {
        requireIdentityLine();
        pushCoordinate(k, configureCentre(0, u, s), enc);
    }

    /** Codes coordinate k under the model {@link #configure} set up, with b uniform offset bits. */
    private void pushCoordinate(long k, int b, RansEncoder enc) {
        long bucket = b == 0 ? k : Math.floorDiv(k, 1L << b);
        int s = model.symbolOf(bucket);
        if (exact != null) {
            batch.push(exact, s, enc);
        } else {
            enc.push(model, s);
        }
        if (s == model.escapeSymbol()) {
            enc.pushRaw64(k);
        } else if (b > 0) {
            enc.pushBits(k - (bucket << b), b);
        }
    }

    @Override
    public void flush(RansEncoder enc) {
        batch.flush(enc);
    }

    @Override
    public void decode(double[] dither, RansDecoder dec, long[] a) throws LatqFormatException {
        decode(dither, null, dec, a);
    }

    /** Decodes a point coded by {@link #encode(long[], double[], double[], RansEncoder)} with the same spreads. */
    public void decode(double[] dither, double[] spreads, RansDecoder dec, long[] a) throws LatqFormatException {
        int n = basis.dimension();
        basis.rotate(dither, 0, rotated);
        if (acc != null) {
            java.util.Arrays.fill(acc, 0.0);
        }
        boolean fast = true;
        for (int j = n - 1; j >= 0; j--) {
            a[j] = readCoordinate(configure(j, a, spreads == null ? spread : spreads[j]), dec);
            if (acc != null) {
                fast = basis.pushOffsetsInOrder(j, a, acc, beta, fast);
            }
        }
    }

    /** {@link #decode(double[], double[], RansDecoder, long[])} of the one-dimensional identity basis (Z1). */
    public long decodeCoordinate(double u, double s, RansDecoder dec) throws LatqFormatException {
        requireIdentityLine();
        return readCoordinate(configureCentre(0, u, s), dec);
    }

    /** Reads a coordinate coded by {@link #pushCoordinate} under the same model and b. */
    private long readCoordinate(int b, RansDecoder dec) throws LatqFormatException {
        int s = dec.decode(model);
        long k;
        if (s == model.escapeSymbol()) {
            k = dec.decodeRaw64();
        } else {
            long bucket = model.windowStart() + s;
            if (Math.abs(bucket) > (1L << (53 - b))) {
                throw new LatqFormatException("decoded lattice coordinate out of range (corrupt data)");
            }
            k = b == 0 ? bucket : (bucket << b) + dec.decodeBits(b);
        }
        if (Math.abs(k) > (1L << 53)) {
            throw new LatqFormatException("decoded lattice coordinate out of range (corrupt data)");
        }
        return k;
    }

    private void requireIdentityLine() {
        if (basis.dimension() != 1 || !basis.isIdentity()) {
            throw new IllegalStateException("single coordinates are coded only for the identity basis of Z1");
        }
    }

    /**
     * The point λ = a·B of the coordinates {@link #encode} or {@link #decode} just coded, from the offsets both
     * accumulate the same way ({@link TriangularBasis#pointFromOffsets}); false when that does not apply (format
     * version 1, no Kronecker form, large values), and then {@code out} is not written.
     */
    public boolean pointOfCoded(long[] a, double[] out) {
        return acc != null && basis.pointFromOffsets(a, acc, out);
    }

    /** Configures the model for coordinate j and returns the number b of uniform offset bits (0: no split). */
    private int configure(int j, long[] a, double s) {
        double c = acc != null ? acc[j] : basis.offset(j, a);
        return configureCentre(j, (rotated[j] - c) / diagonal[j], s);
    }

    /** {@link #configure} from the centre μ = (v_j − c_j)/L_jj in cell units. */
    private int configureCentre(int j, double mu, double s) {
        double t;
        if (s == lastSpread[j]) { // a vector's coordinates keep their spread from vector to vector: reuse s/L_jj
            t = lastT[j];
        } else {
            t = s / diagonal[j];
            lastSpread[j] = s;
            lastT[j] = t;
        }
        int b = 0;
        if (t >= SPLIT_SPREAD) {
            b = Math.min(48, Math.getExponent(t / 16.0)); // t/m in [16, 32)
            double m = Math.scalb(1.0, b);
            mu = (mu + 0.5) / m - 0.5;
            t = t / m;
        }
        if (phase != null) {
            hints[j] = phase.configure(mu, t, hints[j]);
        } else {
            model.configure(mu, t);
        }
        return b;
    }

    @Override
    public LatticePointCoder copy() {
        return new SuccessiveGaussianPointCoder(basis, spread, acc != null, exact == null);
    }
}

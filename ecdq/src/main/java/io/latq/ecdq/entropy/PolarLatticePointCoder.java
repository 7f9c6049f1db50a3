package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.polar.PolarTransform;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;

/**
 * Entropy codes a point of a polar lattice (Construction D over Z/2Z/…/2^rZ, {@link PolarLattice}) given the dither
 * u, level by level, so that the code length is −log2 of a model probability of λ that follows the lattice's own
 * structure and approaches H(Q(X+U) | U) when the model fits (Zamir &amp; Feder 1996; the multilevel decomposition is
 * that of polar lattices, Yan, Liu, Ling &amp; Wu 2014).
 *
 * <p>Model: λ_k ~ N(u_k, s_k²) restricted to the integers, coordinates independent, restricted to the lattice by the
 * chain rule over the levels. With y⁽¹⁾ = u (centres) and λ⁽¹⁾ = λ, for level i = 1..r:
 * <pre>
 *   x_i = λ⁽ⁱ⁾ mod 2                  a codeword of the level-i code (u_i = x_i·F^{⊗m} over GF(2), frozen bits 0)
 *   L_k = log P(λ⁽ⁱ⁾_k even)/P(odd)    under N(y⁽ⁱ⁾_k, (s_k/2^(i−1))²) on Z: {@link ModTwoLlrTable}
 *   x_i coded by {@link SoftScLevelCoder} (soft SC chain rule over the information bits, Fast-SSC node rules)
 *   c_i = u_i·F^{⊗m} over Z            (≡ x_i mod 2; the level's term in the generator's sum)
 *   λ⁽ⁱ⁺¹⁾ = (λ⁽ⁱ⁾ − c_i)/2,  y⁽ⁱ⁺¹⁾ = (y⁽ⁱ⁾ − c_i)/2
 * </pre>
 * and finally the coarse part z = λ⁽ʳ⁺¹⁾ ∈ Z^N, coordinate k = 0..N−1, with the discretized Gaussian
 * {@link PhaseTableGaussianModel} (version 3's: {@link DiscretizedGaussianModel} at the centre rounded to 1/256 cell)
 * of centre y⁽ʳ⁺¹⁾_k and spread t_k = s_k/2^r (escape: 64 raw bits); for
 * t ≥ {@value #SPLIT_SPREAD} the value is split into a bucket of 2^b cells, b = min(48, ⌊log2(t/16)⌋), coded with the
 * model in bucket units (centre (μ + ½)/2^b − ½, spread t/2^b) and b uniform offset bits, as in
 * {@link SuccessiveGaussianPointCoder}. The decomposition λ = c_1 + 2c_2 + … + 2^(r−1)c_r + 2^r·z is a bijection
 * between Λ and C_1 × … × C_r × Z^N for the nested polar codes C_i: λ mod 2 ∈ C_1, and λ − c_1 =
 * Σ_{t∈A_1}(α_t − u_t)g_t + 2λ'' with even α_t − u_t and A_1 ⊆ A_2, so (λ − c_1)/2 lies in the lattice of levels
 * 2..r (this needs only nested sets; halving λ − x_1 with the binary x_1 would need the codes closed under the
 * Schur product). So every coded symbol sequence decodes to a lattice point. At high rate each level bit costs
 * about one bit and the coarse part dominates; at low rate most level bits are nearly determined by the dither.
 *
 * <p>Coordinates: the point is given and returned as the integer coordinates a of the generator
 * B = diag(2^(ℓ_t−1))·F^{⊗m} ({@link PolarLattice#generator()}), the same a as {@link TriangularBasis} and
 * {@link SuccessiveGaussianPointCoder} use (λ = a·B, converted here by the O(N log N) butterfly over Z).
 *
 * <p>Determinism: the channel LLRs come from per-noise tables built with StrictMath, the SC pass uses plus, minus
 * and the tabulated box-plus, the bit frequencies come from {@link LogisticFrequencyTable}, the coarse model is
 * {@link PhaseTableGaussianModel}: every integer fed to rANS is the same on every JVM. The symbol order is: level 1
 * bits (SC order), …, level r bits, then the N coarse values. docs/file-format.md, "Polar-lattice point coder".
 *
 * <p>Not thread-safe (one instance per worker); allocation-free per point once the LLR tables of the spreads in use
 * are built.
 */
public final class PolarLatticePointCoder {
    /** Spread (in coarse cells) from which coarse values are coded as bucket + uniform offset. */
    public static final double SPLIT_SPREAD = 32.0;
    /** Smallest model spread accepted (lattice units). */
    public static final double MIN_SPREAD = 0x1p-20;
    /** Largest model spread accepted (lattice units). */
    public static final double MAX_SPREAD = 0x1p40;

    private final int n;
    private final int m;
    private final int levels;
    private final int[] shift;
    private final double[] scales;
    private final SoftScLevelCoder[] levelCoders;
    private final LevelChannelCache channels = new LevelChannelCache();
    /** The coarse model: version 3's phase-table Gaussian (table lookups, no erfc per symbol). */
    private final PhaseTableGaussianModel model = new PhaseTableGaussianModel();
    /** |λ_k| bound: keeps the inverse butterfly (growth ≤ 2^m) inside a long. */
    private final long lambdaLimit;
    private final long[] work;
    private final double[] centre;
    private final double[] llr;
    private final byte[] codeword;
    private final byte[] bitsU;
    private final int[] contribution;

    /** The coder for {@code lattice}; {@code basis} must be its triangular view. */
    public PolarLatticePointCoder(PolarLattice lattice, TriangularBasis basis) {
        this(lattice.design(), basis);
    }

    /** The coder for the lattice of {@code design}; {@code basis} must be the triangular view of its generator. */
    public PolarLatticePointCoder(PolarLatticeDesign design, TriangularBasis basis) {
        this(design, basis, null, true);
    }

    /**
     * The coder with the model noise of each stage scaled: level i (1-based) uses the noise κ_i·s_k/2^(i−1) and the
     * coarse part the spread κ_{r+1}·s_k/2^r, κ = {@code noiseScales} (length r + 1, each in (0, 16]; null = all 1).
     * Fitting κ to the quantizer's actual per-level error (which is not Gaussian) tightens the model at low rate.
     */
    public PolarLatticePointCoder(PolarLatticeDesign design, TriangularBasis basis, double[] noiseScales) {
        this(design, basis, noiseScales, true);
    }

    /** @param prune whether the soft SC passes use the Fast-SSC node rules (false: every leaf, for tests) */
    PolarLatticePointCoder(PolarLatticeDesign design, TriangularBasis basis, double[] noiseScales, boolean prune) {
        this.n = design.n();
        this.m = Integer.numberOfTrailingZeros(n);
        this.levels = design.levels();
        if (noiseScales != null && noiseScales.length != levels + 1) {
            throw new IllegalArgumentException("need " + (levels + 1) + " noise scales, got " + noiseScales.length);
        }
        this.scales = new double[levels + 1];
        for (int i = 0; i <= levels; i++) {
            double k = noiseScales == null ? 1.0 : noiseScales[i];
            if (!(k > 0 && k <= 16)) {
                throw new IllegalArgumentException("noise scale " + k + " of stage " + (i + 1) + " not in (0, 16]");
            }
            scales[i] = k;
        }
        int[] first = design.firstLevels();
        this.shift = new int[n];
        for (int t = 0; t < n; t++) {
            shift[t] = first[t] - 1;
        }
        checkBasis(basis);
        this.levelCoders = new SoftScLevelCoder[levels];
        for (int i = 0; i < levels; i++) {
            boolean[] frozen = new boolean[n];
            java.util.Arrays.fill(frozen, true);
            for (int t : design.informationSet(i + 1)) {
                frozen[t] = false;
            }
            levelCoders[i] = new SoftScLevelCoder(frozen, prune);
        }
        this.lambdaLimit = 1L << (62 - m);
        this.work = new long[n];
        this.centre = new double[n];
        this.llr = new double[n];
        this.codeword = new byte[n];
        this.bitsU = new byte[n];
        this.contribution = new int[n];
    }

    /** Checks that {@code basis} is B = diag(2^(ℓ_t−1))·F^{⊗m} itself (no rotation), entry by entry. */
    private void checkBasis(TriangularBasis basis) {
        if (basis.dimension() != n || !basis.isSignedIdentity()) {
            throw new IllegalArgumentException("basis is not the (unrotated) generator of this polar lattice");
        }
        if (basis.isKronecker()) { // B = diag(d)·F^{⊗m} was verified when the basis was built: compare d only
            for (int i = 0; i < n; i++) {
                if (basis.generatorEntry(i, i) != Math.scalb(1.0, shift[i])) {
                    throw new IllegalArgumentException("basis entry (" + i + ", " + i + ") is "
                            + basis.generatorEntry(i, i) + ", the polar generator has " + Math.scalb(1.0, shift[i]));
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            double scale = Math.scalb(1.0, shift[i]);
            for (int j = 0; j < n; j++) {
                double want = j <= i && (j & ~i) == 0 ? scale : 0.0;
                if (basis.generatorEntry(i, j) != want) {
                    throw new IllegalArgumentException("basis entry (" + i + ", " + j + ") is "
                            + basis.generatorEntry(i, j) + ", the polar generator has " + want);
                }
            }
        }
    }

    /** The lattice dimension N. */
    public int dimension() {
        return n;
    }

    /**
     * Pushes the symbols of the point with coordinates {@code a} onto {@code enc}, in decoding order.
     *
     * @param dither  u, the dither the decoder also knows (any finite values; the lattice's is in [0, 2^r)^N)
     * @param spreads s_k, the model standard deviation of λ_k − u_k in lattice units, in
     *                [{@link #MIN_SPREAD}, {@link #MAX_SPREAD}]
     * @throws IllegalArgumentException if a is not a point of this lattice within range (|λ_k| ≤ 2^(62−m)), or a
     *                                  spread or dither value is out of range
     */
    public void encode(long[] a, double[] dither, double[] spreads, RansEncoder enc) {
        encode(a, dither, spreads, null, enc);
    }

    /**
     * As {@link #encode(long[], double[], double[], RansEncoder)} with the coarse part's spread given per coordinate:
     * the coarse value z_k is coded with spread {@code coarseSpreads[k]}/2^r instead of κ_{r+1}·s_k/2^r (null: the
     * latter). The coarse value is the rounding of the source's residual, so a spread near σ_x²/s_k (the source part
     * shrunk by its share of s_k²) fits better at low rate than s_k (docs/ecdq.md).
     */
    public void encode(long[] a, double[] dither, double[] spreads, double[] coarseSpreads, RansEncoder enc) {
        checkModel(dither, spreads);
        checkCoarse(coarseSpreads);
        long[] lam = work;
        toPoint(a, lam);
        System.arraycopy(dither, 0, centre, 0, n);
        for (int i = 0; i < levels; i++) {
            levelInputs(lam, i, spreads);
            levelCoders[i].encode(llr, codeword, enc);
            descend();
        }
        for (int k = 0; k < n; k++) {
            int b = configureCoarse(k, coarseSpreads, spreads[k]);
            long z = lam[k];
            long bucket = b == 0 ? z : Math.floorDiv(z, 1L << b);
            int s = model.symbolOf(bucket);
            enc.push(model, s);
            if (s == model.escapeSymbol()) {
                enc.pushRaw64(z);
            } else if (b > 0) {
                enc.pushBits(z - (bucket << b), b);
            }
        }
    }

    /**
     * Decodes the coordinates of a point written by {@link #encode} with the same dither and spreads into {@code a}.
     *
     * @throws LatqFormatException if the payload is truncated or decodes to a value out of range
     */
    public void decode(double[] dither, double[] spreads, RansDecoder dec, long[] a) throws LatqFormatException {
        decode(dither, spreads, null, dec, a);
    }

    /** Decodes a point written by {@link #encode(long[], double[], double[], double[], RansEncoder)}. */
    public void decode(double[] dither, double[] spreads, double[] coarseSpreads, RansDecoder dec, long[] a)
            throws LatqFormatException {
        checkModel(dither, spreads);
        checkCoarse(coarseSpreads);
        long[] lam = work;
        java.util.Arrays.fill(lam, 0L);
        System.arraycopy(dither, 0, centre, 0, n);
        for (int i = 0; i < levels; i++) {
            channelLlrs(i, spreads);
            levelCoders[i].decode(llr, dec, codeword);
            levelContribution();
            for (int k = 0; k < n; k++) {
                lam[k] += (long) contribution[k] << i;
            }
            descendCentres();
        }
        long zLimit = lambdaLimit >> levels;
        for (int k = 0; k < n; k++) {
            int b = configureCoarse(k, coarseSpreads, spreads[k]);
            int s = dec.decode(model);
            long z;
            if (s == model.escapeSymbol()) {
                z = dec.decodeRaw64();
            } else {
                long bucket = model.windowStart() + s;
                if (Math.abs(bucket) > (zLimit >> b)) {
                    throw new LatqFormatException("decoded polar-lattice point out of range (corrupt data)");
                }
                z = b == 0 ? bucket : (bucket << b) + dec.decodeBits(b);
            }
            if (!(z >= -zLimit && z <= zLimit)) {
                throw new LatqFormatException("decoded polar-lattice point out of range (corrupt data)");
            }
            lam[k] += z << levels;
        }
        toCoordinates(lam, a);
    }

    /**
     * The model code length −log2 P(λ) in bits with unquantized probabilities (diagnostic, StrictMath; the coded
     * length exceeds it by the frequency quantization, a few thousandths of a bit per symbol at most).
     */
    public double log2Cost(long[] a, double[] dither, double[] spreads) {
        double[] parts = new double[levels + 1];
        log2Costs(a, dither, spreads, parts);
        double bits = 0;
        for (double p : parts) {
            bits += p;
        }
        return bits;
    }

    /** {@link #log2Cost} by stage: parts[i] for level i+1 (i &lt; r), parts[r] for the coarse part. */
    public void log2Costs(long[] a, double[] dither, double[] spreads, double[] parts) {
        checkModel(dither, spreads);
        long[] lam = work;
        toPoint(a, lam);
        System.arraycopy(dither, 0, centre, 0, n);
        for (int i = 0; i < levels; i++) {
            levelInputs(lam, i, spreads);
            parts[i] = levelCoders[i].log2Cost(llr, codeword);
            descend();
        }
        double bits = 0;
        for (int k = 0; k < n; k++) {
            int b = configureCoarse(k, null, spreads[k]);
            long z = lam[k];
            long bucket = b == 0 ? z : Math.floorDiv(z, 1L << b);
            int s = model.symbolOf(bucket);
            bits += EntropyModel.PRECISION_BITS - StrictMath.log(model.frequency(s)) / StrictMath.log(2.0)
                    + (s == model.escapeSymbol() ? 64 : b);
        }
        parts[levels] = bits;
    }

    private void checkCoarse(double[] coarseSpreads) {
        if (coarseSpreads != null) {
            checkSpreads(coarseSpreads, "coarse spread");
        }
    }

    /** Every s_k within [{@link #MIN_SPREAD}, {@link #MAX_SPREAD}]. */
    private void checkSpreads(double[] spreads, String what) {
        for (int k = 0; k < n; k++) {
            double s = spreads[k];
            if (!(s >= MIN_SPREAD && s <= MAX_SPREAD)) {
                throw new IllegalArgumentException(what + " " + s + " of coordinate " + k + " is outside ["
                        + MIN_SPREAD + ", " + MAX_SPREAD + "]");
            }
        }
    }

    private void checkModel(double[] dither, double[] spreads) {
        checkSpreads(spreads, "model spread");
        for (int k = 0; k < n; k++) {
            if (!(Math.abs(dither[k]) <= 0x1p40)) {
                throw new IllegalArgumentException("dither " + dither[k] + " of coordinate " + k + " out of range");
            }
        }
    }

    /** The codeword of level i (0-based), λ⁽ⁱ⁾ mod 2, and its channel LLRs at the current centres. */
    private void levelInputs(long[] lam, int i, double[] spreads) {
        for (int k = 0; k < n; k++) {
            codeword[k] = (byte) (lam[k] & 1);
        }
        channelLlrs(i, spreads);
    }

    /** llr[k] = L of level i (0-based) at the current centres, noise s_k/2^i. */
    private void channelLlrs(int i, double[] spreads) {
        for (int k = 0; k < n; k++) {
            llr[k] = channels.table(Math.scalb(scales[i] * spreads[k], -i)).llr(centre[k]);
        }
    }

    /** λ ← (λ − c)/2 and y ← (y − c)/2 with c the level's contribution over Z (both exact). */
    private void descend() {
        levelContribution();
        for (int k = 0; k < n; k++) {
            work[k] = (work[k] - contribution[k]) >> 1;
        }
        descendCentres();
    }

    private void descendCentres() {
        for (int k = 0; k < n; k++) {
            centre[k] = (centre[k] - contribution[k]) * 0.5;
        }
    }

    /**
     * contribution = u·F^{⊗m} over Z with u = x·F^{⊗m} over GF(2) (F^{⊗m} is an involution mod 2) for the level
     * codeword x: the level's part of λ in the generator's own sum, ≡ x (mod 2), entries in [0, N].
     */
    private void levelContribution() {
        System.arraycopy(codeword, 0, bitsU, 0, n);
        PolarTransform.transformGf2(bitsU, 0, n);
        for (int k = 0; k < n; k++) {
            contribution[k] = bitsU[k];
        }
        PolarTransform.transformZ(contribution);
    }

    /** Configures the coarse model for coordinate k; returns the number b of uniform offset bits (0: no split). */
    private int configureCoarse(int k, double[] coarseSpreads, double s) {
        double t = coarseSpreads == null ? Math.scalb(scales[levels] * s, -levels)
                : Math.scalb(coarseSpreads[k], -levels);
        double mu = centre[k];
        if (!(t >= SPLIT_SPREAD)) {
            model.configure(mu, t);
            return 0;
        }
        int b = Math.min(48, Math.getExponent(t / 16.0)); // t/2^b in [16, 32)
        double scale = Math.scalb(1.0, b);
        model.configure((mu + 0.5) / scale - 0.5, t / scale);
        return b;
    }

    /** λ = (a_t·2^(ℓ_t−1))·F^{⊗m} over Z, with overflow and range checks. */
    private void toPoint(long[] a, long[] lam) {
        for (int t = 0; t < n; t++) {
            long v = a[t];
            long lim = Long.MAX_VALUE >> (shift[t] + 1);
            if (v > lim || v < -lim) {
                throw new IllegalArgumentException("lattice coordinate " + v + " out of range");
            }
            lam[t] = v << shift[t];
        }
        try {
            for (int h = 1; h < n; h <<= 1) {
                for (int b = 0; b < n; b += 2 * h) {
                    for (int i = b; i < b + h; i++) {
                        lam[i] = Math.addExact(lam[i], lam[i + h]);
                    }
                }
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("lattice point out of range", e);
        }
        for (int k = 0; k < n; k++) {
            if (Math.abs(lam[k]) > lambdaLimit) {
                throw new IllegalArgumentException("lattice point coordinate " + lam[k] + " out of range");
            }
        }
    }

    /** a with a·B = λ: w = λ·(F^{⊗m})^(−1) over Z, a_t = w_t/2^(ℓ_t−1) (|λ_k| ≤ 2^(62−m): no overflow). */
    private void toCoordinates(long[] lam, long[] a) throws LatqFormatException {
        PolarTransform.inverseTransformZ(lam);
        for (int t = 0; t < n; t++) {
            long w = lam[t];
            if ((w & ((1L << shift[t]) - 1)) != 0) {
                throw new LatqFormatException("decoded vector is not a point of the polar lattice");
            }
            a[t] = w >> shift[t];
        }
    }

    /** A few per-noise LLR tables, looked up by the exact bits of the noise (open addressing, cleared when full). */
    private static final class LevelChannelCache {
        private static final int SLOTS = 256;
        private static final int MAX_ENTRIES = 192;
        private final long[] keys = new long[SLOTS];
        private final ModTwoLlrTable[] tables = new ModTwoLlrTable[SLOTS];
        private int entries;
        private ModTwoLlrTable last;

        ModTwoLlrTable table(double noise) {
            ModTwoLlrTable l = last;
            if (l != null && l.noise() == noise) {
                return l;
            }
            long key = Double.doubleToLongBits(noise);
            int slot = (int) (key ^ (key >>> 29) ^ (key >>> 41)) & (SLOTS - 1);
            while (tables[slot] != null) {
                if (keys[slot] == key) {
                    last = tables[slot];
                    return last;
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            if (entries == MAX_ENTRIES) {
                java.util.Arrays.fill(tables, null);
                entries = 0;
                return table(noise);
            }
            ModTwoLlrTable created = new ModTwoLlrTable(noise);
            keys[slot] = key;
            tables[slot] = created;
            entries++;
            last = created;
            return created;
        }
    }
}

package io.latq.ecdq.quantizer;

import io.latq.ecdq.EcdqCompressor;
import io.latq.ecdq.entropy.SuccessiveGaussianPointCoder;

import io.latq.lattice.Lattice;

/**
 * The scale parameters of an ECDQ for a source of standard deviation σ and a target mean squared error D
 * (Zamir &amp; Feder 1992, 1996).
 *
 * <p>The dithered quantizer on the lattice αΛ adds an error uniform over a cell, of per-dimension second moment
 * σ_q² = α²·G·V^(2/n) (G the normalized second moment, V the cell volume of Λ). Wiener post-scaling by
 * β = σ²/(σ² + σ_q²) then gives MSE σ²σ_q²/(σ² + σ_q²), so the target D is met with
 * <pre>
 *   σ_q² = σ²·D/(σ² − D),   α = sqrt(σ_q² / (G·V^(2/n))),   β = σ²/(σ² + σ_q²).
 * </pre>
 * If D ≥ σ² (or σ = 0) nothing needs to be sent: the design is "zero rate", α = β = 0, and the reconstruction is the
 * mean, with MSE σ². The achieved MSE equals D only if G is the quantizer's true NSM; callers report what they
 * measure.
 *
 * @param sigma     source standard deviation σ
 * @param targetMse the target D
 * @param nsm       the normalized second moment G used for the scale
 * @param dimension n
 * @param sigmaQ2   σ_q² (0 for zero rate)
 * @param alpha     the lattice scale α (0 for zero rate)
 * @param beta      the Wiener post-scale β (0 for zero rate)
 */
public record EcdqDesign(double sigma, double targetMse, double nsm, int dimension, double sigmaQ2, double alpha,
                         double beta) {

    /** Designs for target MSE {@code targetMse} on the lattice with the given NSM, dimension and log2 volume. */
    public static EcdqDesign forMse(double sigma, double targetMse, double nsm, int dimension, double log2Volume) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("source standard deviation must be finite and ≥ 0, got " + sigma);
        }
        if (!(targetMse > 0) || Double.isInfinite(targetMse)) {
            throw new IllegalArgumentException("target MSE must be positive and finite, got " + targetMse);
        }
        if (!(nsm > 0 && nsm < 1)) {
            throw new IllegalArgumentException("normalized second moment must be in (0, 1), got " + nsm);
        }
        double var = sigma * sigma;
        if (targetMse >= var) {
            return new EcdqDesign(sigma, targetMse, nsm, dimension, 0, 0, 0);
        }
        double sigmaQ2 = var * targetMse / (var - targetMse);
        double v2n = StrictMath.pow(2.0, 2.0 * log2Volume / dimension);
        double alpha = Math.sqrt(sigmaQ2 / (nsm * v2n));
        double beta = var / (var + sigmaQ2);
        return new EcdqDesign(sigma, targetMse, nsm, dimension, sigmaQ2, alpha, beta);
    }

    /** The MSE for a signal-to-noise ratio in dB: D = σ²·10^(−snr/10). */
    public static double mseForSnr(double sigma, double snrDb) {
        return sigma * sigma * StrictMath.pow(10.0, -snrDb / 10.0);
    }

    /** True when nothing is coded (D ≥ σ²). */
    public boolean zeroRate() {
        return alpha == 0;
    }

    /** The MSE this design predicts if G is exact: σ²σ_q²/(σ²+σ_q²), or σ² at zero rate. */
    public double predictedMse() {
        double var = sigma * sigma;
        return zeroRate() ? var : var * sigmaQ2 / (var + sigmaQ2);
    }

    /**
     * The default model standard deviation s for {@link SuccessiveGaussianPointCoder}, in units of the unscaled
     * lattice: {@code modelSpread(0)} in one dimension (exact interval probabilities for a Gaussian source),
     * {@code modelSpread(1)} = sqrt(σ² + σ_q²)/α otherwise (the high-resolution choice).
     */
    public double modelSpread() {
        return modelSpread(dimension == 1 ? 0 : 1);
    }

    /**
     * The model standard deviation s = sqrt(σ² + c·σ_q²)/α for a dither-variance weight c ≥ 0 (0 if zero rate).
     * c = 1 is the Zamir–Feder high-resolution Gaussian; smaller c fits coarse lattices better (see
     * {@link EcdqCompressor}).
     */
    public double modelSpread(double c) {
        if (zeroRate()) {
            return 0;
        }
        return Math.sqrt(sigma * sigma + c * sigmaQ2) / alpha;
    }

    /** Shannon's R(D) = ½·log2(σ²/D) bits per sample for a Gaussian source (0 when D ≥ σ²). */
    public static double rateDistortion(double sigma, double mse) {
        return mse >= sigma * sigma ? 0 : 0.5 * StrictMath.log(sigma * sigma / mse) / StrictMath.log(2);
    }

    /** The high-resolution ECDQ redundancy ½·log2(2πeG) bits per sample. */
    public static double ecdqRedundancy(double nsm) {
        return 0.5 * StrictMath.log(2 * Math.PI * Math.E * nsm) / StrictMath.log(2);
    }

    /** The ECDQ rate bound R(D) + ½·log2(2πeG) at MSE D (Zamir &amp; Feder), or 0 when D ≥ σ². */
    public static double ecdqBound(double sigma, double mse, double nsm) {
        return mse >= sigma * sigma ? 0 : rateDistortion(sigma, mse) + ecdqRedundancy(nsm);
    }

    /** Seed of the NSM estimate for lattices whose G latq does not know; fixed so that designs are reproducible. */
    public static final long NSM_ESTIMATE_SEED = 0x5EEDL;

    /**
     * G of the lattice quantizer: the known value for Z^n, A2, D3, D3*, D4, E8 (and their scalings and powers),
     * otherwise a Monte Carlo estimate ({@link io.latq.nsm.NsmEstimator}) from max(4096, 2^22/n) vectors with seed
     * {@link #NSM_ESTIMATE_SEED}, under NSM batch contract version 1 (1024-vector batches, so that the value, which
     * files store, keeps its bits). The estimate's standard error (about 2e-4 relative for a polar lattice) moves the
     * achieved MSE by the same relative amount; the value used is stored in the file header, so decoding never
     * recomputes it. The thread count does not change the estimate.
     */
    public static double latticeNsm(Lattice lattice, String spec, int threads) {
        return latticeNsm(lattice, spec, null, threads);
    }

    /**
     * As {@link #latticeNsm(Lattice, String, int)}, with the generator's SHA-256 when the caller has it (null: it is
     * computed when needed). The estimates for the lattices of the compression levels are pinned
     * ({@link #PINNED_ESTIMATES}): they are the values this estimate returned on 2026-12-06 (SC outputs have not
     * changed since; the list quantizers' fast nodes moved G by far less than its standard error), so files are
     * unchanged, and a compression no longer spends max(4096, 2^22/n) quantizations (as many as a 4-million-sample
     * file) on them.
     */
    public static double latticeNsm(Lattice lattice, String spec, byte[] generatorHash, int threads) {
        java.util.OptionalDouble known = io.latq.nsm.KnownNsm.lookup(spec);
        if (known.isPresent()) {
            return known.getAsDouble();
        }
        if (lattice instanceof io.latq.polarlattice.PolarLattice) {
            byte[] h = generatorHash != null ? generatorHash
                    : io.latq.ecdq.file.EcdqHeader.generatorHash(lattice.generator());
            Double pinned = PINNED_ESTIMATES.get(java.util.HexFormat.of().formatHex(h) + ":" + lattice.name());
            if (pinned != null) {
                return pinned;
            }
        }
        // NSM batch contract 1: the estimate is stored in files pinned by golden tests, so its bits must not move
        return new io.latq.nsm.NsmEstimator(lattice).estimate(estimateVectors(lattice), NSM_ESTIMATE_SEED, threads,
                null, 1).nsm();
    }

    /** The number of vectors of the estimate: max(4096, 2^22/n). */
    public static long estimateVectors(Lattice lattice) {
        return Math.max(4096, (1L << 22) / lattice.dimension());
    }

    /**
     * Pinned results of the estimate of {@link #latticeNsm} (seed {@link #NSM_ESTIMATE_SEED}, max(4096, 2^22/n)
     * vectors, NSM batch contract 1), keyed by generator SHA-256 and quantizer name, so a design file that
     * happens to share a name never picks up another design's value. Reproduce with
     * the estimator under batch contract 1 (for SC lattices also {@code latq nsm --lattice polar:n=1024 --samples 4096
     * --seed 24301} before contract 2). {@code EcdqDesignPinnedNsmTest} checks
     * each against a fresh estimate on another seed within 4 standard errors.
     */
    static final java.util.Map<String, Double> PINNED_ESTIMATES = java.util.Map.ofEntries(
            java.util.Map.entry("22758ae19618da0b31dd563dc6f86fb6f7ecb3a0264eb9f956883019e8eb8eeb:polar256",
                    0.06417679256033156),
            java.util.Map.entry("bf73f4ec814bede356177a6cd4a79bcb06acf40066fa2b9bcba3d8042136ef7a:polar512",
                    0.06326775162399778),
            java.util.Map.entry("50f7c51db61466e8ca5f3fa6ec2d82f6125aabdf7dc2b358eb38ba7049cc1f16:polar1024",
                    0.06249309953134374),
            java.util.Map.entry("2c784a6b99fe52a384f4837df43f93484b2f515b0bebb9a6dd9ce2d8961116a1:polar2048",
                    0.061879891545094365),
            java.util.Map.entry("7005e7160601a29fa74ebd180976180f307f63a394a391f9593ac6be863e02a4:polar1024-L32",
                    0.06012760245162167),
            java.util.Map.entry("738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c:polar4096-L8",
                    0.06002943605788045),
            java.util.Map.entry("738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c:polar4096-L32",
                    0.059663567229047816),
            java.util.Map.entry("738988cfab92475fef8e5d71eb20e2d877580ec05eaeceb35234f53b6b35400c:polar4096-L64",
                    0.059539925261544266));
}

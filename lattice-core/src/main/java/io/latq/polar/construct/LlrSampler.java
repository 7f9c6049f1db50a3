package io.latq.polar.construct;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws channel LLRs log W(y|0)/W(y|1) for transmitted x = 0. Any symmetric channel that can be simulated can be
 * plugged into {@link MonteCarloConstruction} this way (e.g. the mod-2 Gaussian level channel of a polar lattice).
 * Implementations must draw only from the given generator so that results are reproducible.
 */
@FunctionalInterface
public interface LlrSampler {

    /** Fills {@code llr} with independent channel LLRs for x = 0. */
    void sample(UniformRandomProvider rng, double[] llr);

    /** BI-AWGN, BPSK ±1, noise σ: y = 1 + σz, LLR = 2y/σ². */
    static LlrSampler biAwgn(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive finite number, got " + sigma);
        }
        double scale = 2.0 / (sigma * sigma);
        return (rng, llr) -> {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < llr.length; i++) {
                llr[i] = scale * (1.0 + sigma * g.sample());
            }
        };
    }

    /** BEC(ε): LLR 0 with probability ε, +∞ otherwise. */
    static LlrSampler bec(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("erasure probability must be in [0,1], got " + epsilon);
        }
        return (rng, llr) -> {
            for (int i = 0; i < llr.length; i++) {
                llr[i] = rng.nextDouble() < epsilon ? 0.0 : Double.POSITIVE_INFINITY;
            }
        };
    }
}

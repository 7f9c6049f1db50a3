package io.latq.polar.construct;

import java.util.Locale;

/**
 * The frozen-set constructions by name, as {@code latq polar construct --method} and {@code polar simulate
 * --method} spell them: {@code bec}, {@code bhattacharyya}, {@code ga}, {@code tv} and {@code mc}, for a binary-input
 * AWGN channel of noise standard deviation {@code sigma} or a binary erasure channel of erasure probability
 * {@code epsilon}.
 */
public final class FrozenSetConstructions {
    private FrozenSetConstructions() {
    }

    /**
     * The construction called {@code method} (case-insensitive).
     *
     * @param method    bec | bhattacharyya | ga | tv | mc
     * @param awgn      true for BI-AWGN with noise σ = {@code parameter}, false for BEC with erasure probability
     *                  {@code parameter}
     * @param parameter σ or ε
     * @param mu        Tal-Vardy output alphabet size (method tv)
     * @param frames    Monte Carlo frames (method mc)
     * @param seed      Monte Carlo seed (method mc)
     * @throws IllegalArgumentException for an unknown method or one that does not fit the channel
     */
    public static FrozenSetConstruction byName(String method, boolean awgn, double parameter, int mu, int frames,
                                               long seed) {
        switch (method.toLowerCase(Locale.ROOT)) {
            case "bec":
                if (awgn) {
                    throw new IllegalArgumentException("method bec needs a bec:e=E channel");
                }
                return new BecConstruction(parameter);
            case "bhattacharyya":
                return awgn ? BhattacharyyaConstruction.forBiAwgn(parameter) : new BhattacharyyaConstruction(parameter);
            case "ga":
                if (!awgn) {
                    throw new IllegalArgumentException("method ga needs an awgn channel");
                }
                return new GaussianApproximationConstruction(parameter);
            case "tv":
                return awgn ? TalVardyConstruction.forBiAwgn(parameter, mu)
                        : TalVardyConstruction.forChannel(BmsChannel.bec(parameter), mu);
            case "mc":
                return new MonteCarloConstruction(awgn ? LlrSampler.biAwgn(parameter) : LlrSampler.bec(parameter),
                        frames, seed);
            default:
                throw new IllegalArgumentException("unknown method '" + method
                        + "' (use bec, bhattacharyya, ga, tv or mc)");
        }
    }
}

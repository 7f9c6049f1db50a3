package io.latq.polar.list;

/**
 * What deciding bit b at a leaf with decision LLR λ adds to a path metric in {@link SclCore}.
 */
public enum LeafCost {
    /**
     * |λ|·[b ≠ hard(λ)]: the LLR-based metric of channel decoders (Balatsoukas-Stimming, Bastani Parizi &amp; Burg,
     * "LLR-based successive cancellation list decoding of polar codes", IEEE Trans. SP 2015), the high-SNR form of
     * −log P(b | λ). Used by the polar-code SCL decoder.
     */
    LLR_DISAGREEMENT,
    /**
     * −log P(b | λ) = log(1 + e^(−|λ|)) + |λ|·[b ≠ hard(λ)], the exact log-likelihood metric. Used by the polar-lattice
     * list quantizer, which works where |λ| is small and the first term is far from 0 (docs/polar-lattices.md).
     */
    NEG_LOG_LIKELIHOOD
}

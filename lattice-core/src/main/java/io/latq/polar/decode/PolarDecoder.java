package io.latq.polar.decode;

/**
 * A polar decoder for a fixed block length N, frozen mask and frozen values.
 *
 * <p>Implementations own preallocated work arrays: they are not thread-safe (use one instance per thread) and do not
 * allocate per decode, so they can be constructed once and called many times (e.g. from a benchmark).
 */
public interface PolarDecoder {

    /** Block length N. */
    int n();

    /**
     * Decodes one block.
     *
     * @param llr channel LLRs log P(x_i = 0 | y_i) / P(x_i = 1 | y_i), length N (not modified)
     * @param u   output: the decided bits u (0/1), length N (frozen positions hold the frozen values)
     * @param x   output: the codeword x = u·F^{⊗m}, length N
     * @return the LLR-based path metric: the sum over all N decisions (frozen ones included) of |λ_t| where the
     *     decided bit disagrees with the hard decision of its decision LLR λ_t; lower is better
     */
    double decode(double[] llr, byte[] u, byte[] x);
}

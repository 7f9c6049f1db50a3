package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;


/**
 * Entropy codes the integer coordinates a of one lattice point given the dither u that the decoder also knows,
 * so that the rate approaches H(Q(X+U) | U). Implementations are interchangeable models (the successive discretized
 * Gaussian for general lattices; a polar-lattice-specific model later).
 *
 * <p>Not thread-safe: each worker uses its own instance (see {@link #copy()}).
 */
public interface LatticePointCoder {
    /**
     * Pushes the symbols for {@code a} onto {@code enc}, in the order {@link #decode} will read them. An
     * implementation may leave some intervals as placeholders to compute them in batches; {@link #flush} completes
     * them.
     */
    void encode(long[] a, double[] dither, RansEncoder enc);

    /** Completes every interval {@link #encode} left pending on {@code enc}; call before {@code enc.finish()}. */
    default void flush(RansEncoder enc) {
    }

    /** Decodes the coordinates written by {@link #encode} for the same dither into {@code a}. */
    void decode(double[] dither, RansDecoder dec, long[] a) throws LatqFormatException;

    /** An independent instance with the same parameters, for another thread. */
    LatticePointCoder copy();
}

package io.latq.ecdq.entropy;

/**
 * A discrete distribution over the symbols {@code 0 .. symbolCount()−1}, quantized to integer frequencies that
 * sum to {@link #TOTAL} = 2^{@value #PRECISION_BITS}, as the rANS coder needs it.
 *
 * <p>Contract (what makes the code decodable): for every symbol s, {@code frequency(s) ≥ 1}; the cumulative
 * frequencies are strictly increasing with {@code cumulativeFrequency(0) = 0} and
 * {@code cumulativeFrequency(symbolCount()) = TOTAL}; and {@code symbolForCumulative(c)} returns the unique s with
 * {@code cumulativeFrequency(s) ≤ c < cumulativeFrequency(s+1)}. Encoder and decoder must compute the same integers,
 * so implementations use only bit-reproducible arithmetic.
 *
 * <p>Models may be mutable (reconfigured per coded value); they are then not thread-safe.
 */
public interface EntropyModel {
    /** log2 of the frequency total. 16 bits, matching the 32-bit byte-wise rANS state (see {@link RansEncoder}). */
    int PRECISION_BITS = 16;
    /** The frequency total 2^PRECISION_BITS. */
    int TOTAL = 1 << PRECISION_BITS;

    /** The number of codable symbols. */
    int symbolCount();

    /** The cumulative frequency of all symbols below {@code symbol}, for symbol in [0, symbolCount()]. */
    int cumulativeFrequency(int symbol);

    /** The frequency of {@code symbol} (≥ 1). */
    default int frequency(int symbol) {
        return cumulativeFrequency(symbol + 1) - cumulativeFrequency(symbol);
    }

    /** The symbol whose cumulative interval contains {@code cum}, for cum in [0, TOTAL). */
    int symbolForCumulative(int cum);
}

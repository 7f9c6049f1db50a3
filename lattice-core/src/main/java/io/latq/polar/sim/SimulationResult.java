package io.latq.polar.sim;

/**
 * Outcome of a {@link PolarSimulation} run. The counts depend only on the inputs and the seed (not on the thread
 * count); the timings are wall-clock measurements.
 *
 * @param frames          number of simulated frames
 * @param frameErrors     frames with at least one wrong message bit
 * @param bitErrors       wrong message bits in total
 * @param messageBits     message bits per frame (K minus CRC bits)
 * @param n               block length
 * @param ebN0Db          Eb/N0 in dB
 * @param sigma           noise standard deviation used
 * @param decodeNanos     total time spent inside decode(), summed over threads
 * @param wallNanos       wall-clock time of the whole run
 * @param threads         worker threads used
 */
public record SimulationResult(long frames, long frameErrors, long bitErrors, int messageBits, int n, double ebN0Db,
                               double sigma, long decodeNanos, long wallNanos, int threads) {

    /** Frame error rate. */
    public double fer() {
        return (double) frameErrors / frames;
    }

    /** Message-bit error rate. */
    public double ber() {
        return (double) bitErrors / ((double) frames * messageBits);
    }

    /** 95% Clopper–Pearson interval of the FER (frames are independent). */
    public BinomialInterval ferInterval() {
        return BinomialInterval.clopperPearson95(frameErrors, frames);
    }

    /**
     * 95% Clopper–Pearson interval of the BER treating bits as independent. Bit errors cluster within frames, so
     * this interval is optimistic (too narrow); the FER interval is the honest one.
     */
    public BinomialInterval berInterval() {
        return BinomialInterval.clopperPearson95(bitErrors, frames * (long) messageBits);
    }

    /** Decoding throughput per core in message bits per second (decode() time only). */
    public double decodeThroughputPerCore() {
        return decodeNanos == 0 ? Double.NaN : frames * (double) messageBits / (decodeNanos * 1e-9);
    }

    /** Overall simulated message bits per second of wall time (all threads, including encoding and noise). */
    public double wallThroughput() {
        return wallNanos == 0 ? Double.NaN : frames * (double) messageBits / (wallNanos * 1e-9);
    }
}

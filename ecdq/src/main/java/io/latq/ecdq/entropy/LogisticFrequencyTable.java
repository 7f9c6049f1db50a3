package io.latq.ecdq.entropy;

/**
 * Integer rANS frequencies for one bit with log-likelihood ratio L = log P(0)/P(1): the logistic P(0) = 1/(1 + e^(−L))
 * on a fixed LLR grid, so no transcendental function is evaluated per coded bit and the encoder and decoder agree
 * bit for bit.
 *
 * <pre>
 *   q(L)       = clamp(⌊L·{@value #STEPS_PER_UNIT} + ½⌋, −Q, Q),   Q = {@value #MAX_INDEX} (L clamped to ±12)
 *   f(q)       = clamp(⌊2^16 / (1 + StrictMath.exp(−q/{@value #STEPS_PER_UNIT})) + ½⌋, 1, 2^16 − 1)   for q ≥ 0
 *   f(−q)      = 2^16 − f(q)
 *   bit 0  ↦  [0, f),   bit 1  ↦  [f, 2^16)
 * </pre>
 * Both frequencies are at least 1, so every bit stays codable whatever its model says. A NaN LLR maps to q = −Q
 * (it cannot arise from finite channel LLRs, but the map is total). Rounding L to the grid costs at most
 * p(1−p)·(1/128)²/2 nats per bit; the clamp costs at most −log2(1 − 2^−16) ≈ 2.2e−5 bit per near-certain bit.
 */
final class LogisticFrequencyTable {
    /** Grid points per unit of LLR. */
    static final int STEPS_PER_UNIT = 64;
    /** Largest grid index: LLRs are clamped to ±{@value #MAX_INDEX}/{@value #STEPS_PER_UNIT} = ±12. */
    static final int MAX_INDEX = 12 * STEPS_PER_UNIT;
    private static final double MAX_LLR = (double) MAX_INDEX / STEPS_PER_UNIT;
    /** FREQ0[q + MAX_INDEX] = f(q). */
    private static final int[] FREQ0 = build();

    private LogisticFrequencyTable() {
    }

    private static int[] build() {
        int[] f = new int[2 * MAX_INDEX + 1];
        for (int q = 0; q <= MAX_INDEX; q++) {
            double p0 = EntropyModel.TOTAL / (1.0 + StrictMath.exp(-(double) q / STEPS_PER_UNIT));
            long v = (long) StrictMath.floor(p0 + 0.5);
            int c = (int) Math.max(1, Math.min(EntropyModel.TOTAL - 1, v));
            f[MAX_INDEX + q] = c;
            f[MAX_INDEX - q] = EntropyModel.TOTAL - c;
        }
        return f;
    }

    /** The grid index q(L). */
    static int index(double llr) {
        if (!(llr > -MAX_LLR)) {
            return -MAX_INDEX;
        }
        if (llr >= MAX_LLR) {
            return MAX_INDEX;
        }
        return (int) Math.floor(llr * STEPS_PER_UNIT + 0.5);
    }

    /** f(q) for q in [−MAX_INDEX, MAX_INDEX]. */
    static int frequencyAtIndex(int q) {
        return FREQ0[q + MAX_INDEX];
    }

    /** The frequency of bit 0, f(q(L)), in [1, 2^16 − 1]. */
    static int frequencyOfZero(double llr) {
        return FREQ0[index(llr) + MAX_INDEX];
    }
}

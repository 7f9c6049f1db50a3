package io.latq.ecdq.entropy;

/**
 * A Gaussian N(μ, t²) discretized onto the integer cells of a window, plus an escape symbol: the model the successive
 * coder configures once per coordinate. Two definitions exist, both bit-exact and documented in docs/file-format.md:
 * {@link DiscretizedGaussianModel} (format version 2: erfc at the exact centre) and {@link PhaseTableGaussianModel}
 * (version 3: the same at the centre rounded to 1/{@value PhaseTableGaussianModel#PHASES} cell, read from tables).
 */
public interface GaussianCellModel extends EntropyModel {

    /** Sets the distribution to N(mu, t²) in cell units. */
    void configure(double mu, double t);

    /** The smallest integer in the window (symbol 0). */
    long windowStart();

    /** The escape symbol index (the number of window symbols). */
    int escapeSymbol();

    /** The symbol for integer k: its window index, or the escape symbol outside the window. */
    int symbolOf(long k);
}

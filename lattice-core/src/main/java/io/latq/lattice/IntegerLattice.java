package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The integer lattice Z^n (generator I, volume 1) with coordinate-wise rounding as its closest-point quantizer.
 *
 * <p>Tie convention: each coordinate is rounded half up, r(x) = ⌊x + ½⌋ (see {@link Rounding}), so a point
 * exactly half-way between two integers goes to the larger one.
 */
public final class IntegerLattice extends AbstractLattice {

    /** @param n the dimension, n ≥ 1 */
    public IntegerLattice(int n) {
        super("Z" + n, n);
    }

    @Override
    protected double[][] buildGenerator() {
        int n = dimension();
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            b[i][i] = 1.0;
        }
        return b;
    }

    @Override
    public double log2Volume() {
        return 0.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        for (int i = 0, n = dimension(); i < n; i++) {
            out[outOff + i] = Rounding.roundHalfUp(x[xOff + i]);
        }
    }

    /** The unit cube: a_i = rng.nextDouble() for i = 0..n−1, which is a·I (same draws as the generic sampler). */
    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        for (int i = 0, n = dimension(); i < n; i++) {
            out[off + i] = rng.nextDouble();
        }
    }
}

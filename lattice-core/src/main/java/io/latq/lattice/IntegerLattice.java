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

    /** a = point, checked to be integral within 1e-6 (no n×n inverse is built, so this works for any n). */
    @Override
    public long[] coordinates(double[] point) {
        int n = dimension();
        if (point.length < n) {
            throw new IllegalArgumentException("point has length " + point.length + ", lattice " + name()
                    + " has dimension " + n);
        }
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            double r = Rounding.roundHalfUp(point[i]);
            if (!(Math.abs(point[i] - r) <= 1e-6) || !(Math.abs(r) < 0x1p52)) {
                throw new IllegalArgumentException("not a lattice point of " + name() + ": coordinate " + i
                        + " is " + point[i]);
            }
            a[i] = (long) r;
        }
        return a;
    }

    /** The unit cube: a_i = rng.nextDouble() for i = 0..n−1, which is a·I (same draws as the generic sampler). */
    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        for (int i = 0, n = dimension(); i < n; i++) {
            out[off + i] = rng.nextDouble();
        }
    }
}

package io.latq.lattice;

/**
 * The checkerboard lattice D_n = {x ∈ Z^n : Σ x_i even}, n ≥ 2, volume 2.
 *
 * <p>Generator (rows): (−1,−1,0,…,0), (1,−1,0,…,0), (0,1,−1,0,…,0), …, (0,…,0,1,−1).
 *
 * <p>Closest point (Conway &amp; Sloane, "Fast quantizing and decoding algorithms for lattice quantizers and
 * codes", IEEE Trans. Inf. Theory 28(2), 1982): round every coordinate; if the coordinate sum is odd, re-round the
 * coordinate with the largest rounding error |x_i − r(x_i)| the other way. Moving coordinate i to its second-nearest
 * integer costs 1 − 2|x_i − r(x_i)| in squared distance, so the worst-rounded coordinate is the cheapest to fix.
 *
 * <p>Tie conventions: rounding is half up ({@link Rounding#roundHalfUp}); among coordinates with equal largest
 * |error| the lowest index is re-rounded; "the other way" means up when x_i − r(x_i) ≥ 0 and down otherwise. All
 * decisions depend only on the exact errors x_i − r(x_i) and on the parity of Σ r(x_i), both invariant under
 * shifts by D_n, so Q(x + λ) = Q(x) + λ holds exactly whenever x + λ is exact.
 *
 * <p>The quantizer needs no scratch memory: only the index and signed error of the worst coordinate are tracked.
 */
public final class DnLattice extends AbstractLattice {

    /** @param n the dimension, n ≥ 2 (D_2 is a rotated and scaled copy of Z^2) */
    public DnLattice(int n) {
        super("D" + n, checkDimension(n));
    }

    private static int checkDimension(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("D_n needs n >= 2, got " + n);
        }
        return n;
    }

    @Override
    protected double[][] buildGenerator() {
        int n = dimension();
        double[][] b = new double[n][n];
        b[0][0] = -1.0;
        b[0][1] = -1.0;
        for (int i = 1; i < n; i++) {
            b[i][i - 1] = 1.0;
            b[i][i] = -1.0;
        }
        return b;
    }

    @Override
    public double log2Volume() {
        return 1.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        int n = dimension();
        long parity = 0;
        int worst = 0;
        double worstAbs = -1.0;
        double worstErr = 0.0;
        for (int i = 0; i < n; i++) {
            double t = x[xOff + i];
            double f = Rounding.roundHalfUp(t);
            double err = t - f;
            parity ^= ((long) f) & 1L;
            double abs = Math.abs(err);
            if (abs > worstAbs) {
                worstAbs = abs;
                worst = i;
                worstErr = err;
            }
            out[outOff + i] = f;
        }
        if (parity != 0) {
            out[outOff + worst] += (worstErr >= 0.0) ? 1.0 : -1.0;
        }
    }
}

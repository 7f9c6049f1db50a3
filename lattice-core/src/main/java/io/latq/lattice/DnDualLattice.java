package io.latq.lattice;

/**
 * The dual of D_n: D_n* = Z^n ∪ (Z^n + ½·1), n ≥ 2, volume ½.
 *
 * <p>Generator (rows): e_0, e_1, …, e_{n−2}, (½,…,½).
 *
 * <p>Closest point (Conway &amp; Sloane 1982, union of cosets): the nearest point of Z^n is r(x); the nearest point of
 * Z^n + ½·1 is r(x − ½) + ½; the closer of the two is returned.
 *
 * <p>Tie conventions: rounding is half up ({@link Rounding#roundHalfUp}). If both cosets give the same (computed)
 * squared distance, the candidate with the smaller first coordinate is returned; the two candidates differ by ½
 * in every coordinate, so this always decides. The two squared distances are computed by the same formula from the
 * exact rounding errors, and a shift by ½·1 merely swaps them together with the first coordinates, so the rule is
 * invariant under shifts by D_n* and Q(x + λ) = Q(x) + λ holds exactly whenever x + λ is exact.
 *
 * <p>The quantizer needs no scratch memory: the distances are computed in a first pass and the winner is written in a
 * second one.
 */
public final class DnDualLattice extends AbstractLattice {

    /** @param n the dimension, n ≥ 2 */
    public DnDualLattice(int n) {
        super("D" + n + "*", checkDimension(n));
    }

    private static int checkDimension(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("D_n* needs n >= 2, got " + n);
        }
        return n;
    }

    @Override
    protected double[][] buildGenerator() {
        int n = dimension();
        double[][] b = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            b[i][i] = 1.0;
        }
        for (int j = 0; j < n; j++) {
            b[n - 1][j] = 0.5;
        }
        return b;
    }

    @Override
    public double log2Volume() {
        return -1.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        int n = dimension();
        double dist0 = 0.0;
        double dist1 = 0.0;
        for (int i = 0; i < n; i++) {
            double t = x[xOff + i];
            double e0 = t - Rounding.roundHalfUp(t);
            double h = t - 0.5;
            double e1 = h - Rounding.roundHalfUp(h);
            dist0 += e0 * e0;
            dist1 += e1 * e1;
        }
        double shift;
        if (dist0 < dist1) {
            shift = 0.0;
        } else if (dist1 < dist0) {
            shift = 0.5;
        } else {
            double first0 = Rounding.roundHalfUp(x[xOff]);
            double first1 = Rounding.roundHalfUp(x[xOff] - 0.5) + 0.5;
            shift = (first0 < first1) ? 0.0 : 0.5;
        }
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Rounding.roundHalfUp(x[xOff + i] - shift) + shift;
        }
    }
}

package io.latq.ecdq.testlattices;

import io.latq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * D_n = {x ∈ Z^n : Σx even} with the Conway–Sloane closest-point rule (round, then fix parity on the worst
 * coordinate). Generator: row 0 = (2,0,…), row i = e_i − e_{i−1}: lower triangular. Test only.
 */
final class CheckerboardLattice implements Lattice {
    private final int n;

    CheckerboardLattice(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("D_n needs n >= 2");
        }
        this.n = n;
    }

    @Override
    public String name() {
        return "D" + n;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double log2Volume() {
        return 1;
    }

    @Override
    public DMatrixRMaj generator() {
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        b.set(0, 0, 2);
        for (int i = 1; i < n; i++) {
            b.set(i, i - 1, -1);
            b.set(i, i, 1);
        }
        return b;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        closestDn(x, xOff, 0.0, out, outOff, n);
    }

    /** Closest point of D_n + shift·1 to x; returns the squared distance. */
    static double closestDn(double[] x, int xOff, double shift, double[] out, int outOff, int n) {
        long parity = 0;
        int worst = 0;
        double worstGap = -1;
        for (int i = 0; i < n; i++) {
            double y = x[xOff + i] - shift;
            double r = Math.rint(y);
            parity += (long) r;
            double gap = Math.abs(y - r);
            if (gap > worstGap) {
                worstGap = gap;
                worst = i;
            }
            out[outOff + i] = r;
        }
        if ((parity & 1L) != 0) {
            double y = x[xOff + worst] - shift;
            double r = out[outOff + worst];
            out[outOff + worst] = y >= r ? r + 1 : r - 1;
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            out[outOff + i] += shift;
            double e = x[xOff + i] - out[outOff + i];
            d += e * e;
        }
        return d;
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        // the cube [0,2)^n is a union of fundamental regions since 2Z^n ⊆ D_n
        for (int i = 0; i < n; i++) {
            out[off + i] = 2 * rng.nextDouble();
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        return BabaiLattice.solveCoordinates(generator(), point);
    }
}

package io.latq.ecdq.testlattices;

import io.latq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Z^n with coordinate-wise rounding. Test only. */
final class IntegerLattice implements Lattice {
    private final int n;

    IntegerLattice(int n) {
        this.n = n;
    }

    @Override
    public String name() {
        return "Z" + n;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double log2Volume() {
        return 0;
    }

    @Override
    public DMatrixRMaj generator() {
        return CommonOps_DDRM.identity(n);
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.rint(x[xOff + i]);
        }
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        for (int i = 0; i < n; i++) {
            out[off + i] = rng.nextDouble();
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.round(point[i]);
        }
        return a;
    }
}

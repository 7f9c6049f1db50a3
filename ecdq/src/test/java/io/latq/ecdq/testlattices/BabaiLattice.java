package io.latq.ecdq.testlattices;

import io.latq.lattice.Lattice;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A lattice with a dense (non-triangular) generator and the Babai rounding quantizer Q(x) = round(x·B⁻¹)·B, which
 * is a lattice quantizer whose cell is the fundamental parallelepiped. Test only.
 */
final class BabaiLattice implements Lattice {
    private final int n;
    private final DMatrixRMaj b;
    private final DMatrixRMaj inv;
    private final double log2Volume;

    BabaiLattice(DMatrixRMaj b) {
        this.n = b.numRows;
        this.b = b.copy();
        this.inv = b.copy();
        if (!CommonOps_DDRM.invert(inv)) {
            throw new IllegalArgumentException("singular");
        }
        this.log2Volume = Math.log(Math.abs(CommonOps_DDRM.det(b))) / Math.log(2);
    }

    static BabaiLattice randomDense(int n, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.set(i, j, (i == j ? 1.5 : 0) + 0.4 * r.nextGaussian());
            }
        }
        return new BabaiLattice(b);
    }

    static long[] solveCoordinates(DMatrixRMaj generator, double[] point) {
        int n = generator.numRows;
        DMatrixRMaj inv = generator.copy();
        CommonOps_DDRM.invert(inv);
        long[] a = new long[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += point[k] * inv.get(k, j);
            }
            a[j] = Math.round(s);
        }
        return a;
    }

    @Override
    public String name() {
        return "BABAI" + n;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double log2Volume() {
        return log2Volume;
    }

    @Override
    public DMatrixRMaj generator() {
        return b.copy();
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        double[] a = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += x[xOff + k] * inv.get(k, j);
            }
            a[j] = Math.rint(s);
        }
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += a[i] * b.get(i, k);
            }
            out[outOff + k] = s;
        }
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rng.nextDouble();
        }
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r[i] * b.get(i, k);
            }
            out[off + k] = s;
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        return solveCoordinates(b, point);
    }
}

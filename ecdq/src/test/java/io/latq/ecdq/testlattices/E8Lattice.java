package io.latq.ecdq.testlattices;

import io.latq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/** E8 = D8 ∪ (D8 + ½·1) with the Conway–Sloane closest-point rule. Standard lower-triangular generator. Test only. */
final class E8Lattice implements Lattice {
    private final double[] a = new double[8];

    @Override
    public String name() {
        return "E8";
    }

    @Override
    public int dimension() {
        return 8;
    }

    @Override
    public double log2Volume() {
        return 0;
    }

    @Override
    public DMatrixRMaj generator() {
        DMatrixRMaj b = new DMatrixRMaj(8, 8);
        b.set(0, 0, 2);
        for (int i = 1; i < 7; i++) {
            b.set(i, i - 1, -1);
            b.set(i, i, 1);
        }
        for (int j = 0; j < 8; j++) {
            b.set(7, j, 0.5);
        }
        return b;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        double[] tmp = new double[8];
        double d0 = CheckerboardLattice.closestDn(x, xOff, 0.0, out, outOff, 8);
        double d1 = CheckerboardLattice.closestDn(x, xOff, 0.5, tmp, 0, 8);
        if (d1 < d0) {
            System.arraycopy(tmp, 0, out, outOff, 8);
        }
    }

    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        // 2Z^8 ⊆ E8, so the cube [0,2)^8 is a union of fundamental regions
        for (int i = 0; i < 8; i++) {
            out[off + i] = 2 * rng.nextDouble();
        }
    }

    @Override
    public long[] coordinates(double[] point) {
        return BabaiLattice.solveCoordinates(generator(), point);
    }
}

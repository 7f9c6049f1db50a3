package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/** Shared fixtures for the lattice tests: the lattices under test and generators of interesting inputs. */
public final class LatticeTestSupport {

    /** Granularity of the dyadic test inputs: multiples of 2^-30 keep sums with lattice points exact. */
    public static final double GRID = 0x1p-30;

    private LatticeTestSupport() {
    }

    /** All fast (closed-form) lattices under test. */
    public static List<Lattice> fastLattices() {
        List<Lattice> ls = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 5, 8}) {
            ls.add(new IntegerLattice(n));
        }
        for (int n = 2; n <= 8; n++) {
            ls.add(new DnLattice(n));
        }
        for (int n = 2; n <= 8; n++) {
            ls.add(new DnDualLattice(n));
        }
        for (int n = 1; n <= 8; n++) {
            ls.add(new AnLattice(n));
        }
        ls.add(new E8Lattice());
        ls.add(new ScaledLattice(new E8Lattice(), 0.5));
        ls.add(new ScaledLattice(new DnLattice(4), 0.25));
        ls.add(new ScaledLattice(new DnDualLattice(5), 2.0));
        ls.add(new ScaledLattice(new AnLattice(2), 3.0));
        ls.add(ProductLattice.power(new E8Lattice(), 2));
        ls.add(ProductLattice.of(new AnLattice(2), new DnDualLattice(4), new IntegerLattice(1)));
        ls.add(new BarnesWallLattice16());
        ls.add(new LeechLattice());
        return ls;
    }

    /** Rows of the lattice's generator. */
    public static double[][] rows(Lattice l) {
        DMatrixRMaj g = l.generator();
        double[][] r = new double[g.numRows][g.numCols];
        for (int i = 0; i < g.numRows; i++) {
            for (int j = 0; j < g.numCols; j++) {
                r[i][j] = g.get(i, j);
            }
        }
        return r;
    }

    /** Whether every generator entry is a multiple of 2^-20 (then dyadic inputs give exact sums). */
    public static boolean isDyadic(Lattice l) {
        for (double[] row : rows(l)) {
            for (double v : row) {
                double s = v * 0x1p20;
                if (s != Math.rint(s)) {
                    return false;
                }
            }
        }
        return true;
    }

    public static double roundToGrid(double v) {
        return Math.rint(v / GRID) * GRID;
    }

    /** A Gaussian vector with standard deviation sigma, rounded to the dyadic grid. */
    public static double[] gaussian(UniformRandomProvider rng, int n, double sigma) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = roundToGrid(sigma * g.sample());
        }
        return x;
    }

    public static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    public static double[] scale(double[] a, double s) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] * s;
        }
        return c;
    }

    public static double distSq(double[] x, double[] p) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - p[i];
            s += d * d;
        }
        return s;
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        double m = 0.0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    public static double maxAbs(double[] a) {
        double m = 0.0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    public static double[] quantize(Lattice l, double[] x) {
        double[] out = new double[x.length];
        l.quantize(x, out);
        return out;
    }

    /** A lattice point near a Gaussian of the given spread (the lattice's own quantizer picks it). */
    public static double[] randomLatticePoint(Lattice l, UniformRandomProvider rng, double sigma) {
        return quantize(l, gaussian(rng, l.dimension(), sigma));
    }

    /**
     * Points on or next to cell boundaries, independent of the lattice's representation: half basis vectors and
     * half sums/differences of two basis vectors (midpoints between two lattice points), the centroid of the simplex
     * 0, b_0, b_0+b_1, …, Σb_i (a deep hole of A_n), and the coordinate-aligned points s·1 and s·e_0 for
     * s = 1/8, 1/4, 1/2, 1 (deep holes of Z^n, D_n, D_n*, E8 and their halves).
     */
    public static List<double[]> holeCandidates(Lattice l) {
        double[][] b = rows(l);
        int n = l.dimension();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pts.add(scale(b[i], 0.5));
            for (int j = i + 1; j < n; j++) {
                pts.add(scale(add(b[i], b[j]), 0.5));
                pts.add(scale(add(b[i], scale(b[j], -1.0)), 0.5));
            }
        }
        double[] partial = new double[n];
        double[] centroid = new double[n];
        for (int i = 0; i < n; i++) {
            partial = add(partial, b[i]);
            centroid = add(centroid, partial);
        }
        pts.add(scale(centroid, 1.0 / (n + 1)));
        for (double s : new double[] {0.125, 0.25, 0.5, 1.0}) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, s);
            pts.add(ones);
            double[] e0 = new double[n];
            e0[0] = s;
            pts.add(e0);
        }
        return pts;
    }

    /**
     * Boundary test inputs: every hole candidate shifted by a few random lattice points, and by the same points plus
     * a tiny (±2^-40 per coordinate) perturbation; also lattice points with tiny perturbations.
     */
    public static List<double[]> boundaryInputs(Lattice l, UniformRandomProvider rng, int shiftsPerHole) {
        int n = l.dimension();
        List<double[]> xs = new ArrayList<>();
        for (double[] h : holeCandidates(l)) {
            for (int s = 0; s < shiftsPerHole; s++) {
                double[] lambda = randomLatticePoint(l, rng, 8.0);
                double[] x = add(h, lambda);
                xs.add(x);
                xs.add(add(x, tiny(rng, n)));
            }
        }
        for (int s = 0; s < 4 * shiftsPerHole; s++) {
            xs.add(add(randomLatticePoint(l, rng, 8.0), tiny(rng, n)));
        }
        return xs;
    }

    private static double[] tiny(UniformRandomProvider rng, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (rng.nextInt(3) - 1) * 0x1p-40;
        }
        return t;
    }

    /**
     * Inputs far from the origin: a lattice point with coordinates of size 1e6..2.05e6 plus a dyadic Gaussian (exact
     * for dyadic lattices).
     */
    public static double[] farInput(Lattice l, UniformRandomProvider rng) {
        double[] big = new double[l.dimension()];
        for (int i = 0; i < big.length; i++) {
            big[i] = (rng.nextBoolean() ? 1 : -1) * (double) (1_000_000 + rng.nextInt(1 << 20));
        }
        return add(quantize(l, big), gaussian(rng, l.dimension(), 1.0));
    }
}

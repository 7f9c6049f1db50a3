package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * Base class for lattices given by an explicit n×n generator B (one basis vector per row).
 *
 * <p>The generator is built once, on first use, by {@link #buildGenerator()} and cached as a {@code double[][]}
 * (lazily, so that a fast quantizer of a large dimension never pays for an n×n matrix it does not need). From it
 * this class derives:
 * <ul>
 *   <li>{@link #sampleFundamentalRegion}: the point a·B with a uniform in [0,1)^n. <b>Draw order:</b> exactly one
 *       {@code rng.nextDouble()} per coordinate, a_0 first, then a_1, …, a_{n−1}; the output is then
 *       out_j = Σ_i a_i·B_ij summed in order i = 0..n−1. The ECDQ encoder and decoder regenerate the same dither
 *       from the same seed, so subclasses that override the sampler must keep this order (or document their own);</li>
 *   <li>{@link #coordinates}: solves a·B = point with the cached inverse, rounds, and checks the residual;</li>
 *   <li>{@link #log2Volume}: log2|det B| from an LU factorization, unless a subclass knows the volume exactly.</li>
 * </ul>
 * Lazy initialization is race-benign: concurrent first calls may both build the same immutable data.
 */
public abstract class AbstractLattice implements Lattice {

    /** Residual tolerance of {@link #coordinates}, relative to the largest basis-vector norm. */
    private static final double MEMBERSHIP_TOLERANCE = 1e-6;
    /** Extra residual allowance relative to the magnitude of the terms summed (rounding error of a·B). */
    private static final double ROUNDING_ALLOWANCE = 1e-12;
    /** Coordinates beyond 2^52 cannot be distinguished from their neighbours in double precision. */
    private static final double MAX_COORDINATE = 0x1p52;

    private final String name;
    private final int dimension;

    private volatile double[][] basis;
    private volatile double maxRowNorm;
    private volatile double[][] inverse;
    private volatile double log2AbsDet = Double.NaN;

    /**
     * @param name      the lattice name reported by {@link #name()}
     * @param dimension n ≥ 1
     */
    protected AbstractLattice(String name, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("lattice dimension must be at least 1, got " + dimension);
        }
        this.name = name;
        this.dimension = dimension;
    }

    /** Builds the n×n generator (rows are basis vectors). Called at most a few times; the result is cached. */
    protected abstract double[][] buildGenerator();

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The cached generator rows. Callers must not modify the returned array. */
    protected final double[][] basisRows() {
        double[][] b = basis;
        if (b == null) {
            b = buildGenerator();
            if (b.length != dimension) {
                throw new IllegalStateException(name + ": generator has " + b.length + " rows, expected " + dimension);
            }
            double maxNorm = 0.0;
            for (double[] row : b) {
                if (row.length != dimension) {
                    throw new IllegalStateException(name + ": generator row of length " + row.length);
                }
                double s = 0.0;
                for (double v : row) {
                    s += v * v;
                }
                maxNorm = Math.max(maxNorm, Math.sqrt(s));
            }
            maxRowNorm = maxNorm;
            basis = b;
        }
        return b;
    }

    private double[][] inverseRows() {
        double[][] inv = inverse;
        if (inv == null) {
            inv = DenseMatrices.invert(basisRows());
            inverse = inv;
        }
        return inv;
    }

    /** log2|det B| computed from the generator; subclasses with a closed form override this. */
    @Override
    public double log2Volume() {
        double v = log2AbsDet;
        if (Double.isNaN(v)) {
            v = DenseMatrices.log2AbsDet(basisRows());
            log2AbsDet = v;
        }
        return v;
    }

    @Override
    public DMatrixRMaj generator() {
        return new DMatrixRMaj(basisRows());
    }

    /** Uniform over the fundamental parallelepiped {a·B : a ∈ [0,1)^n}; see the class comment for the draw order. */
    @Override
    public void sampleFundamentalRegion(UniformRandomProvider rng, double[] out, int off) {
        double[][] b = basisRows();
        int n = dimension;
        for (int j = 0; j < n; j++) {
            out[off + j] = 0.0;
        }
        for (int i = 0; i < n; i++) {
            double a = rng.nextDouble();
            double[] row = b[i];
            for (int j = 0; j < n; j++) {
                out[off + j] += a * row[j];
            }
        }
    }

    /**
     * Solves a·B = point, rounds a to integers, and verifies ‖a·B − point‖_∞ ≤ 1e-6·max_i‖b_i‖ (plus an allowance
     * of 1e-12 times the magnitude of the summed terms, for points far from the origin).
     */
    @Override
    public long[] coordinates(double[] point) {
        int n = dimension;
        if (point.length < n) {
            throw new IllegalArgumentException("point has length " + point.length + ", lattice " + name
                    + " has dimension " + n);
        }
        double[][] b = basisRows();
        double[][] inv = inverseRows();
        double[] rounded = new double[n];
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += point[j] * inv[j][i];
            }
            if (!(Math.abs(s) < MAX_COORDINATE)) {
                throw new IllegalArgumentException("not a lattice point of " + name
                        + ": coordinate " + i + " is " + s);
            }
            rounded[i] = Rounding.roundHalfUp(s);
            a[i] = (long) rounded[i];
        }
        double tol = MEMBERSHIP_TOLERANCE * maxRowNorm;
        for (int j = 0; j < n; j++) {
            double residual = point[j];
            double magnitude = Math.abs(point[j]);
            for (int i = 0; i < n; i++) {
                double t = rounded[i] * b[i][j];
                residual -= t;
                magnitude += Math.abs(t);
            }
            if (!(Math.abs(residual) <= tol + ROUNDING_ALLOWANCE * magnitude)) {
                throw new IllegalArgumentException("not a lattice point of " + name + ": residual " + residual
                        + " in coordinate " + j);
            }
        }
        return a;
    }
}

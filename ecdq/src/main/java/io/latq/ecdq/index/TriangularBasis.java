package io.latq.ecdq.index;

import org.ejml.data.DMatrixRMaj;

/**
 * A lower-triangular view of a lattice basis, for coding integer coordinates one at a time.
 *
 * <p>For the generator B (basis vectors as rows) we find L lower triangular with positive diagonal and an orthogonal
 * Q with B = L·Q (an LQ decomposition: Gram–Schmidt on the rows of B, done twice for numerical orthogonality).
 * A lattice point λ = a·B then has rotated coordinates y = λ·Qᵀ = a·L, so y_j = a_j·L_jj + c_j with
 * c_j = Σ_{i&gt;j} a_i·L_ij depending only on the coordinates a_{&gt;j}. The integer vector a is the same in both
 * bases, so no integer basis change is needed. When B is already lower triangular (Z^n, the standard E8 generator,
 * polar lattices) Q is a diagonal of ±1 and the rotation is exact.
 *
 * <p>All methods are deterministic floating-point code: encoder and decoder compute identical doubles.
 * Immutable and thread-safe; methods take caller-provided work arrays and do not allocate.
 */
public final class TriangularBasis {
    private final int n;
    private final double[] b;
    private final double[] l;
    private final double[] q;      // orthonormal rows of Q, row-major; null when Q is a signed identity
    private final double[] signs;  // used when q == null

    private TriangularBasis(int n, double[] b, double[] l, double[] q, double[] signs) {
        this.n = n;
        this.b = b;
        this.l = l;
        this.q = q;
        this.signs = signs;
    }

    /**
     * Builds the triangular view of {@code generator} (n×n, basis vectors as rows).
     *
     * @throws IllegalArgumentException if the matrix is not square or is (numerically) singular
     */
    public static TriangularBasis of(DMatrixRMaj generator) {
        int n = generator.numRows;
        if (generator.numCols != n || n == 0) {
            throw new IllegalArgumentException("generator must be square, got " + generator.numRows + "x"
                    + generator.numCols);
        }
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = generator.get(i, j);
            }
        }
        boolean lower = true;
        for (int i = 0; i < n && lower; i++) {
            for (int j = i + 1; j < n; j++) {
                if (b[i * n + j] != 0.0) {
                    lower = false;
                    break;
                }
            }
            if (!(b[i * n + i] != 0.0)) {
                lower = false;
            }
        }
        if (lower) {
            double[] signs = new double[n];
            double[] l = new double[n * n];
            for (int j = 0; j < n; j++) {
                signs[j] = b[j * n + j] > 0 ? 1.0 : -1.0;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    l[i * n + j] = b[i * n + j] * signs[j];
                }
            }
            return new TriangularBasis(n, b, l, null, signs);
        }
        double[] l = new double[n * n];
        double[] q = new double[n * n];
        double[] w = new double[n];
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, i * n, w, 0, n);
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        dot += w[k] * q[j * n + k];
                    }
                    l[i * n + j] += dot;
                    for (int k = 0; k < n; k++) {
                        w[k] -= dot * q[j * n + k];
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < n; k++) {
                norm += w[k] * w[k];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12 * scale)) {
                throw new IllegalArgumentException("generator is singular (row " + i + ")");
            }
            l[i * n + i] = norm;
            for (int k = 0; k < n; k++) {
                q[i * n + k] = w[k] / norm;
            }
        }
        return new TriangularBasis(n, b, l, q, null);
    }

    public int dimension() {
        return n;
    }

    /** Whether the rotation Q is a diagonal of ±1 (the generator was already lower triangular). */
    public boolean isSignedIdentity() {
        return q == null;
    }

    /** L_ij (zero above the diagonal). */
    public double entry(int i, int j) {
        return l[i * n + j];
    }

    /** L_jj &gt; 0. */
    public double diagonal(int j) {
        return l[j * n + j];
    }

    /** The original generator entry B_ij. */
    public double generatorEntry(int i, int j) {
        return b[i * n + j];
    }

    /** out[0..n) = (x[off..off+n))·Qᵀ, the rotated coordinates. */
    public void rotate(double[] x, int off, double[] out) {
        if (q == null) {
            for (int j = 0; j < n; j++) {
                out[j] = signs[j] * x[off + j];
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += x[off + k] * q[j * n + k];
            }
            out[j] = s;
        }
    }

    /** c_j = Σ_{i&gt;j} a_i·L_ij, summed for i = j+1, …, n−1 in that order. */
    public double offset(int j, long[] a) {
        double c = 0;
        for (int i = j + 1; i < n; i++) {
            c += a[i] * l[i * n + j];
        }
        return c;
    }

    /**
     * The integer coordinates of a lattice point: a with a·B = point, found by back-substitution in the rotated
     * coordinates, a_j = round((y_j − c_j)/L_jj) for j = n−1 down to 0.
     *
     * @param work scratch array of length ≥ n
     */
    public void coordinates(double[] point, int off, double[] work, long[] a) {
        rotate(point, off, work);
        for (int j = n - 1; j >= 0; j--) {
            double v = Math.rint((work[j] - offset(j, a)) / l[j * n + j]);
            if (!(Math.abs(v) < 0x1p62)) {
                throw new IllegalArgumentException("lattice coordinate out of range: " + v);
            }
            a[j] = (long) v;
        }
    }

    /** out[off..off+n) = a·B, summed over rows i = 0..n−1 in that order. */
    public void point(long[] a, double[] out, int off) {
        for (int k = 0; k < n; k++) {
            out[off + k] = 0;
        }
        for (int i = 0; i < n; i++) {
            double ai = a[i];
            if (ai == 0) {
                continue;
            }
            for (int k = 0; k <= (q == null ? i : n - 1); k++) {
                out[off + k] += ai * b[i * n + k];
            }
        }
    }
}

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
 *
 * <p><b>Kronecker fast path.</b> A polar lattice's generator is B = diag(d)·F^{⊗m} with F = [[1,0],[1,1]] and
 * integer d_t ≥ 1 (docs/polar-lattices.md), so B_tk = d_t when k ⊆ t (bitwise) and 0 otherwise: 3^m nonzeros. For
 * such a B, {@link #point} is the butterfly λ = (a∘d)·F^{⊗m} (λ_k = Σ_{t ⊇ k} a_t·d_t) and {@link #coordinates} its
 * inverse, O(n log n) instead of O(3^m). Both are used only when every value involved is an integer below
 * 2^53/n² in magnitude: then every partial sum of both the butterfly and the general loops is an exact integer, so
 * the two give the same doubles, bit for bit, and files decode identically whichever path ran. Otherwise the
 * general loops run.
 */
public final class TriangularBasis {
    private final int n;
    private final double[] b;
    private final double[] l;
    private final double[] q;      // orthonormal rows of Q, row-major; null when Q is a signed identity
    private final double[] signs;  // used when q == null
    // sparse rows (compressed) of the strictly lower part of L and of B's lower part, when sparse enough to pay
    private final int[] lStart;
    private final int[] lCol;
    private final double[] lVal;
    private final int[] bStart;
    private final int[] bCol;
    private final double[] bVal;
    /** d_t when B = diag(d)·F^{⊗m} with integer d (the Kronecker fast path); null otherwise. */
    private final double[] kron;
    /** The largest magnitude for which the fast path is exact (see the class comment). */
    private final double kronLimit;
    /** B = I (Z^n): point and coordinates are copies and roundings. */
    private final boolean identity;
    /** The largest |a_t·d_t| for which the offsets of {@link #pushOffsetsInOrder} are exact: 2^53/n. */
    private final double rowLimit;

    private TriangularBasis(int n, double[] b, double[] l, double[] q, double[] signs, boolean allowKronecker) {
        this.n = n;
        this.b = b;
        this.l = l;
        this.q = q;
        this.signs = signs;
        long nnzL = 0;
        long nnzB = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                nnzL += l[i * n + j] != 0.0 ? 1 : 0;
            }
            for (int k = 0; k <= (q == null ? i : n - 1); k++) {
                nnzB += b[i * n + k] != 0.0 ? 1 : 0;
            }
        }
        // a polar lattice (F^{⊗m}: 3^m entries of n²) or E8 is sparse; a dense generator keeps the dense loops
        boolean sparse = nnzL + nnzB <= (long) n * n / 4;
        this.lStart = sparse ? new int[n + 1] : null;
        this.lCol = sparse ? new int[(int) nnzL] : null;
        this.lVal = sparse ? new double[(int) nnzL] : null;
        this.bStart = sparse ? new int[n + 1] : null;
        this.bCol = sparse ? new int[(int) nnzB] : null;
        this.bVal = sparse ? new double[(int) nnzB] : null;
        if (sparse) {
            int pl = 0;
            int pb = 0;
            for (int i = 0; i < n; i++) {
                lStart[i] = pl;
                bStart[i] = pb;
                for (int j = 0; j < i; j++) {
                    if (l[i * n + j] != 0.0) {
                        lCol[pl] = j;
                        lVal[pl++] = l[i * n + j];
                    }
                }
                for (int k = 0; k <= (q == null ? i : n - 1); k++) {
                    if (b[i * n + k] != 0.0) {
                        bCol[pb] = k;
                        bVal[pb++] = b[i * n + k];
                    }
                }
            }
            lStart[n] = pl;
            bStart[n] = pb;
        }
        this.kron = q == null && allowKronecker ? kroneckerDiagonal(n, b) : null;
        this.identity = q == null && allowKronecker && isIdentity(n, b);
        this.kronLimit = StrictMath.scalb(1.0, 53) / ((double) n * n);
        this.rowLimit = StrictMath.scalb(1.0, 53) / n;
    }

    private static boolean isIdentity(int n, double[] b) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (b[i * n + k] != (i == k ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** d if b = diag(d)·F^{⊗m} with integers 1 ≤ d_t ≤ 2^20 and n = 2^m ≥ 2, else null. */
    private static double[] kroneckerDiagonal(int n, double[] b) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            return null;
        }
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            double dt = b[t * n + t];
            if (!(dt >= 1 && dt <= 0x1p20 && dt == Math.rint(dt))) {
                return null;
            }
            d[t] = dt;
            for (int k = 0; k < n; k++) {
                double want = (k & ~t) == 0 ? dt : 0.0;
                if (b[t * n + k] != want) {
                    return null;
                }
            }
        }
        return d;
    }

    /** Whether {@link #point} and {@link #coordinates} use the O(n log n) Kronecker butterflies when they can. */
    public boolean isKronecker() {
        return kron != null;
    }

    /**
     * Builds the triangular view of {@code generator} (n×n, basis vectors as rows).
     *
     * @throws IllegalArgumentException if the matrix is not square or is (numerically) singular
     */
    public static TriangularBasis of(DMatrixRMaj generator) {
        return of(generator, true);
    }

    /**
     * As {@link #of(DMatrixRMaj)}; {@code allowKronecker = false} keeps the general loops even for a polar
     * lattice (the oracle of the tests and the baseline of the benchmarks; the results are the same).
     */
    public static TriangularBasis of(DMatrixRMaj generator, boolean allowKronecker) {
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
            return new TriangularBasis(n, b, l, null, signs, allowKronecker);
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
        return new TriangularBasis(n, b, l, q, null, allowKronecker);
    }

    public int dimension() {
        return n;
    }

    /** Whether the rotation Q is a diagonal of ±1 (the generator was already lower triangular). */
    public boolean isSignedIdentity() {
        return q == null;
    }

    /**
     * Whether B = I (hence L = I, Q = I, signs +1): {@link #coordinates} and {@link #point} are then plain roundings
     * and copies, and the successive coder's centre of a coordinate is the dither itself.
     */
    public boolean isIdentity() {
        return identity;
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
     * Adds row i's contribution a_i·L_ij to {@code acc[j]} for every j &lt; i: after the rows n−1, …, j+1 have been
     * pushed, {@code acc[j]} is the offset c_j. This is the incremental form of {@link #offset} that the successive
     * coder of format version 2 uses in both directions; it touches only the nonzero entries (3^m of n² for a polar
     * lattice of length 2^m) and runs along rows. Its sums are the same terms as {@link #offset}'s in another order,
     * so they are equal whenever the terms are exact (integers and dyadic entries, as in every shipped lattice).
     */
    public void pushOffsets(int i, long ai, double[] acc) {
        if (ai == 0) {
            return;
        }
        double v = ai;
        if (lStart != null) {
            for (int p = lStart[i]; p < lStart[i + 1]; p++) {
                acc[lCol[p]] += v * lVal[p];
            }
        } else {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                acc[j] += v * l[row + j];
            }
        }
    }

    /**
     * The integer coordinates of a lattice point: a with a·B = point, found by back-substitution in the rotated
     * coordinates, a_j = round((y_j − c_j)/L_jj) for j = n−1 down to 0 (offsets accumulated by
     * {@link #pushOffsets}).
     *
     * @param work scratch array of length ≥ 2n
     */
    public void coordinates(double[] point, int off, double[] work, long[] a) {
        if (identity) { // the loop below with L = I, Q = I: a_j = rint(y_j), same checks
            for (int j = n - 1; j >= 0; j--) {
                double v = Math.rint(point[off + j]);
                if (!(Math.abs(v) < 0x1p62)) {
                    throw new IllegalArgumentException("lattice coordinate out of range: " + v);
                }
                a[j] = (long) v;
            }
            return;
        }
        if (kron != null && kroneckerCoordinates(point, off, work, a)) {
            return;
        }
        rotate(point, off, work);
        java.util.Arrays.fill(work, n, 2 * n, 0.0);
        for (int j = n - 1; j >= 0; j--) {
            double v = Math.rint((work[j] - work[n + j]) / l[j * n + j]);
            if (!(Math.abs(v) < 0x1p62)) {
                throw new IllegalArgumentException("lattice coordinate out of range: " + v);
            }
            a[j] = (long) v;
            pushOffsets(j, a[j], work, n);
        }
    }

    /** The butterfly form of {@link #coordinates}; false (nothing decided) when it would not be exact. */
    private boolean kroneckerCoordinates(double[] point, int off, double[] work, long[] a) {
        for (int k = 0; k < n; k++) {
            double v = point[off + k];
            if (!(Math.abs(v) <= kronLimit) || v != Math.rint(v)) {
                return false;
            }
            work[k] = v;
        }
        // F^{⊗m} over Z is inverted by the same butterfly with subtraction: (a∘d)_t = Σ_{k ⊇ t} ±λ_k
        for (int h = 1; h < n; h <<= 1) {
            for (int s = 0; s < n; s += 2 * h) {
                for (int i = s; i < s + h; i++) {
                    work[i] -= work[i + h];
                }
            }
        }
        for (int t = 0; t < n; t++) {
            double q = work[t] / kron[t];
            if (q != Math.rint(q) || !(Math.abs(work[t]) <= kronLimit)) {
                return false; // not a lattice point (or too large): the general loop rounds as it always did
            }
        }
        for (int t = 0; t < n; t++) {
            a[t] = (long) (work[t] / kron[t]);
        }
        return true;
    }

    private void pushOffsets(int i, long ai, double[] acc, int accOff) {
        if (ai == 0) {
            return;
        }
        double v = ai;
        if (lStart != null) {
            for (int p = lStart[i]; p < lStart[i + 1]; p++) {
                acc[accOff + lCol[p]] += v * lVal[p];
            }
        } else {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                acc[accOff + j] += v * l[row + j];
            }
        }
    }

    /**
     * out[off..off+n) = a·B, summed over rows i = 0..n−1 in that order. The sparse form skips zero entries, which
     * never changes a sum (x + ±0 = x, and an output starts at +0), so both forms give the same bits.
     */
    public void point(long[] a, double[] out, int off) {
        if (identity) { // 0 + a·1 = a exactly, and a zero row leaves +0
            for (int k = 0; k < n; k++) {
                out[off + k] = a[k];
            }
            return;
        }
        if (kron != null && kroneckerPoint(a, out, off)) {
            return;
        }
        for (int k = 0; k < n; k++) {
            out[off + k] = 0;
        }
        if (bStart != null) {
            for (int i = 0; i < n; i++) {
                double ai = a[i];
                if (ai == 0) {
                    continue;
                }
                for (int p = bStart[i]; p < bStart[i + 1]; p++) {
                    out[off + bCol[p]] += ai * bVal[p];
                }
            }
            return;
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

    /**
     * λ = a·B from the offsets that {@link #pushOffsetsInOrder} left after a whole point (j = n−1 … 0): y_j = c_j +
     * a_j·L_jj is the point's rotated coordinate and λ_j = signs_j·y_j, so the successive decoder gets the point
     * without {@link #point}'s butterflies. Only for the Kronecker form while every |a_t·d_t| ≤ 2^53/n² (where
     * {@link #point} is exact too), else false and {@code out} is not written. Every nonzero λ_j equals
     * {@link #point}'s; a zero may differ in its sign.
     */
    public boolean pointFromOffsets(long[] a, double[] acc, double[] out) {
        if (kron == null || !kroneckerExact(a)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            out[j] = signs[j] * (acc[j] + a[j] * l[j * n + j]);
        }
        return true;
    }

    /** Whether every |a_t·d_t| ≤ 2^53/n², where every sum of the Kronecker form is an exact integer. */
    private boolean kroneckerExact(long[] a) {
        for (int t = 0; t < n; t++) {
            if (!(Math.abs((double) a[t]) * kron[t] <= kronLimit)) {
                return false;
            }
        }
        return true;
    }

    /** The butterfly form of {@link #point}; false (out untouched) when it would not be exact. */
    private boolean kroneckerPoint(long[] a, double[] out, int off) {
        if (!kroneckerExact(a)) {
            return false;
        }
        for (int t = 0; t < n; t++) {
            out[off + t] = a[t] * kron[t];
        }
        for (int h = 1; h < n; h <<= 1) {
            for (int s = off; s < off + n; s += 2 * h) {
                for (int i = s; i < s + h; i++) {
                    out[i] += out[i + h];
                }
            }
        }
        return true;
    }

    /**
     * The offsets of the successive coder, kept in coding order j = n−1, …, 0: call with each coordinate just
     * coded; afterwards {@code acc[j']} is the offset c_{j'} of every coordinate j' &lt; j whose offset is complete,
     * in particular of j − 1, which is all the coder needs next. Without the Kronecker structure, or once a value is
     * too large for it (then {@code fast} is false from that call on), this is {@link #pushOffsets}.
     *
     * <p>Kronecker form: c_{j'} = Σ_{t &gt; j', t ⊇ j'} a_t·d_t. When the right half [s+h, s+2h) of an aligned node
     * is complete its butterfly β (its own λ, kept in {@code beta}) is added to the offsets of the left half, since
     * t = s+h+t' ⊇ s+i iff t' ⊇ i; then halves merge as [β_left + β_right, β_right]. That is O(n log n) per point
     * instead of 3^m. While every |a_t·d_t| ≤ 2^53/n every sum is an exact integer, so the offsets are the same
     * doubles as {@link #pushOffsets}' (exact sums of the same terms); the first larger value rebuilds {@code acc}
     * exactly as {@link #pushOffsets} would have left it, and the coder continues with that.
     *
     * @param j    the coordinate just coded (called for j = n−1 down to 0, {@code acc} zero before the first call)
     * @param a    the coordinates, a[j..n) coded
     * @param acc  offsets, length ≥ n
     * @param beta scratch of length ≥ n, owned by the caller for the whole point
     * @param fast whether the butterfly form is still in use (true at j = n−1)
     * @return whether the butterfly form is still in use for the next call
     */
    public boolean pushOffsetsInOrder(int j, long[] a, double[] acc, double[] beta, boolean fast) {
        if (kron == null || !fast) {
            pushOffsets(j, a[j], acc);
            return false;
        }
        if (!(Math.abs((double) a[j]) * kron[j] <= rowLimit)) {
            java.util.Arrays.fill(acc, 0, n, 0.0);
            for (int t = n - 1; t >= j; t--) {
                pushOffsets(t, a[t], acc);
            }
            return false;
        }
        beta[j] = a[j] * kron[j];
        if ((j & 1) != 0) { // half of all calls: the node [j−1, j+1], whose right half is j alone
            acc[j - 1] += beta[j];
            return true;
        }
        if (j == 0) {
            return true;
        }
        int top = Integer.lowestOneBit(j); // [j, j+top) is the right half of the node [j−top, j+top)
        for (int h = 1; h < top; h <<= 1) {
            for (int i = j; i < j + h; i++) {
                beta[i] += beta[i + h];
            }
        }
        int left = j - top;
        for (int i = 0; i < top; i++) {
            acc[left + i] += beta[j + i];
        }
        return true;
    }
}

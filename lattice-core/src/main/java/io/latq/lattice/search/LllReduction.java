package io.latq.lattice.search;

import io.latq.lattice.Rounding;

/**
 * Lenstra–Lenstra–Lovász basis reduction of a row basis (A. K. Lenstra, H. W. Lenstra, L. Lovász, "Factoring
 * polynomials with rational coefficients", Math. Ann. 261, 1982), in double precision.
 *
 * <p>The output basis b_0..b_{n−1} spans the same lattice and satisfies, with its Gram–Schmidt data μ, b*:
 * <ul>
 *   <li>size reduction: |μ_ij| ≤ ½ for j &lt; i;</li>
 *   <li>the Lovász condition: ‖b*_k‖² ≥ (δ − μ_{k,k−1}²)·‖b*_{k−1}‖², with δ = 0.99 by default.</li>
 * </ul>
 * The Gram–Schmidt data of row k is recomputed from scratch (modified Gram–Schmidt against the rows above, which are
 * unchanged since their last computation) every time the algorithm moves to row k, and size reduction is repeated
 * when it used a large multiplier; this is the floating-point strategy of Schnorr &amp; Euchner (1994) and is ample
 * for the well-scaled bases of dimension ≤ 64 that latq handles. The unimodular transform U with
 * reduced = U·input is tracked exactly in {@code long}.
 */
public final class LllReduction {

    /** The customary Lovász parameter δ = 0.99. */
    public static final double DEFAULT_DELTA = 0.99;

    /** Above this multiplier the size reduction of a row is repeated with freshly computed Gram–Schmidt data. */
    private static final double LARGE_MULTIPLIER = 0x1p20;

    private LllReduction() {
    }

    /** The result of a reduction: the reduced basis and U with reduced = U·input. */
    public static final class Result {
        private final double[][] basis;
        private final long[][] transform;

        Result(double[][] basis, long[][] transform) {
            this.basis = basis;
            this.transform = transform;
        }

        /** The reduced basis (rows); a fresh copy. */
        public double[][] basis() {
            return deepCopy(basis);
        }

        /** The unimodular integer matrix U with reduced = U·input; a fresh copy. */
        public long[][] transform() {
            long[][] c = new long[transform.length][];
            for (int i = 0; i < c.length; i++) {
                c[i] = transform[i].clone();
            }
            return c;
        }
    }

    /** LLL with δ = {@value #DEFAULT_DELTA}. */
    public static Result reduce(double[][] basis) {
        return reduce(basis, DEFAULT_DELTA);
    }

    /**
     * LLL-reduces the rows of {@code basis} (linearly independent rows of equal length; the input is not modified).
     *
     * @param delta the Lovász parameter, ¼ &lt; δ &lt; 1
     * @throws IllegalArgumentException if δ is out of range, the rows are ragged, or they are linearly dependent
     */
    public static Result reduce(double[][] basis, double delta) {
        if (!(delta > 0.25 && delta < 1.0)) {
            throw new IllegalArgumentException("LLL delta must be in (1/4, 1), got " + delta);
        }
        int n = basis.length;
        if (n == 0) {
            throw new IllegalArgumentException("LLL needs at least one basis vector");
        }
        int m = basis[0].length;
        for (double[] row : basis) {
            if (row.length != m) {
                throw new IllegalArgumentException("LLL basis rows have different lengths");
            }
        }
        double[][] b = deepCopy(basis);
        long[][] u = new long[n][n];
        for (int i = 0; i < n; i++) {
            u[i][i] = 1;
        }
        double[][] bs = new double[n][m];
        double[][] mu = new double[n][n];
        double[] normSq = new double[n];

        orthogonalizeRow(b, bs, mu, normSq, 0);
        int k = 1;
        long swaps = 0;
        long maxSwaps = 1_000_000L + 1000L * n * n;
        while (k < n) {
            double largest;
            int passes = 0;
            do {
                if (++passes > 64) {
                    throw new IllegalStateException("LLL size reduction did not settle (numerically degenerate basis)");
                }
                orthogonalizeRow(b, bs, mu, normSq, k);
                largest = sizeReduce(b, u, mu, k);
            } while (largest > LARGE_MULTIPLIER);
            double m1 = mu[k][k - 1];
            if (normSq[k] >= (delta - m1 * m1) * normSq[k - 1]) {
                k++;
            } else {
                swapRows(b, k, k - 1);
                long[] t = u[k];
                u[k] = u[k - 1];
                u[k - 1] = t;
                if (++swaps > maxSwaps) {
                    throw new IllegalStateException("LLL did not converge (numerically degenerate basis)");
                }
                if (k == 1) {
                    orthogonalizeRow(b, bs, mu, normSq, 0);
                } else {
                    k--;
                }
            }
        }
        return new Result(b, u);
    }

    /** Modified Gram–Schmidt of row k against the (current) orthogonal rows 0..k−1. */
    private static void orthogonalizeRow(double[][] b, double[][] bs, double[][] mu, double[] normSq, int k) {
        int m = b[k].length;
        double[] v = bs[k];
        System.arraycopy(b[k], 0, v, 0, m);
        for (int j = 0; j < k; j++) {
            double c = GramSchmidt.dot(v, bs[j], m) / normSq[j];
            mu[k][j] = c;
            for (int t = 0; t < m; t++) {
                v[t] -= c * bs[j][t];
            }
        }
        mu[k][k] = 1.0;
        normSq[k] = GramSchmidt.dot(v, v, m);
        if (!(normSq[k] > 0.0)) {
            throw new IllegalArgumentException("LLL basis rows are linearly dependent");
        }
    }

    /** b_k ← b_k − Σ q_j·b_j for j = k−1..0 with q_j = r(μ_kj) where |μ_kj| &gt; ½; returns the largest |q_j| used. */
    private static double sizeReduce(double[][] b, long[][] u, double[][] mu, int k) {
        int m = b[k].length;
        double largest = 0.0;
        for (int j = k - 1; j >= 0; j--) {
            if (Math.abs(mu[k][j]) <= 0.5) {
                continue; // already size-reduced; reducing at exactly ±½ would only flip the sign
            }
            double q = Rounding.roundHalfUp(mu[k][j]);
            largest = Math.max(largest, Math.abs(q));
            for (int t = 0; t < m; t++) {
                b[k][t] -= q * b[j][t];
            }
            long qi = (long) q;
            for (int t = 0; t < u[k].length; t++) {
                u[k][t] = Math.subtractExact(u[k][t], Math.multiplyExact(qi, u[j][t]));
            }
            for (int l = 0; l < j; l++) {
                mu[k][l] -= q * mu[j][l];
            }
            mu[k][j] -= q;
        }
        return largest;
    }

    private static void swapRows(double[][] a, int i, int j) {
        double[] t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}

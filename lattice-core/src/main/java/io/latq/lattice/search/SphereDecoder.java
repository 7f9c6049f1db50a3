package io.latq.lattice.search;

import io.latq.lattice.Rounding;

/**
 * Exact closest-point search in a lattice by Schnorr–Euchner enumeration (C. P. Schnorr, M. Euchner, "Lattice basis
 * reduction: improved practical algorithms and solving subset sum problems", Math. Programming 66, 1994), in the
 * form given by E. Agrell, T. Eriksson, A. Vardy, K. Zeger, "Closest point search in lattices", IEEE Trans. Inf.
 * Theory 48(8), 2002.
 *
 * <p>Setup: the Gram–Schmidt decomposition of the basis rows R = L·Q, with Q orthonormal (rows b*_j/‖b*_j‖) and L
 * lower triangular (L_ij = μ_ij·‖b*_j‖, L_jj = ‖b*_j‖). For an input x let y = x·Qᵀ; then
 * ‖x − z·R‖² = ‖y − z·L‖² = Σ_k (L_kk·(c_k − z_k))², where the centre c_k = (y_k − Σ_{i&gt;k} z_i·L_ik)/L_kk depends
 * only on z_{k+1..n−1}. The search fixes z_{n−1}, z_{n−2}, …, z_0 in turn, trying at each level the integers in
 * order of increasing distance from c_k (zig-zag r(c_k), r(c_k)±1, …), and abandons a level as soon as its partial
 * distance reaches the best full distance found so far. The first leaf reached is the Babai point, so the search
 * radius is never infinite after the first descent. The result is a closest lattice point; among exactly tied
 * points the first one enumerated is kept.
 *
 * <p>The basis should be LLL-reduced ({@link LllReduction}) for speed; correctness does not depend on it. The
 * decoder itself is immutable; the mutable search state lives in a {@link Workspace} that each thread owns.
 */
public final class SphereDecoder {

    private final int n;
    /** The basis rows R (used to form the output point z·R). */
    private final double[][] basis;
    /** Orthonormal rows q_j. */
    private final double[][] q;
    /** L_ik for i &gt; k, stored as lower[k][i] so that the centre sum runs over a contiguous row. */
    private final double[][] lowerByColumn;
    private final double[] diag;

    /**
     * @param basis linearly independent rows spanning R^n (n×n); copied
     * @throws IllegalArgumentException if the basis is not square or is singular
     */
    public SphereDecoder(double[][] basis) {
        n = basis.length;
        if (n == 0) {
            throw new IllegalArgumentException("sphere decoder needs a non-empty basis");
        }
        for (double[] row : basis) {
            if (row.length != n) {
                throw new IllegalArgumentException("sphere decoder needs a square basis");
            }
        }
        this.basis = LllReduction.deepCopy(basis);
        GramSchmidt gs = GramSchmidt.of(this.basis);
        q = new double[n][n];
        diag = new double[n];
        lowerByColumn = new double[n][n];
        for (int j = 0; j < n; j++) {
            double norm = Math.sqrt(gs.normSq[j]);
            if (!(norm > 0.0)) {
                throw new IllegalArgumentException("sphere decoder basis is singular");
            }
            diag[j] = norm;
            for (int t = 0; t < n; t++) {
                q[j][t] = gs.orthogonal[j][t] / norm;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                lowerByColumn[k][i] = gs.mu[i][k] * diag[k];
            }
        }
    }

    /** The dimension n. */
    public int dimension() {
        return n;
    }

    /** Fresh search state for one thread. */
    public Workspace newWorkspace() {
        return new Workspace(n);
    }

    /** Mutable per-thread search state; after {@link #decode} it holds the integer coefficients of the result. */
    public static final class Workspace {
        private final double[] y;
        private final double[] z;
        private final double[] center;
        private final double[] step;
        private final double[] partial;
        private final double[] best;

        private Workspace(int n) {
            y = new double[n];
            z = new double[n];
            center = new double[n];
            step = new double[n];
            partial = new double[n + 1];
            best = new double[n];
        }

        /** Coefficient i (an integer value) of the last decoded point with respect to the decoder's basis. */
        public double coefficient(int i) {
            return best[i];
        }
    }

    /**
     * Writes a closest lattice point to x into {@code out[outOff..outOff+n)} and returns its squared distance.
     * {@code x} is read completely before {@code out} is written, so identical ranges are allowed.
     *
     * @throws IllegalArgumentException if x has a non-finite entry
     */
    public double decode(double[] x, int xOff, double[] out, int outOff, Workspace ws) {
        double[] y = ws.y;
        double[] z = ws.z;
        double[] c = ws.center;
        double[] step = ws.step;
        double[] partial = ws.partial;
        double[] best = ws.best;
        for (int j = 0; j < n; j++) {
            y[j] = GramSchmidt.dotAt(x, xOff, q[j], n);
        }
        double bestDist = Double.POSITIVE_INFINITY;
        int k = n - 1;
        partial[n] = 0.0;
        startLevel(k, y, z, c, step);
        while (true) {
            double diff = (c[k] - z[k]) * diag[k];
            double t = partial[k + 1] + diff * diff;
            if (t < bestDist) {
                if (k == 0) {
                    bestDist = t;
                    System.arraycopy(z, 0, best, 0, n);
                    nextCandidate(0, z, step);
                } else {
                    partial[k] = t;
                    k--;
                    startLevel(k, y, z, c, step);
                }
            } else {
                if (k == n - 1) {
                    break;
                }
                k++;
                nextCandidate(k, z, step);
            }
        }
        if (bestDist == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("sphere decoder input must be finite and of moderate magnitude");
        }
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += best[i] * basis[i][j];
            }
            out[outOff + j] = s;
        }
        return bestDist;
    }

    /** Centre of level k given z_{k+1..n−1}; the first candidate is the nearest integer. */
    private void startLevel(int k, double[] y, double[] z, double[] c, double[] step) {
        double s = y[k];
        double[] col = lowerByColumn[k];
        for (int i = k + 1; i < n; i++) {
            s -= z[i] * col[i];
        }
        double ck = s / diag[k];
        c[k] = ck;
        z[k] = Rounding.roundHalfUp(ck);
        step[k] = (ck >= z[k]) ? 1.0 : -1.0;
    }

    /** Schnorr–Euchner zig-zag: r, r+1, r−1, r+2, … (or the mirror image when c &lt; r). */
    private static void nextCandidate(int k, double[] z, double[] step) {
        z[k] += step[k];
        step[k] = (step[k] > 0.0) ? -step[k] - 1.0 : -step[k] + 1.0;
    }
}

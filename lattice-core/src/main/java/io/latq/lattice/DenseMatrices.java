package io.latq.lattice;

/** Small dense linear-algebra helpers for n×n generator matrices stored as rows. */
final class DenseMatrices {

    private DenseMatrices() {
    }

    /** A deep copy of a rectangular array. */
    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * log2|det a| by Gaussian elimination with partial pivoting (the sum of log2 of the pivots, so that large
     * dimensions do not overflow). Returns −∞ for a singular matrix.
     */
    static double log2AbsDet(double[][] a) {
        int n = a.length;
        double[][] m = copy(a);
        double log2 = 0.0;
        for (int col = 0; col < n; col++) {
            int p = pivotRow(m, col);
            if (m[p][col] == 0.0) {
                return Double.NEGATIVE_INFINITY;
            }
            swapRows(m, p, col);
            double piv = m[col][col];
            log2 += StrictMath.log(Math.abs(piv)) / StrictMath.log(2.0);
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / piv;
                if (factor != 0.0) {
                    for (int c = col; c < n; c++) {
                        m[r][c] -= factor * m[col][c];
                    }
                }
            }
        }
        return log2;
    }

    /**
     * The inverse of a square matrix by Gauss–Jordan elimination with partial pivoting.
     *
     * @throws IllegalArgumentException if the matrix is singular
     */
    static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = copy(a);
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            inv[i][i] = 1.0;
        }
        for (int col = 0; col < n; col++) {
            int p = pivotRow(m, col);
            if (m[p][col] == 0.0) {
                throw new IllegalArgumentException("matrix is singular");
            }
            swapRows(m, p, col);
            swapRows(inv, p, col);
            double piv = m[col][col];
            for (int c = 0; c < n; c++) {
                m[col][c] /= piv;
                inv[col][c] /= piv;
            }
            for (int r = 0; r < n; r++) {
                double factor = m[r][col];
                if (r != col && factor != 0.0) {
                    for (int c = 0; c < n; c++) {
                        m[r][c] -= factor * m[col][c];
                        inv[r][c] -= factor * inv[col][c];
                    }
                }
            }
        }
        return inv;
    }

    private static int pivotRow(double[][] m, int col) {
        int best = col;
        for (int r = col + 1; r < m.length; r++) {
            if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
                best = r;
            }
        }
        return best;
    }

    private static void swapRows(double[][] m, int i, int j) {
        if (i != j) {
            double[] t = m[i];
            m[i] = m[j];
            m[j] = t;
        }
    }
}

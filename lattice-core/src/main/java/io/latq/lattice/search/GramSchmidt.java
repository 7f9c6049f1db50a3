package io.latq.lattice.search;

/**
 * Gram–Schmidt orthogonalization of the rows b_0..b_{n−1} of a basis (modified Gram–Schmidt, for stability):
 * b_i = b*_i + Σ_{j<i} μ_ij·b*_j with the b*_i pairwise orthogonal.
 */
final class GramSchmidt {

    /** The orthogonal vectors b*_i (rows). */
    final double[][] orthogonal;
    /** μ_ij for j &lt; i (μ_ii = 1, μ_ij = 0 for j &gt; i). */
    final double[][] mu;
    /** ‖b*_i‖². */
    final double[] normSq;

    private GramSchmidt(double[][] orthogonal, double[][] mu, double[] normSq) {
        this.orthogonal = orthogonal;
        this.mu = mu;
        this.normSq = normSq;
    }

    static GramSchmidt of(double[][] rows) {
        int n = rows.length;
        int m = rows[0].length;
        double[][] bs = new double[n][];
        double[][] mu = new double[n][n];
        double[] normSq = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = rows[i].clone();
            for (int j = 0; j < i; j++) {
                double c = normSq[j] == 0.0 ? 0.0 : dot(v, bs[j], m) / normSq[j];
                mu[i][j] = c;
                if (c != 0.0) {
                    for (int t = 0; t < m; t++) {
                        v[t] -= c * bs[j][t];
                    }
                }
            }
            mu[i][i] = 1.0;
            bs[i] = v;
            normSq[i] = dot(v, v, m);
        }
        return new GramSchmidt(bs, mu, normSq);
    }

    static double dot(double[] a, double[] b, int m) {
        double s = 0.0;
        for (int t = 0; t < m; t++) {
            s += a[t] * b[t];
        }
        return s;
    }

    static double dotAt(double[] a, int aOff, double[] b, int m) {
        double s = 0.0;
        for (int t = 0; t < m; t++) {
            s += a[aOff + t] * b[t];
        }
        return s;
    }
}

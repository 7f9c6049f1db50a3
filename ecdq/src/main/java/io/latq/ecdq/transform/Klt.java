package io.latq.ecdq.transform;

import java.util.Arrays;

/**
 * Karhunen–Loève transform across C ≤ {@value #MAX_CHANNELS} channels of interleaved frames.
 *
 * <p>Given a symmetric C×C covariance Σ, the cyclic Jacobi method (Golub &amp; Van Loan, Matrix Computations, 4th ed.,
 * §8.5.3, Algorithms 8.5.2 "sym.schur2" and 8.5.3) finds an orthogonal U with Uᵀ Σ U = diag(λ). For each pair
 * (p, q) in row-cyclic order (p = 0..C−2, q = p+1..C−1) with a_pq ≠ 0:
 * <pre>
 *   τ = (a_qq − a_pp) / (2·a_pq),   t = sign(τ) / (|τ| + √(1 + τ²))   (t = 1/(2τ) when τ² would overflow),
 *   c = 1/√(1 + t²),  s = t·c,      A ← Jᵀ A J,  U ← U J,   J = rotation with J_pp = J_qq = c, J_pq = s, J_qp = −s
 * </pre>
 * after which a_pq = 0 exactly, a_pp −= t·a_pq, a_qq += t·a_pq. Stop rule (JVM independent, evaluated before each
 * sweep): off(A) = Σ_{p&lt;q} a_pq² ≤ 2^−106 · ‖Σ‖_F², or off(A) = 0, or {@value #MAX_SWEEPS} sweeps done.
 *
 * <p>Eigenvalues are sorted in descending order (ties keep the original diagonal order), and each eigenvector's sign
 * is fixed so that its component of largest magnitude is positive (ties: the first such index). The columns of U
 * are the eigenvectors: U[i·C + j] is component i of eigenvector j.
 *
 * <p>Transform of frame t (C consecutive values, channel fastest): forward y_t = Uᵀ x_t, i.e. y_t[j] =
 * Σ_{i=0}^{C−1} U[i·C+j]·x_t[i] (i ascending); inverse x_t[i] = Σ_{j} U[i·C+j]·y_t[j] (j ascending). The KLT
 * rotates only: subtracting channel means, if wanted, is the caller's business.
 *
 * <p>Determinism: only +, −, ×, /, {@link Math#sqrt} and {@link Math#abs} with a fixed order, so the same covariance
 * gives bit-identical U on every JVM. A decoder that recomputes U must get the covariance bit-exactly (e.g. the
 * encoder quantizes it first and both sides start from the quantized values); alternatively send U.
 *
 * <p>Instances hold a C-element scratch for in-place transforms and are not thread-safe; use {@link #copy()}.
 */
public final class Klt {
    /** Largest channel count. */
    public static final int MAX_CHANNELS = 64;
    /** Sweep limit. */
    public static final int MAX_SWEEPS = 64;
    private static final double TOLERANCE = 0x1p-106;

    private final int c;
    private final double[] u;
    private final double[] eigenvalues;
    private final int sweeps;
    private final double[] scratch;

    private Klt(int c, double[] u, double[] eigenvalues, int sweeps) {
        this.c = c;
        this.u = u;
        this.eigenvalues = eigenvalues;
        this.sweeps = sweeps;
        this.scratch = new double[c];
    }

    /**
     * Eigen-decomposition of a covariance.
     *
     * @param covariance row-major C×C; symmetrized as (a_ij + a_ji)/2 before use
     * @param channels   C in 1..{@value #MAX_CHANNELS}
     */
    public static Klt fromCovariance(double[] covariance, int channels) {
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be in 1.." + MAX_CHANNELS + ", got " + channels);
        }
        int n = channels;
        if (covariance.length != n * n) {
            throw new IllegalArgumentException("covariance must have " + n * n + " entries, got "
                    + covariance.length);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = (covariance[i * n + j] + covariance[j * n + i]) * 0.5;
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("covariance entries must be finite");
                }
                a[i * n + j] = v;
            }
        }
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1.0;
        }
        double frob = 0.0;
        for (int i = 0; i < n * n; i++) {
            frob += a[i] * a[i];
        }
        int sweep = 0;
        for (; sweep < MAX_SWEEPS; sweep++) {
            double off = 0.0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off == 0.0 || off <= TOLERANCE * frob) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, n, p, q);
                }
            }
        }
        // sort descending, ties by index
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = a[i * n + i];
        }
        Arrays.sort(order, (x, y) -> {
            int cmp = Double.compare(diag[y], diag[x]);
            return cmp != 0 ? cmp : Integer.compare(x, y);
        });
        double[] lambda = new double[n];
        double[] u = new double[n * n];
        for (int j = 0; j < n; j++) {
            int src = order[j];
            lambda[j] = diag[src];
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[i * n + src]) > Math.abs(v[big * n + src])) {
                    big = i;
                }
            }
            double sign = v[big * n + src] < 0.0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                u[i * n + j] = sign * v[i * n + src];
            }
        }
        return new Klt(n, u, lambda, sweep);
    }

    private static void rotate(double[] a, double[] v, int n, int p, int q) {
        double apq = a[p * n + q];
        if (apq == 0.0) {
            return;
        }
        double app = a[p * n + p];
        double aqq = a[q * n + q];
        double tau = (aqq - app) / (2.0 * apq);
        double t;
        if (Math.abs(tau) > 0x1p500) {
            t = 0.5 / tau;
        } else {
            t = (tau >= 0.0 ? 1.0 : -1.0) / (Math.abs(tau) + Math.sqrt(1.0 + tau * tau));
        }
        double cs = 1.0 / Math.sqrt(1.0 + t * t);
        double sn = t * cs;
        for (int k = 0; k < n; k++) {
            if (k == p || k == q) {
                continue;
            }
            double akp = a[k * n + p];
            double akq = a[k * n + q];
            double np = cs * akp - sn * akq;
            double nq = sn * akp + cs * akq;
            a[k * n + p] = np;
            a[p * n + k] = np;
            a[k * n + q] = nq;
            a[q * n + k] = nq;
        }
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0.0;
        a[q * n + p] = 0.0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k * n + p];
            double vkq = v[k * n + q];
            v[k * n + p] = cs * vkp - sn * vkq;
            v[k * n + q] = sn * vkp + cs * vkq;
        }
    }

    /** Same decomposition with its own scratch, for another thread. */
    public Klt copy() {
        return new Klt(c, u, eigenvalues, sweeps);
    }

    /** C. */
    public int channels() {
        return c;
    }

    /** Eigenvalues λ_0 ≥ λ_1 ≥ … (a copy): the variances of the KLT components. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** U row-major (a copy): U[i·C + j] = component i of eigenvector j. */
    public double[] basis() {
        return u.clone();
    }

    /** Jacobi sweeps used. */
    public int sweeps() {
        return sweeps;
    }

    /** y_t = Uᵀ x_t for {@code frames} interleaved frames; in-place allowed (same array and offset). */
    public void forward(double[] x, int off, int frames, double[] out, int outOff) {
        check(x, off, out, outOff, frames);
        double[] tmp = scratch;
        for (int f = 0; f < frames; f++) {
            int base = off + f * c;
            for (int j = 0; j < c; j++) {
                double s = 0.0;
                for (int i = 0; i < c; i++) {
                    s += u[i * c + j] * x[base + i];
                }
                tmp[j] = s;
            }
            System.arraycopy(tmp, 0, out, outOff + f * c, c);
        }
    }

    /** x_t = U y_t for {@code frames} interleaved frames; in-place allowed (same array and offset). */
    public void inverse(double[] y, int off, int frames, double[] out, int outOff) {
        check(y, off, out, outOff, frames);
        double[] tmp = scratch;
        for (int f = 0; f < frames; f++) {
            int base = off + f * c;
            for (int i = 0; i < c; i++) {
                double s = 0.0;
                for (int j = 0; j < c; j++) {
                    s += u[i * c + j] * y[base + j];
                }
                tmp[i] = s;
            }
            System.arraycopy(tmp, 0, out, outOff + f * c, c);
        }
    }

    private void check(double[] in, int off, double[] out, int outOff, int frames) {
        long n = (long) frames * c;
        if (frames < 0 || off < 0 || outOff < 0 || off + n > in.length || outOff + n > out.length) {
            throw new IndexOutOfBoundsException("array regions too short for " + frames + " frames of " + c);
        }
    }

    /**
     * Streaming covariance of C interleaved channels, accumulated in a fixed order about a shift (the first frame),
     * so the result depends only on the sequence of frames, not on how it is split into calls.
     * cov_ij = S_ij/n − (S_i/n)(S_j/n) with S_i = Σ (x_i − c_i), S_ij = Σ (x_i − c_i)(x_j − c_j).
     * Not thread-safe.
     */
    public static final class CovarianceAccumulator {
        private final int c;
        private final double[] shift;
        private final double[] s1;
        private final double[] s2;   // upper triangle including diagonal, row-major full storage
        private final double[] d;
        private long n;

        public CovarianceAccumulator(int channels) {
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw new IllegalArgumentException("channels must be in 1.." + MAX_CHANNELS + ", got " + channels);
            }
            c = channels;
            shift = new double[c];
            s1 = new double[c];
            s2 = new double[c * c];
            d = new double[c];
        }

        /** Adds {@code frames} interleaved frames starting at x[off]. */
        public void accumulate(double[] x, int off, int frames) {
            if (frames < 0 || off < 0 || off + (long) frames * c > x.length) {
                throw new IndexOutOfBoundsException("array too short for " + frames + " frames of " + c);
            }
            for (int f = 0; f < frames; f++) {
                int base = off + f * c;
                if (n == 0) {
                    System.arraycopy(x, base, shift, 0, c);
                }
                for (int i = 0; i < c; i++) {
                    d[i] = x[base + i] - shift[i];
                    s1[i] += d[i];
                }
                for (int i = 0; i < c; i++) {
                    double di = d[i];
                    for (int j = i; j < c; j++) {
                        s2[i * c + j] += di * d[j];
                    }
                }
                n++;
            }
        }

        public long frames() {
            return n;
        }

        /** Channel means. */
        public double[] mean() {
            double[] m = new double[c];
            for (int i = 0; i < c; i++) {
                m[i] = n == 0 ? 0.0 : shift[i] + s1[i] / n;
            }
            return m;
        }

        /** Population covariance (divide by n), row-major C×C, exactly symmetric. */
        public double[] covariance() {
            if (n == 0) {
                throw new IllegalStateException("no frames accumulated");
            }
            double[] cov = new double[c * c];
            for (int i = 0; i < c; i++) {
                for (int j = i; j < c; j++) {
                    double v = s2[i * c + j] / n - (s1[i] / n) * (s1[j] / n);
                    cov[i * c + j] = v;
                    cov[j * c + i] = v;
                }
            }
            return cov;
        }
    }
}

package io.latq.lattice;

/**
 * The root lattice A_n = {z ∈ Z^{n+1} : Σ z_i = 0}, n ≥ 1, represented isometrically in R^n; volume √(n+1).
 *
 * <p><b>Embedding.</b> A_n lives in the hyperplane H = {X ∈ R^{n+1} : Σ X_i = 0}. latq identifies H with R^n through
 * the fixed orthonormal (Helmert) basis u_1, …, u_n of H,
 * u_k = (1, …, 1, −k, 0, …, 0)/√(k(k+1)) with k ones, so y ∈ R^n ↔ X = Σ_k y_k·u_k and y_k = ⟨X, u_k⟩. Both maps
 * are applied in O(n) with running sums. Because the map is an isometry onto H, the closest point of A_n to X is the
 * image of the closest point in R^n: the quantizer is a true nearest-point quantizer of the n-dimensional lattice.
 * A_1 is √2·Z; A_2 is the hexagonal lattice with minimum distance √2.
 *
 * <p>Generator (rows): the images of e_i − e_{i+1}, i = 0..n−1 (Gram matrix = the A_n Cartan matrix, det n+1).
 *
 * <p><b>Closest point</b> (Conway &amp; Sloane, "Fast quantizing and decoding algorithms for lattice quantizers and
 * codes", IEEE Trans. Inf. Theory 28(2), 1982): lift x to X ∈ H, round every coordinate, f = r(X), and let
 * Δ = Σ f_i. If Δ &gt; 0, lower by 1 the Δ coordinates with the smallest error δ_i = X_i − f_i (each costs 1 + 2δ_i
 * in squared distance); if Δ &lt; 0, raise the |Δ| coordinates with the largest δ_i (each costs 1 − 2δ_i).
 *
 * <p>Tie conventions: rounding is half up ({@link Rounding#roundHalfUp}); among coordinates with equal δ the lower
 * index is moved first. Because the embedding has irrational entries, Q(x + λ) = Q(x) + λ holds up to floating-point
 * rounding only (no input is exactly representable on both sides).
 *
 * <p>Thread-safe: the lifted vector, errors and sort order live in a per-thread scratch object fetched once per call.
 */
public final class AnLattice extends AbstractLattice {

    /** c_k = 1/√(k(k+1)), index k = 1..n (index 0 unused). */
    private final double[] helmert;
    private final ThreadLocal<Scratch> scratch;

    /** @param n the dimension, n ≥ 1 */
    public AnLattice(int n) {
        super("A" + n, n);
        helmert = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            helmert[k] = 1.0 / Math.sqrt((double) k * (k + 1));
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(n + 1));
    }

    private static final class Scratch {
        final double[] lifted;
        final double[] error;
        final int[] order;

        Scratch(int m) {
            lifted = new double[m];
            error = new double[m];
            order = new int[m];
        }
    }

    @Override
    protected double[][] buildGenerator() {
        int n = dimension();
        double[][] b = new double[n][n];
        double[] v = new double[n + 1];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(v, 0.0);
            v[i] = 1.0;
            v[i + 1] = -1.0;
            project(v, b[i], 0);
        }
        return b;
    }

    @Override
    public double log2Volume() {
        return 0.5 * StrictMath.log(dimension() + 1.0) / StrictMath.log(2.0);
    }

    /** X = Σ_k y_k·u_k: X_j = Σ_{k>j} c_k·y_k − j·c_j·y_j (1-based k for y), by a suffix sum. */
    private void lift(double[] y, int yOff, double[] lifted) {
        int n = dimension();
        double suffix = 0.0; // Σ_{k=j+1..n} c_k·y_k
        for (int j = n; j >= 0; j--) {
            double own = (j >= 1) ? -j * helmert[j] * y[yOff + j - 1] : 0.0;
            lifted[j] = suffix + own;
            if (j >= 1) {
                suffix += helmert[j] * y[yOff + j - 1];
            }
        }
    }

    /** y_k = ⟨X, u_k⟩ = c_k·(Σ_{j<k} X_j − k·X_k), by a prefix sum. */
    private void project(double[] lifted, double[] y, int yOff) {
        int n = dimension();
        double prefix = lifted[0];
        for (int k = 1; k <= n; k++) {
            y[yOff + k - 1] = helmert[k] * (prefix - k * lifted[k]);
            prefix += lifted[k];
        }
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        Scratch s = scratch.get();
        double[] f = s.lifted;
        double[] err = s.error;
        int m = dimension() + 1;
        lift(x, xOff, f);
        long deficiency = 0;
        for (int j = 0; j < m; j++) {
            double r = Rounding.roundHalfUp(f[j]);
            err[j] = f[j] - r;
            f[j] = r;
            deficiency += (long) r;
        }
        if (deficiency != 0) {
            boolean lower = deficiency > 0;
            int moves = (int) Math.min(Math.abs(deficiency), m);
            int[] order = s.order;
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            // Cheapest first: smallest δ when lowering, largest δ when raising; lower index first on ties.
            heapSort(order, err, lower ? 1.0 : -1.0, m);
            double step = lower ? -1.0 : 1.0;
            for (int t = 0; t < moves; t++) {
                f[order[t]] += step;
            }
        }
        project(f, out, outOff);
    }

    /** Sorts order[0..m) ascending by (sign·err[j], j), in place and without allocation. */
    private static void heapSort(int[] order, double[] err, double sign, int m) {
        for (int i = m / 2 - 1; i >= 0; i--) {
            siftDown(order, err, sign, i, m);
        }
        for (int end = m - 1; end > 0; end--) {
            int t = order[0];
            order[0] = order[end];
            order[end] = t;
            siftDown(order, err, sign, 0, end);
        }
    }

    private static void siftDown(int[] order, double[] err, double sign, int root, int size) {
        int i = root;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(order[child], order[child + 1], err, sign)) {
                child++;
            }
            if (!before(order[i], order[child], err, sign)) {
                return;
            }
            int t = order[i];
            order[i] = order[child];
            order[child] = t;
            i = child;
        }
    }

    /** Whether index a sorts strictly before index b. */
    private static boolean before(int a, int b, double[] err, double sign) {
        double ka = sign * err[a];
        double kb = sign * err[b];
        return ka < kb || (ka == kb && a < b);
    }
}

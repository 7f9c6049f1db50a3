package io.latq.polarlattice;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A deliberately plain test oracle written straight from docs/polar-lattices.md ("The quantizer"): recursive,
 * allocating SC over the LLR vector (first half on f(a, b), second half on g = b + (1 − 2v)·a, codeword [v1 ⊕ v2, v2]),
 * the integer transform by its recursive definition [c1 + c2, c2], and the multilevel loop y ← (y − c)/2 with a final
 * round-half-up ⌊y + ½⌋ computed with BigDecimal-free but obviously correct floor arithmetic.
 */
final class ReferencePolarQuantizer {

    private ReferencePolarQuantizer() {
    }

    /** SC decisions u for one level (frozen bits 0). */
    static int[] sc(double[] llr, boolean[] frozen, DoubleBinaryOperator f) {
        int[] u = new int[llr.length];
        scNode(llr, frozen, f, 0, u);
        return u;
    }

    /** Decodes the node whose bits start at {@code start}; returns its GF(2) codeword. */
    private static int[] scNode(double[] llr, boolean[] frozen, DoubleBinaryOperator f, int start, int[] u) {
        int n = llr.length;
        if (n == 1) {
            int bit = frozen[start] ? 0 : (llr[0] < 0 ? 1 : 0);
            u[start] = bit;
            return new int[] {bit};
        }
        int h = n / 2;
        double[] left = new double[h];
        for (int i = 0; i < h; i++) {
            left[i] = f.applyAsDouble(llr[i], llr[h + i]);
        }
        int[] v1 = scNode(left, frozen, f, start, u);
        double[] right = new double[h];
        for (int i = 0; i < h; i++) {
            right[i] = llr[h + i] + (1 - 2 * v1[i]) * llr[i];
        }
        int[] v2 = scNode(right, frozen, f, start + h, u);
        int[] v = new int[n];
        for (int i = 0; i < h; i++) {
            v[i] = v1[i] ^ v2[i];
            v[h + i] = v2[i];
        }
        return v;
    }

    /** c = u·F^{⊗m} over Z, recursively [c(u1) + c(u2), c(u2)]. */
    static long[] integerTransform(int[] u) {
        int n = u.length;
        if (n == 1) {
            return new long[] {u[0]};
        }
        int h = n / 2;
        int[] u1 = java.util.Arrays.copyOfRange(u, 0, h);
        int[] u2 = java.util.Arrays.copyOfRange(u, h, n);
        long[] c1 = integerTransform(u1);
        long[] c2 = integerTransform(u2);
        long[] c = new long[n];
        for (int i = 0; i < h; i++) {
            c[i] = c1[i] + c2[i];
            c[h + i] = c2[i];
        }
        return c;
    }

    /**
     * The multilevel quantizer: level i (0-based) uses llrOfLevel[i] on y; c = u·F over Z; y ← (y − c)/2; finally
     * λ = Σ 2^i c_i + 2^r ⌊y + ½⌋.
     */
    static double[] quantize(double[] x, boolean[][] frozen, DoubleUnaryOperator[] llrOfLevel,
                             DoubleBinaryOperator f) {
        int n = x.length;
        int r = frozen.length;
        double[] y = x.clone();
        double[] lambda = new double[n];
        for (int i = 0; i < r; i++) {
            double[] llr = new double[n];
            for (int j = 0; j < n; j++) {
                llr[j] = llrOfLevel[i].applyAsDouble(y[j]);
            }
            long[] c = integerTransform(sc(llr, frozen[i], f));
            for (int j = 0; j < n; j++) {
                lambda[j] += Math.pow(2, i) * c[j];
                y[j] = (y[j] - c[j]) / 2;
            }
        }
        for (int j = 0; j < n; j++) {
            double fl = Math.floor(y[j]);
            double rounded = y[j] - fl >= 0.5 ? fl + 1 : fl;
            lambda[j] += Math.pow(2, r) * rounded;
        }
        return lambda;
    }
}

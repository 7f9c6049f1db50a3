package io.latq.polarlattice;

import io.latq.polar.PolarTransform;

/**
 * Successive-cancellation decisions for one level of a polar lattice, returning the level's <em>integer</em>
 * contribution c = u·F^{⊗m} computed over Z (not the GF(2) codeword), natural order, frozen bits 0.
 *
 * <p>SC as in docs/polar-lattices.md ("SC (argmax decisions)"): a node with LLRs [a, b] decides its first half on
 * f(a, b) (the {@link CheckNodeKernel}), its second half on g = b + (1 − 2v)·a with v the first half's re-encoded GF(2)
 * word, and returns [c1 + c2, c2]. Partial sums are kept as integers, and v is their parity (c ≡ u·F^{⊗m} mod 2), so
 * the Z-codeword costs nothing extra. Leaves decide the hard decision of their LLR (LLR ≥ 0 → 0) or the frozen 0.
 *
 * <p>Fast-SSC pruning (Alamdar-Yazdi &amp; Kschischang 2011; Sarkis et al. 2014), restricted to the node types that
 * make <em>exactly</em> SC's decisions:
 * <ul>
 *   <li>rate 0 (all frozen): c = 0 and nothing below is computed;</li>
 *   <li>rate 1 (all free): the GF(2) word is the hard decision of the node LLRs α (SC decides the same when no α_i is
 *       0 or NaN, because every f keeps the sign product and every g the sign of b; otherwise the node falls back to
 *       plain SC); u = word·F^{⊗k} over GF(2), then c = u·F^{⊗k} over Z;</li>
 *   <li>repetition (only the last bit free): SC's last leaf sees the pairwise sums b + a, formed in SC's order;
 *       the row g_{last} is all ones, so c is that bit repeated.</li>
 * </ul>
 * Pruning can be switched off (plain SC) for testing; the decisions are then identical, bit for bit.
 *
 * <p>Not thread-safe (one instance per thread); no allocation per decode.
 */
public final class ScLevelDecoder {

    private static final byte GENERIC = 0;
    private static final byte RATE0 = 1;
    private static final byte RATE1 = 2;
    private static final byte REP = 3;

    private final int n;
    private final boolean[] frozen;
    private final CheckNodeKernel kernel;
    private final byte[] nodeType; // heap-indexed: root 1, children 2i, 2i+1
    private final double[] alpha;  // LLRs of the active node of size s at [s, 2s)
    private final int[] beta;      // integer partial codewords, node covering [p, p+s) at [p, p+s)
    private final byte[] u;

    /**
     * @param frozen frozen mask (true = frozen to 0), length N = 2^m ≥ 1
     * @param kernel check-node rule
     * @param prune  whether to use the rate-0, rate-1 and repetition shortcuts (same decisions either way)
     */
    public ScLevelDecoder(boolean[] frozen, CheckNodeKernel kernel, boolean prune) {
        this.n = frozen.length;
        PolarTransform.log2(n);
        this.frozen = frozen.clone();
        this.kernel = kernel;
        this.alpha = new double[2 * n];
        this.beta = new int[n];
        this.u = new byte[n];
        this.nodeType = new byte[2 * n];
        if (prune) {
            classify();
        }
    }

    private void classify() {
        int[] frozenCount = new int[2 * n];
        for (int t = 0; t < n; t++) {
            frozenCount[n + t] = frozen[t] ? 1 : 0;
        }
        for (int id = n - 1; id >= 1; id--) {
            frozenCount[id] = frozenCount[2 * id] + frozenCount[2 * id + 1];
        }
        for (int id = 1; id < n; id++) {
            int depth = 31 - Integer.numberOfLeadingZeros(id);
            int size = n >> depth;
            int start = (id - (1 << depth)) * size;
            int fc = frozenCount[id];
            if (fc == size) {
                nodeType[id] = RATE0;
            } else if (fc == 0) {
                nodeType[id] = RATE1;
            } else if (fc == size - 1 && !frozen[start + size - 1]) {
                nodeType[id] = REP;
            }
        }
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /**
     * Decides the level.
     *
     * @param llr channel LLRs (length ≥ N, first N used; not modified)
     * @param c   receives the integer contribution u·F^{⊗m} over Z (length ≥ N)
     */
    public void decode(double[] llr, int[] c) {
        System.arraycopy(llr, 0, alpha, n, n);
        node(1, n, 0);
        System.arraycopy(beta, 0, c, 0, n);
    }

    /** The information bits u of the last decode (frozen positions 0); the caller must not modify it. */
    byte[] lastU() {
        return u;
    }

    private void node(int id, int size, int start) {
        if (size == 1) {
            byte bit = frozen[start] || !(alpha[1] < 0) ? (byte) 0 : (byte) 1;
            u[start] = bit;
            beta[start] = bit;
            return;
        }
        switch (nodeType[id]) {
            case RATE0:
                for (int i = start; i < start + size; i++) {
                    u[i] = 0;
                    beta[i] = 0;
                }
                return;
            case RATE1:
                if (rate1(size, start)) {
                    return;
                }
                break; // a zero or NaN LLR: plain SC breaks that tie exactly as the leaves do
            case REP:
                repetition(size, start);
                return;
            default:
                break;
        }
        int h = size >> 1;
        kernel.applyAll(alpha, size, size + h, alpha, h, h);
        node(2 * id, h, start);
        for (int i = 0; i < h; i++) {
            double a = alpha[size + i];
            double b = alpha[size + h + i];
            alpha[h + i] = (beta[start + i] & 1) == 0 ? b + a : b - a;
        }
        node(2 * id + 1, h, start + h);
        for (int i = start; i < start + h; i++) {
            beta[i] += beta[i + h];
        }
    }

    private boolean rate1(int size, int start) {
        for (int i = 0; i < size; i++) {
            double a = alpha[size + i];
            if (a == 0.0 || a != a) {
                return false;
            }
        }
        for (int i = 0; i < size; i++) {
            u[start + i] = alpha[size + i] < 0 ? (byte) 1 : (byte) 0;
        }
        PolarTransform.transformGf2(u, start, size); // the word's u (the GF(2) transform is an involution)
        for (int i = 0; i < size; i++) {
            beta[start + i] = u[start + i];
        }
        transformZ(beta, start, size);
        return true;
    }

    private void repetition(int size, int start) {
        for (int s = size; s > 1; s >>= 1) {
            int h = s >> 1;
            for (int i = 0; i < h; i++) {
                alpha[h + i] = alpha[s + h + i] + alpha[s + i];
            }
        }
        byte bit = alpha[1] < 0 ? (byte) 1 : (byte) 0;
        for (int i = start; i < start + size; i++) {
            u[i] = 0;
            beta[i] = bit;
        }
        u[start + size - 1] = bit;
    }

    /** In place c = u·F^{⊗k} over Z on v[off .. off+len). */
    static void transformZ(int[] v, int off, int len) {
        for (int h = 1; h < len; h <<= 1) {
            for (int b = off; b < off + len; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] += v[i + h];
                }
            }
        }
    }
}

package io.latq.polarlattice;

import io.latq.polar.NodeKind;
import io.latq.polar.PolarTransform;
import java.util.EnumSet;

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
 *       the row g_{last} is all ones, so c is that bit repeated;</li>
 *   <li>rate-0 left child: the left half decides v = 0 whatever its LLRs, so f is not evaluated; g = b + a and
 *       c = [c2, c2].</li>
 * </ul>
 * With pruning on, the kernels compute the plain recursion's numbers bit for bit, only more cheaply: g by a sign-bit
 * flip and rate-1 nodes on 64-bit words
 * (u = word·F^{⊗6} over GF(2) by mask-and-shift steps, c_j = popcount(u ∧ column j of F^{⊗6}) inside each 64-block,
 * then the integer butterflies across blocks). The tabulated box-plus is the kernel's branch-free loop
 * ({@link CheckNodeKernel#applyAll}) either way. Pruning can be switched off (plain SC) for testing; the decisions are
 * then identical, bit for bit.
 *
 * <p>Not thread-safe (one instance per thread); no allocation per decode.
 */
public final class ScLevelDecoder {

    private static final byte GENERIC = 0;
    private static final byte RATE0 = 1;
    private static final byte RATE1 = 2;
    private static final byte REP = 3;
    /** A generic node whose left child is rate 0: v = 0, so no check-node value is needed. */
    private static final byte LEFT_RATE0 = 4;


    private final int n;
    private final boolean[] frozen;
    private final CheckNodeKernel kernel;
    private final boolean prune;
    private final byte[] nodeType; // heap-indexed: root 1, children 2i, 2i+1
    private final double[] alpha;  // LLRs of the active node of size s at [s, 2s)
    private final int[] beta;      // integer partial codewords, node covering [p, p+s) at [p, p+s)
    private final long[] words;    // a rate-1 node's hard decisions, 64 per word

    /**
     * @param frozen frozen mask (true = frozen to 0), length N = 2^m ≥ 1
     * @param kernel check-node rule
     * @param prune  whether to use the rate-0, rate-1 and repetition shortcuts and the specialised kernels (same
     *               decisions either way; false gives the plain SC recursion, kept as the oracle)
     */
    public ScLevelDecoder(boolean[] frozen, CheckNodeKernel kernel, boolean prune) {
        this.n = frozen.length;
        PolarTransform.log2(n);
        this.frozen = frozen.clone();
        this.kernel = kernel;
        this.prune = prune;
        this.alpha = new double[2 * n];
        this.beta = new int[n];
        this.words = new long[(n + 63) >>> 6];
        this.nodeType = new byte[2 * n];
        if (prune) {
            classify();
        }
    }

    /** Node types from the shared classifier ({@link NodeKind}), plus the rate-0-left-child case of this decoder. */
    private void classify() {
        NodeKind[] kind = NodeKind.classify(frozen, null,
                EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION));
        for (int id = 1; id < n; id++) {
            boolean leftRate0 = 2 * id < n ? kind[2 * id] == NodeKind.RATE_0 : frozen[2 * id - n];
            nodeType[id] = switch (kind[id]) {
                case RATE_0 -> RATE0;
                case RATE_1 -> RATE1;
                case REPETITION -> REP;
                default -> leftRate0 ? LEFT_RATE0 : GENERIC;
            };
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
        run(c);
    }

    /**
     * Decides the level from the residual: the channel LLRs L(y_j) of {@code channel} ({@link LevelLlr#llr(double[],
     * int, double[], int, int)}) are written straight into the root's LLR slots, so the result is that of
     * {@link #decode(double[], int[])} on them.
     *
     * @param channel the level's LLR
     * @param y       the residual (length ≥ N, first N used; not modified)
     * @param c       receives the integer contribution u·F^{⊗m} over Z (length ≥ N)
     */
    public void decode(LevelLlr channel, double[] y, int[] c) {
        channel.llr(y, 0, alpha, n, n);
        run(c);
    }

    private void run(int[] c) {
        if (prune) {
            fastNode(1, n, 0);
        } else {
            plainNode(n, 0);
        }
        System.arraycopy(beta, 0, c, 0, n);
    }

    /**
     * The information bits u of the last decode (frozen positions 0), recovered from c = u·F^{⊗m} by the inverse
     * integer transform (c determines u); allocates, for tests.
     */
    byte[] lastU() {
        long[] w = new long[n];
        for (int j = 0; j < n; j++) {
            w[j] = beta[j];
        }
        PolarTransform.inverseTransformZ(w);
        byte[] u = new byte[n];
        for (int j = 0; j < n; j++) {
            u[j] = (byte) w[j];
        }
        return u;
    }

    /** Plain SC over the node of the given size starting at bit {@code start}: no shortcut, the kernel's own loop. */
    private void plainNode(int size, int start) {
        if (size == 1) {
            beta[start] = frozen[start] || !(alpha[1] < 0) ? 0 : 1;
            return;
        }
        int h = size >> 1;
        kernel.applyAll(alpha, size, size + h, alpha, h, h);
        plainNode(h, start);
        for (int i = 0; i < h; i++) {
            double a = alpha[size + i];
            double b = alpha[size + h + i];
            alpha[h + i] = (beta[start + i] & 1) == 0 ? b + a : b - a;
        }
        plainNode(h, start + h);
        for (int i = start; i < start + h; i++) {
            beta[i] += beta[i + h];
        }
    }

    private void fastNode(int id, int size, int start) {
        if (size == 1) {
            beta[start] = frozen[start] || !(alpha[1] < 0) ? 0 : 1;
            return;
        }
        int h = size >> 1;
        switch (nodeType[id]) {
            case RATE0:
                for (int i = start; i < start + size; i++) {
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
            case LEFT_RATE0:
                // the left half decides v = 0 whatever its LLRs, so g = b + a and c = [c2, c2]
                for (int i = 0; i < h; i++) {
                    alpha[h + i] = alpha[size + h + i] + alpha[size + i];
                }
                fastNode(2 * id + 1, h, start + h);
                System.arraycopy(beta, start + h, beta, start, h);
                return;
            default:
                break;
        }
        kernel.applyAll(alpha, size, size + h, alpha, h, h);
        fastNode(2 * id, h, start);
        for (int i = 0; i < h; i++) {
            // b + (−1)^v·a without a data-dependent branch: flipping the sign bit is exact, and b + (−a) is b − a
            long flip = (long) beta[start + i] << 63;
            double a = Double.longBitsToDouble(Double.doubleToRawLongBits(alpha[size + i]) ^ flip);
            alpha[h + i] = alpha[size + h + i] + a;
        }
        fastNode(2 * id + 1, h, start + h);
        for (int i = start; i < start + h; i++) {
            beta[i] += beta[i + h];
        }
    }

    private boolean rate1(int size, int start) {
        // hard decisions as bit words: bit i of words[w] is the decision on LLR 64w + i of the node
        int wordCount = (size + 63) >>> 6;
        int perWord = Math.min(size, 64);
        boolean tie = false;
        for (int w = 0; w < wordCount; w++) {
            long bits = 0;
            int base = size + 64 * w;
            for (int i = 0; i < perWord; i++) {
                double a = alpha[base + i];
                tie |= a == 0.0 | a != a;
                bits |= (Double.doubleToRawLongBits(a) >>> 63) << i; // = (a < 0) when a is not 0 or NaN
            }
            words[w] = bits;
        }
        if (tie) {
            return false;
        }
        // u = word·F^{⊗k} over GF(2), then c = u·F^{⊗k} over Z into beta (bits from size on are 0 for size < 64)
        PolarTransform.codewordBitsToZ(words, size, beta, start);
        return true;
    }

    private void repetition(int size, int start) {
        for (int s = size; s > 1; s >>= 1) {
            int h = s >> 1;
            for (int i = 0; i < h; i++) {
                alpha[h + i] = alpha[s + h + i] + alpha[s + i];
            }
        }
        int bit = alpha[1] < 0 ? 1 : 0;
        for (int i = start; i < start + size; i++) {
            beta[i] = bit;
        }
    }

    /** {@link CheckNodeKernel#TABULATED}'s f(a, b), bit for bit, in branch-free form (the kernel's own loop form). */
    static double boxPlusTabulated(double a, double b) {
        return CheckNodeKernel.tabulatedBranchFree(a, b);
    }
}

package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.polar.NodeKind;
import io.latq.polar.PolarTransform;
import io.latq.polarlattice.CheckNodeKernel;
import java.util.EnumSet;

/**
 * Entropy codes the GF(2) codeword x = u·F^{⊗m} of one polar-lattice level under the product model
 * P(x) = Π_k P(x_k), P(x_k = 0) = 1/(1 + e^(−L_k)), restricted to the level code (frozen u_t = 0), by the chain rule
 * in successive-cancellation order: each information bit u_t is coded with P(u_t | u_{&lt;t}) from a <em>soft</em>
 * SC pass over the channel LLRs L_k with the true (genie) bits as partial sums (Arıkan 2009: SC computes these bit
 * channels exactly; the code length is −log2 of the model probability, as in source coding with polar codes,
 * Korada &amp; Urbanke 2010). Frozen bits are known to be 0 and cost nothing.
 *
 * <p>Node rules (heap-indexed tree, natural order; a node of size s holds LLRs α at {@code alpha[s..2s)} and its
 * codeword at {@code beta[p..p+s)}):
 * <ul>
 *   <li>generic: left LLRs f(α_i, α_{i+h}) (box-plus, {@link CheckNodeKernel#TABULATED}), right LLRs
 *       α_{i+h} + (1 − 2v_i)·α_i with v the left codeword, codeword [v ⊕ w, w];</li>
 *   <li>leaf: an information bit is coded with its LLR ({@link LogisticFrequencyTable}); a frozen one is 0.</li>
 * </ul>
 * Fast-SSC node types (Sarkis et al. 2014) are exact here because the probability of a node's information bits,
 * taken in SC order, equals the probability of its codeword under the node's product model conditioned on its
 * frozen bits when those all come first (chain rule on the bijection u ↔ x):
 * <ul>
 *   <li>rate 0 (all frozen): codeword 0, nothing coded;</li>
 *   <li>rate 1 (none frozen): the codeword bits are independent, each coded with its own α_i;</li>
 *   <li>repetition (only the last bit free): codeword b·(1…1), b coded with Σ_i α_i (summed in order i = 0..s−1);</li>
 *   <li>single parity check (only the first bit frozen: even codeword weight): for i = 0..s−2, x_i is coded with
 *       α_i + (1 − 2π_i)·S_{i+1}, where π_i is the parity of x_0..x_{i−1} and S_j = α_j ⊞ S_{j+1} (S_{s−1} =
 *       α_{s−1}) the LLR of the parity of x_j..x_{s−1}; x_{s−1} = π_{s−1} is implied.</li>
 * </ul>
 * Without pruning every node is generic down to the leaves; the model probability is the same (up to the rounding of
 * the doubles), which the tests check against an independent recursive oracle. The pass costs O(N log N) and does
 * not allocate.
 *
 * <p>Not thread-safe.
 */
final class SoftScLevelCoder {
    private static final byte GENERIC = 0;
    private static final byte RATE0 = 1;
    private static final byte RATE1 = 2;
    private static final byte REP = 3;
    private static final byte SPC = 4;

    private static final int ENCODE = 0;
    private static final int DECODE = 1;
    private static final int MEASURE = 2;

    private static final double INV_LN2 = 1.0 / StrictMath.log(2.0);
    private static final CheckNodeKernel KERNEL = CheckNodeKernel.TABULATED;

    private final int n;
    private final boolean[] frozen;
    private final byte[] nodeType;
    private final double[] alpha;
    private final byte[] beta;
    private final byte[] u;
    private final double[] suffix;
    private int mode;
    private RansEncoder enc;
    private RansDecoder dec;
    private double bits;

    /**
     * @param frozen the level's frozen mask (true = frozen to 0), length N = 2^m
     * @param prune  whether to use the rate-0, rate-1, repetition and SPC rules (same model probability either way)
     */
    SoftScLevelCoder(boolean[] frozen, boolean prune) {
        this.n = frozen.length;
        PolarTransform.log2(n);
        this.frozen = frozen.clone();
        this.nodeType = new byte[2 * n];
        this.alpha = new double[2 * n];
        this.beta = new byte[n];
        this.u = new byte[n];
        this.suffix = new double[n];
        classify(prune);
    }

    /**
     * Node types from the shared classifier ({@link NodeKind}; none without pruning), and every leaf as rate 0
     * (frozen) or rate 1 (free). Nodes below a special node get types too; the passes never visit them.
     */
    private void classify(boolean prune) {
        NodeKind[] kind = NodeKind.classify(frozen, null, prune
                ? EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION, NodeKind.SPC)
                : EnumSet.noneOf(NodeKind.class));
        for (int id = 1; id < n; id++) {
            nodeType[id] = switch (kind[id]) {
                case RATE_0 -> RATE0;
                case RATE_1 -> RATE1;
                case REPETITION -> REP;
                case SPC -> SPC;
                default -> GENERIC;
            };
        }
        for (int t = 0; t < n; t++) {
            nodeType[n + t] = frozen[t] ? RATE0 : RATE1;
        }
    }

    /**
     * Pushes the information bits of {@code codeword} (a level codeword, 0/1 entries) onto {@code out}.
     *
     * @throws IllegalArgumentException if the codeword is not in the level code (a frozen bit of x·F^{⊗m} is 1)
     */
    void encode(double[] channelLlr, byte[] codeword, RansEncoder out) {
        genie(codeword);
        this.mode = ENCODE;
        this.enc = out;
        try {
            run(channelLlr);
        } catch (LatqFormatException e) {
            throw new IllegalStateException(e); // only decoding reads data
        } finally {
            this.enc = null;
        }
    }

    /** Decodes a level codeword written by {@link #encode} for the same LLRs into {@code codeword}. */
    void decode(double[] channelLlr, RansDecoder in, byte[] codeword) throws LatqFormatException {
        this.mode = DECODE;
        this.dec = in;
        try {
            run(channelLlr);
        } finally {
            this.dec = null;
        }
        System.arraycopy(beta, 0, codeword, 0, n);
    }

    /**
     * The model code length −log2 P(codeword) in bits, from the unquantized LLRs (diagnostic: StrictMath per bit, not
     * the integer frequencies that are coded).
     */
    double log2Cost(double[] channelLlr, byte[] codeword) {
        genie(codeword);
        this.mode = MEASURE;
        this.bits = 0;
        try {
            run(channelLlr);
        } catch (LatqFormatException e) {
            throw new IllegalStateException(e);
        }
        return bits;
    }

    private void genie(byte[] codeword) {
        System.arraycopy(codeword, 0, u, 0, n);
        PolarTransform.transformGf2(u, 0, n);
        for (int t = 0; t < n; t++) {
            if (frozen[t] && u[t] != 0) {
                throw new IllegalArgumentException("not a codeword of the level code: frozen bit " + t + " is 1");
            }
        }
    }

    private void run(double[] channelLlr) throws LatqFormatException {
        System.arraycopy(channelLlr, 0, alpha, n, n);
        node(1, 0, n);
    }

    private void node(int id, int p, int s) throws LatqFormatException {
        switch (nodeType[id]) {
            case RATE0:
                for (int i = p; i < p + s; i++) {
                    beta[i] = 0;
                }
                return;
            case RATE1:
                genieCodeword(p, s);
                for (int i = 0; i < s; i++) {
                    beta[p + i] = (byte) codeBit(alpha[s + i], beta[p + i]);
                }
                return;
            case REP:
                repetition(p, s);
                return;
            case SPC:
                singleParity(p, s);
                return;
            default:
                break;
        }
        int h = s >> 1;
        for (int i = 0; i < h; i++) {
            alpha[h + i] = KERNEL.apply(alpha[s + i], alpha[s + h + i]);
        }
        node(2 * id, p, h);
        for (int i = 0; i < h; i++) {
            double a = alpha[s + i];
            double b = alpha[s + h + i];
            alpha[h + i] = beta[p + i] == 0 ? b + a : b - a;
        }
        node(2 * id + 1, p + h, h);
        for (int i = 0; i < h; i++) {
            beta[p + i] ^= beta[p + h + i];
        }
    }

    /** When encoding or measuring, beta[p..p+s) ← the true codeword of the node, u[p..p+s)·F^{⊗k}. */
    private void genieCodeword(int p, int s) {
        if (mode == DECODE) {
            return;
        }
        System.arraycopy(u, p, beta, p, s);
        PolarTransform.transformGf2(beta, p, s);
    }

    private void repetition(int p, int s) throws LatqFormatException {
        double sum = 0;
        for (int i = 0; i < s; i++) {
            sum += alpha[s + i];
        }
        byte b = (byte) codeBit(sum, u[p + s - 1]);
        for (int i = p; i < p + s; i++) {
            beta[i] = b;
        }
    }

    private void singleParity(int p, int s) throws LatqFormatException {
        genieCodeword(p, s);
        suffix[p + s - 1] = alpha[2 * s - 1];
        for (int i = s - 2; i >= 1; i--) {
            suffix[p + i] = KERNEL.apply(alpha[s + i], suffix[p + i + 1]);
        }
        int parity = 0;
        for (int i = 0; i < s - 1; i++) {
            double rest = suffix[p + i + 1];
            int b = codeBit(alpha[s + i] + (parity == 0 ? rest : -rest), beta[p + i]);
            beta[p + i] = (byte) b;
            parity ^= b;
        }
        beta[p + s - 1] = (byte) parity;
    }

    /** Codes (or decodes, or measures) one bit with LLR {@code llr}; {@code truth} is the genie bit. */
    private int codeBit(double llr, int truth) throws LatqFormatException {
        switch (mode) {
            case ENCODE: {
                int f0 = LogisticFrequencyTable.frequencyOfZero(llr);
                if (truth == 0) {
                    enc.push(0, f0);
                } else {
                    enc.push(f0, EntropyModel.TOTAL - f0);
                }
                return truth;
            }
            case DECODE: {
                int f0 = LogisticFrequencyTable.frequencyOfZero(llr);
                if (dec.peek() < f0) {
                    dec.advance(0, f0);
                    return 0;
                }
                dec.advance(f0, EntropyModel.TOTAL - f0);
                return 1;
            }
            default: {
                // −log2 P(truth) = log2(1 + e^(−(1−2·truth)·L)), stable for either sign
                double l = truth == 0 ? llr : -llr;
                bits += l > 0 ? StrictMath.log1p(StrictMath.exp(-l)) * INV_LN2
                        : (-l + StrictMath.log1p(StrictMath.exp(l))) * INV_LN2;
                return truth;
            }
        }
    }
}

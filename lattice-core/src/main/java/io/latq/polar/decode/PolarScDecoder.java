package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.Llr;
import io.latq.polar.PolarTransform;

/**
 * Successive-cancellation decoder in the LLR domain (Arıkan 2009; LLR form as in Leroux et al. 2011), natural order.
 *
 * <p>A node of size n receives LLRs α = [a, b] (halves). Its first-half bits are decoded on f(a, b) (exact box-plus or
 * min-sum, see {@link CheckNodeKernel}), giving the re-encoded left codeword β1; its second-half bits on
 * g = b + (1 − 2β1)·a, giving β2; the node returns β = [β1 ⊕ β2, β2]. Leaves decide frozen values or the hard decision
 * of their LLR (LLR ≥ 0 → 0).
 *
 * <p>Memory: the LLRs of the active node of size s live in {@code alpha[s .. 2s)} (channel LLRs at [N, 2N)), and
 * partial sums are kept in place in one array of length N, where the node covering u-indices [p, p+s) keeps its
 * codeword β at [p, p+s). Decoding is recursive on node sizes but never allocates.
 *
 * <p>Not thread-safe; one instance per thread.
 */
public final class PolarScDecoder implements PolarDecoder {

    private final int n;
    private final boolean[] frozen;
    private final byte[] frozenValues;
    private final CheckNodeKernel rule;
    private final double[] alpha;
    private final byte[] beta;
    // per-call outputs, set in decode() to avoid passing them down the recursion
    private byte[] uOut;
    private double[] decisionOut;
    private double metric;

    /** SC decoder with frozen bits 0. */
    public PolarScDecoder(boolean[] frozen, CheckNodeKernel rule) {
        this(frozen, null, rule);
    }

    /**
     * @param frozen       frozen mask (true = frozen), length N = 2^m
     * @param frozenValues frozen bit values (length N), or null for all 0
     * @param rule         check-node rule
     */
    public PolarScDecoder(boolean[] frozen, byte[] frozenValues, CheckNodeKernel rule) {
        this.n = frozen.length;
        PolarTransform.log2(n);
        if (frozenValues != null && frozenValues.length != n) {
            throw new IllegalArgumentException("frozen values length " + frozenValues.length + " != N = " + n);
        }
        this.frozen = frozen.clone();
        this.frozenValues = new byte[n];
        if (frozenValues != null) {
            for (int t = 0; t < n; t++) {
                this.frozenValues[t] = frozen[t] ? (byte) (frozenValues[t] & 1) : 0;
            }
        }
        this.rule = rule;
        this.alpha = new double[2 * n];
        this.beta = new byte[n];
    }

    @Override
    public int n() {
        return n;
    }

    /** The check-node rule in use. */
    public CheckNodeKernel rule() {
        return rule;
    }

    @Override
    public double decode(double[] llr, byte[] u, byte[] x) {
        return decode(llr, u, x, null);
    }

    /**
     * Decodes and, if {@code decisionLlr} is non-null, also writes the decision LLR λ_t of every u_t (the LLR of
     * u_t given y and the earlier decisions, exact or min-sum according to the rule) — the soft output a
     * polar-lattice quantizer needs to evaluate P(u_t | y, u^{t−1}).
     *
     * @return the path metric (see {@link PolarDecoder#decode})
     */
    public double decode(double[] llr, byte[] u, byte[] x, double[] decisionLlr) {
        if (llr.length != n || u.length != n || x.length != n || (decisionLlr != null && decisionLlr.length != n)) {
            throw new IllegalArgumentException("array lengths must equal N = " + n);
        }
        System.arraycopy(llr, 0, alpha, n, n);
        uOut = u;
        decisionOut = decisionLlr;
        metric = 0.0;
        decodeNode(n, 0);
        System.arraycopy(beta, 0, x, 0, n);
        uOut = null;
        decisionOut = null;
        return metric;
    }

    private void decodeNode(int size, int start) {
        if (size == 2) {
            // the two leaves inline (same arithmetic as the general case, without two more calls)
            double a = alpha[2];
            double b = alpha[3];
            decideLeaf(start, rule.apply(a, b));
            decideLeaf(start + 1, Llr.g(a, b, beta[start]));
            beta[start] ^= beta[start + 1];
            return;
        }
        if (size == 1) {
            decideLeaf(start, alpha[1]);
            return;
        }
        int h = size >> 1;
        rule.applyAll(alpha, size, size + h, alpha, h, h);
        decodeNode(h, start);
        CheckNodeKernel.gAll(alpha, size, size + h, beta, start, alpha, h, h);
        decodeNode(h, start + h);
        for (int i = start; i < start + h; i++) {
            beta[i] ^= beta[i + h];
        }
    }

    private void decideLeaf(int t, double lambda) {
        byte bit = frozen[t] ? frozenValues[t] : Llr.hardDecision(lambda);
        if (bit != Llr.hardDecision(lambda)) {
            metric += Math.abs(lambda);
        }
        uOut[t] = bit;
        beta[t] = bit;
        if (decisionOut != null) {
            decisionOut[t] = lambda;
        }
    }
}

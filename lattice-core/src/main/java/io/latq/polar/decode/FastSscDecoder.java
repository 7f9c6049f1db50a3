package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.Llr;
import io.latq.polar.NodeKind;
import io.latq.polar.PolarTransform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Fast simplified successive-cancellation decoder (Alamdar-Yazdi &amp; Kschischang 2011; Sarkis et al. 2014): SC in
 * which whole subtrees of special shape (classified by {@link NodeKind#classify}) are decided at once from the node
 * LLRs α.
 *
 * <ul>
 *   <li>{@link NodeKind#RATE_0} (all frozen): β = the re-encoded frozen values; no LLRs below are computed.</li>
 *   <li>{@link NodeKind#RATE_1} (no frozen bit): β_i = hard(α_i). SC on a rate-1 node makes exactly these
 *       decisions whenever no α_i is 0 or NaN (each f output keeps the sign product, each g output the sign of b);
 *       if some α_i is 0 or NaN the node falls back to plain SC so that ties are broken exactly as SC does.</li>
 *   <li>{@link NodeKind#REPETITION} (only the last bit free, frozen values 0): SC's last leaf sees the sum of α
 *       taken in SC's pairwise order, so that very sum is formed; β = its hard decision repeated.</li>
 *   <li>{@link NodeKind#SPC} (only the first bit frozen, to 0): Wagner decoding — hard decisions, and if the
 *       parity is odd the least reliable position (smallest |α_i|, lowest index on ties) is flipped. This is ML for
 *       the node but <em>not</em> what SC does, so it is the one rule that changes decisions.</li>
 * </ul>
 * With SPC disabled the decisions are identical to {@link PolarScDecoder} with the same {@link CheckNodeKernel}.
 *
 * <p>Path metric: special nodes add the node-level LLR penalty Σ_i [β_i ≠ hard(α_i)]·|α_i| (Hashemi et al., "Fast
 * and flexible successive-cancellation list decoders for polar codes", 2017). With min-sum this equals SC's leaf-level
 * sum exactly in real arithmetic (the identity |f| + |g| − sign-terms = |a| + |b| holds node by node); with the exact
 * rule it is the usual approximation. Decision LLRs of individual u_t are not available from this decoder.
 *
 * <p>Not thread-safe; one instance per thread. No allocation per decode.
 */
public final class FastSscDecoder implements PolarDecoder {

    private final int n;
    private final boolean[] frozen;
    private final byte[] frozenValues;
    private final CheckNodeKernel rule;
    private final NodeKind[] nodeType;  // heap-indexed: root 1, children 2i and 2i+1
    private final boolean[] zeroFrozen; // rate-0 node whose frozen values are all 0
    private final double[] alpha;
    private final byte[] beta;
    private byte[] uOut;
    private double metric;

    /** Fast-SSC with all four special nodes enabled and frozen bits 0. */
    public FastSscDecoder(boolean[] frozen, CheckNodeKernel rule) {
        this(frozen, null, rule, EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION, NodeKind.SPC));
    }

    /**
     * @param frozen       frozen mask (true = frozen), length N = 2^m
     * @param frozenValues frozen values (length N) or null for all 0
     * @param rule         check-node rule
     * @param enabled      the special nodes to prune ({@link NodeKind#GENERIC} is ignored); an empty set gives plain SC
     */
    public FastSscDecoder(boolean[] frozen, byte[] frozenValues, CheckNodeKernel rule, Set<NodeKind> enabled) {
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
        this.nodeType = NodeKind.classify(frozen, this.frozenValues, enabled);
        this.zeroFrozen = new boolean[2 * n];
        for (int id = n - 1; id >= 1; id--) {
            // a leaf pair's parent reads the frozen values, other nodes their children's answers
            zeroFrozen[id] = 2 * id >= n ? (this.frozenValues[2 * id - n] | this.frozenValues[2 * id + 1 - n]) == 0
                    : zeroFrozen[2 * id] && zeroFrozen[2 * id + 1];
        }
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public double decode(double[] llr, byte[] u, byte[] x) {
        if (llr.length != n || u.length != n || x.length != n) {
            throw new IllegalArgumentException("array lengths must equal N = " + n);
        }
        System.arraycopy(llr, 0, alpha, n, n);
        uOut = u;
        metric = 0.0;
        decodeNode(1, n, 0);
        System.arraycopy(beta, 0, x, 0, n);
        uOut = null;
        return metric;
    }

    private void decodeNode(int id, int size, int start) {
        if (size == 1) {
            double lambda = alpha[1];
            byte bit = frozen[start] ? frozenValues[start] : Llr.hardDecision(lambda);
            metric += Llr.penalty(lambda, bit);
            uOut[start] = bit;
            beta[start] = bit;
            return;
        }
        if (decidedAtNode(id, size, start)) {
            return;
        }
        int h = size >> 1;
        rule.applyAll(alpha, size, size + h, alpha, h, h);
        decodeNode(2 * id, h, start);
        CheckNodeKernel.gAll(alpha, size, size + h, beta, start, alpha, h, h);
        decodeNode(2 * id + 1, h, start + h);
        for (int i = start; i < start + h; i++) {
            beta[i] ^= beta[i + h];
        }
    }

    /** Decides a special node at once; false for a generic node (or a rate-1 node SC must break a tie in). */
    private boolean decidedAtNode(int id, int size, int start) {
        NodeKind kind = nodeType[id];
        if (kind == NodeKind.RATE_1) {
            return rate1(size, start);
        }
        if (kind == NodeKind.RATE_0) {
            rate0(id, size, start);
        } else if (kind == NodeKind.REPETITION) {
            repetition(size, start);
        } else if (kind == NodeKind.SPC) {
            spc(size, start);
        }
        return kind != NodeKind.GENERIC;
    }

    private void rate0(int id, int size, int start) {
        System.arraycopy(frozenValues, start, uOut, start, size);
        System.arraycopy(frozenValues, start, beta, start, size);
        if (!zeroFrozen[id]) {
            PolarTransform.transformGf2(beta, start, size);
        }
        for (int i = 0; i < size; i++) {
            double a = alpha[size + i];
            if (beta[start + i] != Llr.hardDecision(a)) {
                metric += Math.abs(a);
            }
        }
    }

    private boolean rate1(int size, int start) {
        if (!NodeKind.hardDecisionsAreSc(alpha, size, size)) {
            return false; // a zero or NaN LLR: plain SC breaks that tie as its leaves do
        }
        for (int i = 0; i < size; i++) {
            beta[start + i] = Llr.hardDecision(alpha[size + i]);
        }
        System.arraycopy(beta, start, uOut, start, size);
        PolarTransform.transformGf2(uOut, start, size);
        return true;
    }

    private void repetition(int size, int start) {
        byte bit = Llr.hardDecision(NodeKind.repetitionLlr(alpha, size));
        for (int i = 0; i < size; i++) {
            double a = alpha[size + i];
            if (bit != Llr.hardDecision(a)) {
                metric += Math.abs(a);
            }
            beta[start + i] = bit;
            uOut[start + i] = 0;
        }
        uOut[start + size - 1] = bit;
    }

    private void spc(int size, int start) {
        int parity = 0;
        int weakest = 0;
        double weakestAbs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double a = alpha[size + i];
            byte b = Llr.hardDecision(a);
            beta[start + i] = b;
            parity ^= b;
            double abs = Math.abs(a);
            if (abs < weakestAbs) {
                weakestAbs = abs;
                weakest = i;
            }
        }
        if (parity != 0) {
            beta[start + weakest] ^= 1;
            metric += weakestAbs;
        }
        System.arraycopy(beta, start, uOut, start, size);
        PolarTransform.transformGf2(uOut, start, size);
    }
}

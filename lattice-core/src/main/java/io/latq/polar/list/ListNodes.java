package io.latq.polar.list;

import io.latq.polar.NodeKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which subtrees {@link SclCore} decides at node level instead of leaf by leaf (Hashemi, Condo &amp; Gross, "Fast and
 * flexible successive-cancellation list decoders for polar codes", IEEE Trans. SP 2017).
 */
public enum ListNodes {
    /** Plain SCL: every leaf is visited (Tal &amp; Vardy). */
    LEAVES(EnumSet.noneOf(NodeKind.class)),
    /**
     * Rate-0, rate-1 and repetition nodes. Rate 0 and repetition keep exactly the survivors of leaf-level SCL (only
     * the last leaf of a repetition node branches); rate 1 keeps the L best (path, word) pairs under the node-level
     * metric, the historical behaviour of the lattice list quantizer (its reference implementation lives in the
     * tests). The node-level cost Σ_i cost(β_i | α_i) equals the leaf-level one in exact arithmetic for the exact box
     * plus with {@link LeafCost#NEG_LOG_LIKELIHOOD} and for min-sum with {@link LeafCost#LLR_DISAGREEMENT}.
     */
    SCL(EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION)),
    /**
     * As {@link #SCL}, and single-parity-check nodes keep the L best (path, even-parity word) pairs under the
     * node-level metric, found exactly by best-first enumeration of flip sets. This is a wider search than
     * leaf-level SCL inside the node (which prunes after every bit), so the survivors can differ: a deliberate,
     * measured difference (docs/polar-lattices.md, "List quantizer").
     */
    FAST_SSCL(EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1, NodeKind.REPETITION, NodeKind.SPC));

    private final Set<NodeKind> kinds;

    ListNodes(Set<NodeKind> kinds) {
        this.kinds = kinds;
    }

    /** The node kinds decided at node level. */
    public Set<NodeKind> kinds() {
        return EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(NodeKind.class) : kinds);
    }
}

package io.latq.polar;

import java.util.Arrays;
import java.util.Set;

/**
 * The kinds of subtree of a polar code's SC decoding tree that simplified decoders decide at once (Alamdar-Yazdi
 * &amp; Kschischang, "A simplified successive-cancellation decoder for polar codes", 2011; Sarkis et al., "Fast
 * polar decoders", 2014; Hashemi, Condo &amp; Gross, "Fast and flexible successive-cancellation list decoders for
 * polar codes", 2017), and the one classifier that every SC-type decoder of latq uses.
 *
 * <p>Nodes are heap-indexed: the root is 1, the children of node id are 2·id and 2·id+1; node id at depth
 * d = ⌊log2 id⌋ covers the leaves [(id − 2^d)·N/2^d, (id − 2^d + 1)·N/2^d).
 */
public enum NodeKind {
    /** Decoded by descending into both children. */
    GENERIC,
    /** All leaves frozen: the word is the re-encoded frozen values. */
    RATE_0,
    /** No leaf frozen: every word is valid. */
    RATE_1,
    /** Only the last leaf free (frozen values 0): the words 0…0 and 1…1. */
    REPETITION,
    /** Size ≥ 4, only the first leaf frozen (to 0): the words of even parity. */
    SPC;

    /** SPC nodes smaller than this are left to the other kinds (a size-2 SPC node is a repetition node). */
    public static final int MIN_SPC_SIZE = 4;

    /**
     * Classifies every node of size ≥ 2 of the tree of {@code frozen}. A node gets the first enabled kind that fits,
     * in the order rate 0, rate 1, repetition, SPC; other nodes and the leaves are {@link #GENERIC}.
     *
     * @param frozen       frozen mask, length N = 2^m
     * @param frozenValues frozen values (length N, only frozen positions read) or null for all 0; repetition and SPC
     *                     nodes need the frozen values inside them to be 0
     * @param enabled      the kinds to look for
     * @return kinds indexed by heap id, length 2N (entry 0 unused)
     */
    public static NodeKind[] classify(boolean[] frozen, byte[] frozenValues, Set<NodeKind> enabled) {
        int n = frozen.length;
        PolarTransform.log2(n);
        int[] frozenCount = new int[2 * n];
        int[] oneCount = new int[2 * n];
        for (int t = 0; t < n; t++) {
            frozenCount[n + t] = frozen[t] ? 1 : 0;
            oneCount[n + t] = frozen[t] && frozenValues != null ? frozenValues[t] & 1 : 0;
        }
        for (int id = n - 1; id >= 1; id--) {
            frozenCount[id] = frozenCount[2 * id] + frozenCount[2 * id + 1];
            oneCount[id] = oneCount[2 * id] + oneCount[2 * id + 1];
        }
        NodeKind[] kind = new NodeKind[2 * n];
        Arrays.fill(kind, GENERIC);
        for (int id = 1; id < n; id++) {
            int depth = 31 - Integer.numberOfLeadingZeros(id);
            int size = n >> depth;
            int start = (id - (1 << depth)) * size;
            int fc = frozenCount[id];
            boolean zero = oneCount[id] == 0;
            if (enabled.contains(RATE_0) && fc == size) {
                kind[id] = RATE_0;
            } else if (enabled.contains(RATE_1) && fc == 0) {
                kind[id] = RATE_1;
            } else if (enabled.contains(REPETITION) && zero && fc == size - 1 && !frozen[start + size - 1]) {
                kind[id] = REPETITION;
            } else if (enabled.contains(SPC) && zero && size >= MIN_SPC_SIZE && fc == 1 && frozen[start]) {
                kind[id] = SPC;
            }
        }
        return kind;
    }

    /**
     * True iff SC's decisions in a rate-1 node with LLRs a[off .. off+len) are the hard decisions of those LLRs:
     * every f keeps the sign product and every g the sign of its second input, so this holds when no LLR is 0 or NaN.
     */
    public static boolean hardDecisionsAreSc(double[] a, int off, int len) {
        for (int i = off; i < off + len; i++) {
            double x = a[i];
            if (x == 0.0 || x != x) {
                return false;
            }
        }
        return true;
    }

    /**
     * The decision LLR of the free (last) leaf of a repetition node as SC computes it: g with zero partial sums at
     * every level, i.e. pairwise sums b + a taken in SC's order. Layout of SC decoders that keep the LLRs of the
     * active node of size s at alpha[s .. 2s): the node's LLRs are read at [size, 2·size) and the sums overwrite
     * [1, size).
     */
    public static double repetitionLlr(double[] alpha, int size) {
        for (int s = size; s > 1; s >>= 1) {
            int h = s >> 1;
            for (int i = 0; i < h; i++) {
                alpha[h + i] = alpha[s + h + i] + alpha[s + i];
            }
        }
        return alpha[1];
    }
}

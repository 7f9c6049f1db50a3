package io.latq.polarlattice;

import io.latq.polar.list.ListNodes;

/**
 * How a {@link PolarLattice} quantizes.
 *
 * @param listSize  L = 1 for SC (argmax decisions), L ≥ 2 for one SCL search with list L across all levels
 * @param selection how the list quantizer picks its final survivor (ignored for L = 1)
 * @param kernel    check-node rule of the SC and SCL decoders
 * @param listNodes which subtrees the list quantizer decides at node level (ignored for L = 1):
 *                  {@link ListNodes#SCL} keeps the survivors of the reference list quantizer,
 *                  {@link ListNodes#FAST_SSCL} (the default) also decodes SPC nodes as the L best even words;
 *                  {@link ListNodes#LEAVES} is refused (see the check in the constructor)
 */
public record PolarQuantizerOptions(int listSize, ListSelection selection, CheckNodeKernel kernel,
                                    ListNodes listNodes) {

    /** The largest list size accepted. */
    public static final int MAX_LIST = 1024;

    /** The node-level decisions of the list quantizer unless stated otherwise. */
    public static final ListNodes DEFAULT_LIST_NODES = ListNodes.FAST_SSCL;

    public PolarQuantizerOptions {
        if (listSize < 1 || listSize > MAX_LIST) {
            throw new IllegalArgumentException("list size must be in 1.." + MAX_LIST + ", got " + listSize);
        }
        if (selection == null || kernel == null || listNodes == null) {
            throw new IllegalArgumentException("selection, kernel and list nodes must not be null");
        }
        if (listNodes == ListNodes.LEAVES) {
            // exact metric ties (tiny |α| after deep f chains) are then broken by path slot, which a lattice shift
            // permutes: Q(x + λ) = Q(x) + λ failed in tests
            throw new IllegalArgumentException("the lattice list quantizer needs node-level decisions (SCL or "
                    + "FAST_SSCL); LEAVES breaks translation equivariance on ties");
        }
    }

    /** Options with the {@linkplain #DEFAULT_LIST_NODES default node-level decisions}. */
    public PolarQuantizerOptions(int listSize, ListSelection selection, CheckNodeKernel kernel) {
        this(listSize, selection, kernel, DEFAULT_LIST_NODES);
    }

    /** SC with the tabulated box-plus. */
    public static PolarQuantizerOptions sc() {
        return new PolarQuantizerOptions(1, ListSelection.PATH_METRIC, CheckNodeKernel.TABULATED);
    }

    /** SCL-L choosing by path metric (SC for L = 1). */
    public static PolarQuantizerOptions list(int listSize) {
        return new PolarQuantizerOptions(listSize, ListSelection.PATH_METRIC, CheckNodeKernel.TABULATED);
    }

    /** The same options with another list size. */
    public PolarQuantizerOptions withListSize(int l) {
        return new PolarQuantizerOptions(l, selection, kernel, listNodes);
    }

    /** The same options with other node-level decisions. */
    public PolarQuantizerOptions withListNodes(ListNodes nodes) {
        return new PolarQuantizerOptions(listSize, selection, kernel, nodes);
    }
}

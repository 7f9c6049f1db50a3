package io.latq.polarlattice;

/**
 * How a {@link PolarLattice} quantizes.
 *
 * @param listSize  L = 1 for SC (argmax decisions), L ≥ 2 for one SCL search with list L across all levels
 * @param selection how the list quantizer picks its final survivor (ignored for L = 1)
 * @param kernel    check-node rule of the SC and SCL decoders
 */
public record PolarQuantizerOptions(int listSize, ListSelection selection, CheckNodeKernel kernel) {

    /** The largest list size accepted. */
    public static final int MAX_LIST = 1024;

    public PolarQuantizerOptions {
        if (listSize < 1 || listSize > MAX_LIST) {
            throw new IllegalArgumentException("list size must be in 1.." + MAX_LIST + ", got " + listSize);
        }
        if (selection == null || kernel == null) {
            throw new IllegalArgumentException("selection and kernel must not be null");
        }
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
        return new PolarQuantizerOptions(l, selection, kernel);
    }
}

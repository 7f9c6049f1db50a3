package io.latq.ecdq;

/**
 * Receives the progress of a long compression or decompression, so a front end can show it; the library itself
 * never prints. Calls come from the thread that called the library, in order, with {@code done} never decreasing.
 *
 * <p>Units are abstract, chosen so that done/total tracks the time spent. Decompression counts one per sample
 * decoded. Compression counts one per sample scanned in pass 1 and 16 per sample entropy coded (coding costs
 * roughly that much more): the subsample encodings of a rate search and of the model fit, then the N samples of
 * pass 2.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Reports progress.
     *
     * @param done  units completed so far
     * @param total the current estimate of the total, ≥ {@code done}; −1 while it is not known yet (CSV input before
     *              pass 1 has finished). It may be revised once the input has been scanned.
     */
    void progress(long done, long total);
}

package io.latq.nsm;

import java.io.Serializable;

/**
 * The statistics of one batch of an NSM estimate: what a worker (a local thread or a cluster executor) sends back
 * for batch {@code index}. It depends only on the lattice, the seed, the sample count and the index, so a batch that
 * is computed twice (a retried task) gives the same record.
 *
 * @param index the batch index b (0-based)
 * @param count the number of vectors in the batch ({@link NsmPlan#batchVectors()}, the last may be short)
 * @param mean  the mean of the per-vector values v = ‖x − Q(x)‖²/(n·V^(2/n)) over the batch (Welford)
 * @param m2    the sum of squared deviations from that mean (Welford)
 */
public record NsmBatch(int index, int count, double mean, double m2) implements Serializable {
    private static final long serialVersionUID = 1L;
}

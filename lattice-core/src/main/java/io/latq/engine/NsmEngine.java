package io.latq.engine;

import io.latq.nsm.NsmResult;

import java.util.function.LongConsumer;

/**
 * Runs Monte Carlo NSM estimates somewhere: on local threads ({@link LocalNsmEngine}) or on a cluster (the
 * {@code latq-spark} module). Every engine computes the batches of an {@link io.latq.nsm.NsmPlan} with
 * {@link io.latq.nsm.NsmPlan#batch} and folds them with {@link io.latq.nsm.NsmPlan#fold}, so for a given lattice,
 * sample count and seed all engines return the same {@code nsm}, {@code stderr} and {@code stderrBatchMeans}, bit for
 * bit (only {@code seconds} differs).
 *
 * <p>An engine may hold resources (a Spark context); close it when done. Obtain one with {@link NsmEngines#open}.
 */
public interface NsmEngine extends AutoCloseable {

    /** The engine's name, as given to {@code --engine}. */
    String name();

    /**
     * Estimates the NSM of the lattice built from {@code recipe}.
     *
     * @param recipe   the lattice; rebuilt wherever batches run
     * @param samples  the number of vectors (≥ 2)
     * @param seed     the seed
     * @param progress receives the number of vectors done so far, non-decreasing (may be null); may be called from
     *                 any thread
     */
    NsmResult estimate(LatticeRecipe recipe, long samples, long seed, LongConsumer progress);

    /** Releases the engine's resources. */
    @Override
    default void close() {
    }
}

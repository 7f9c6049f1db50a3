package io.latq.engine;

import io.latq.nsm.NsmResult;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Runs several estimates; result i is bit-identical to {@code estimate} of task i. This default runs them one
     * after another; a cluster engine runs all their batches as one job, so that the estimates share the cluster
     * (their {@code seconds} is then the time of that whole job).
     *
     * @param progress receives the number of vectors done so far over all tasks, non-decreasing (may be null)
     */
    default List<NsmResult> estimateAll(List<NsmTask> tasks, LongConsumer progress) {
        List<NsmResult> results = new ArrayList<>(tasks.size());
        long before = 0;
        for (NsmTask t : tasks) {
            long offset = before;
            results.add(estimate(t.recipe(), t.samples(), t.seed(),
                    progress == null ? null : done -> progress.accept(offset + done)));
            before += t.samples();
        }
        return results;
    }

    /** Releases the engine's resources. */
    @Override
    default void close() {
    }
}

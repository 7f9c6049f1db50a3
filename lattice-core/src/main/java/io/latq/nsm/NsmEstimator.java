package io.latq.nsm;

import io.latq.lattice.Lattice;
import io.latq.random.StreamSeeds;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Monte Carlo estimator of the normalized second moment G = E‖e‖² / (n·V^(2/n)) of a lattice quantizer
 * (Conway &amp; Sloane, <i>Sphere Packings, Lattices and Groups</i>, ch. 2 and 21).
 *
 * <p>Each sample draws x uniformly over a fundamental region ({@link Lattice#sampleFundamentalRegion}), quantizes it
 * and records v = ‖x − Q(x)‖² / (n·V^(2/n)). For a lattice quantizer the error of a point uniform over any union of
 * fundamental regions is distributed as over the quantizer's own cell, so E[v] = G.
 *
 * <p><b>Reproducibility.</b> The M vectors are split into batches of {@link #BATCH_VECTORS} (the last may be short).
 * Batch b draws from its own stream, XO_RO_SHI_RO_128_PP seeded with {@code {mix(seed, 2b+1), mix(seed, 2b+2)}}
 * where mix is the SplitMix64 finalizer of {@code seed + k·0x9E3779B97F4A7C15}. Per-batch statistics are combined in
 * batch order, so a given seed gives a bit-identical result whatever the thread count.
 *
 * <p><b>Standard error.</b> The vectors are independent and identically distributed, so the standard error of the
 * mean is s/√M with s the sample standard deviation of v (Welford per batch, combined with Chan et al.'s pairwise
 * update). The batch-means standard error is reported beside it as a cross-check.
 *
 * <p><b>Distributed runs.</b> The per-batch body and the fold live in {@link NsmPlan}; this class runs them on a
 * thread pool, and other engines (see {@code io.latq.engine}) run the same body elsewhere and fold with the same
 * code, which is what makes their results bit-identical to this one.
 */
public final class NsmEstimator {

    /** Vectors per batch; part of the reproducibility contract (changing it changes the random streams). */
    public static final int BATCH_VECTORS = 1024;

    private final Lattice lattice;

    public NsmEstimator(Lattice lattice) {
        this.lattice = lattice;
    }

    /** Runs on one thread without progress reporting. */
    public NsmResult estimate(long samples, long seed) {
        return estimate(samples, seed, 1, null);
    }

    /**
     * Estimates G from {@code samples} vectors.
     *
     * @param samples  number of vectors M (≥ 2)
     * @param seed     seed of the random streams
     * @param threads  worker threads (≥ 1); does not change the result
     * @param progress receives the number of vectors completed so far (may be null); called from worker threads
     */
    public NsmResult estimate(long samples, long seed, int threads, LongConsumer progress) {
        NsmPlan plan = NsmPlan.of(lattice, samples, seed); // validates samples
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int batchCount = plan.batches();
        NsmBatch[] results = new NsmBatch[batchCount];

        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        Runnable worker = () -> {
            int b;
            while ((b = next.getAndIncrement()) < batchCount) {
                NsmBatch r = plan.batch(lattice, b);
                results[b] = r;
                long total = done.addAndGet(r.count());
                if (progress != null) {
                    progress.accept(total);
                }
            }
        };
        runWorkers(worker, Math.min(threads, batchCount));
        double seconds = (System.nanoTime() - start) * 1e-9;
        // NsmPlan.fold combines in batch order, so the result does not depend on scheduling.
        return plan.fold(results, seconds);
    }

    /** The independent random stream of batch {@code b}: {@link StreamSeeds#batchStream}, see the class comment. */
    public static UniformRandomProvider batchStream(long seed, long b) {
        return StreamSeeds.batchStream(seed, b);
    }

    private static void runWorkers(Runnable worker, int threads) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "latq-nsm");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}

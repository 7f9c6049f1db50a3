package io.latq.nsm;

import io.latq.common.concurrent.Workers;
import io.latq.lattice.Lattice;
import io.latq.random.StreamSeeds;
import org.apache.commons.rng.UniformRandomProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <p><b>Reproducibility (contract version {@value #CONTRACT_VERSION}).</b> The M vectors are split into batches of
 * B(n) = min({@value #MAX_BATCH_VECTORS}, ⌈{@value #BATCH_SCALARS}/n⌉) vectors (the last may be short), so a batch
 * holds about 2^16 scalar samples whatever the dimension: a large-n estimate is cut into many batches and runs on
 * every thread. Version 1 used B = 1024 for every n; for n ≤ 64 the two agree (⌈2^16/n⌉ ≥ 1024), so results for
 * those lattices (Z^n, E8, Leech, …) are unchanged. Batch b draws from its own stream, XO_RO_SHI_RO_128_PP seeded
 * with {@code {mix(seed, 2b+1), mix(seed, 2b+2)}}
 * where mix is the SplitMix64 finalizer of {@code seed + k·0x9E3779B97F4A7C15}. Per-batch statistics are combined in
 * batch order, so a given seed gives a bit-identical result whatever the thread count.
 *
 * <p><b>Standard error.</b> The vectors are independent and identically distributed, so the standard error of the
 * mean is s/√M with s the sample standard deviation of v (Welford per batch, combined with Chan et al.'s pairwise
 * update). The batch-means standard error is reported beside it as a cross-check.
 *
 * <p><b>Distributed runs.</b> The per-batch body and the fold live in {@link NsmPlan}; this class runs them on
 * {@link Workers} (results taken in batch order), and other engines (see {@code io.latq.engine}) run the same body
 * elsewhere and fold with the same code, which is what makes their results bit-identical to this one.
 */
public final class NsmEstimator {

    /**
     * The version of the batch contract (how the vectors are cut into batches and seeded), reported with results.
     * Version 1: 1024 vectors per batch. Version 2: {@link #batchVectors(int)}.
     */
    public static final int CONTRACT_VERSION = 2;

    /** The most vectors in one batch (the batch size for n ≤ 64); part of the reproducibility contract. */
    public static final int MAX_BATCH_VECTORS = 1024;

    /** The scalar samples a batch aims at: B(n) = ⌈2^16/n⌉ vectors (capped); part of the contract. */
    public static final int BATCH_SCALARS = 1 << 16;

    private final Lattice lattice;

    public NsmEstimator(Lattice lattice) {
        this.lattice = lattice;
    }

    /**
     * Vectors per batch for dimension n under contract version 2: min(1024, ⌈2^16/n⌉), at least 1. The cap keeps
     * small-n batches (which cost microseconds per vector) as they were in version 1; above n = 64 a batch holds
     * ⌈2^16/n⌉ vectors, about 2^16 scalars, so an N = 16384 point of 256 vectors is 64 batches instead of one.
     */
    public static int batchVectors(int n) {
        return batchVectors(n, CONTRACT_VERSION);
    }

    /**
     * Vectors per batch for dimension n under batch contract {@code version}: 1024 for version 1, min(1024,
     * ⌈2^16/n⌉) for version 2. Version 1 stays available for results that must keep their old bits (the NSM an
     * ECDQ encoder estimates for an unknown lattice is stored in files pinned by golden tests).
     *
     * @throws IllegalArgumentException for n &lt; 1 or an unknown version
     */
    public static int batchVectors(int n, int version) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + n);
        }
        return switch (version) {
            case 1 -> MAX_BATCH_VECTORS;
            case 2 -> Math.min(MAX_BATCH_VECTORS, (BATCH_SCALARS + n - 1) / n);
            default -> throw new IllegalArgumentException("unknown NSM batch contract version " + version);
        };
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
        return estimate(samples, seed, threads, progress, CONTRACT_VERSION);
    }

    /**
     * As {@link #estimate(long, long, int, LongConsumer)} under batch contract {@code contractVersion} (see
     * {@link #batchVectors(int, int)}).
     */
    public NsmResult estimate(long samples, long seed, int threads, LongConsumer progress, int contractVersion) {
        NsmPlan plan = NsmPlan.of(lattice, samples, seed, contractVersion); // validates samples
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int batchCount = plan.batches();
        NsmBatch[] results = new NsmBatch[batchCount];

        long start = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        try (Workers<Object> workers = new Workers<>(Math.min(Math.min(threads, batchCount), 1024),
                Object::new)) {
            workers.forEachInOrder(batchCount, (state, b) -> {
                long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
                NsmBatch r = plan.batch(lattice, (int) b);
                if (cpu) {
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                }
                long total = done.addAndGet(r.count());
                if (progress != null) {
                    progress.accept(total);
                }
                return r;
            }, r -> results[r.index()] = r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only an interrupt: the batches do no I/O
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        // NsmPlan.fold combines in batch order, so the result does not depend on scheduling.
        return plan.fold(results, seconds, cpu ? cpuNanos.get() * 1e-9 : Double.NaN);
    }

    /** The independent random stream of batch {@code b}: {@link StreamSeeds#batchStream}, see the class comment. */
    public static UniformRandomProvider batchStream(long seed, long b) {
        return StreamSeeds.batchStream(seed, b);
    }
}

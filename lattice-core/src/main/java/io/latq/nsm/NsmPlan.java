package io.latq.nsm;

import io.latq.lattice.Lattice;
import org.apache.commons.rng.UniformRandomProvider;

import java.io.Serializable;

/**
 * One NSM estimate cut into independent batches: what a driver needs to hand out batch indices and fold the results,
 * and what a worker needs (besides the lattice itself) to compute batch b. It is small and serializable, so it can be
 * shipped to cluster executors; the lattice travels separately as a recipe and is rebuilt there.
 *
 * <p>Every way of running an estimate (one thread, a thread pool, a Spark cluster) computes batches with
 * {@link #batch(Lattice, int)} and folds them with {@link #fold(NsmBatch[], double)}, so they agree bit for bit.
 * The normalization {@code scale} is computed once here, on the driver, and travels with the plan, so workers never
 * recompute it (it is {@code StrictMath}, hence the same everywhere, but one evaluation leaves nothing to chance).
 *
 * @param lattice    the lattice name (for the result)
 * @param dimension  n
 * @param log2Volume log2 V
 * @param scale      1/(n·V^(2/n))
 * @param samples    the number of vectors M
 * @param seed       the seed
 * @param contractVersion the batch contract ({@link NsmEstimator#CONTRACT_VERSION} unless asked otherwise)
 * @param batchVectors vectors per batch, {@link NsmEstimator#batchVectors(int, int)}
 * @param batches    the number of batches, ⌈M / batchVectors⌉
 */
public record NsmPlan(String lattice, int dimension, double log2Volume, double scale, long samples, long seed,
                      int contractVersion, int batchVectors, int batches) implements Serializable {
    private static final long serialVersionUID = 2L;

    /**
     * The plan of estimating the NSM of {@code lattice} from {@code samples} vectors with {@code seed}.
     *
     * @throws IllegalArgumentException if samples &lt; 2 or there would be more than 2^31 − 1 batches
     */
    public static NsmPlan of(Lattice lattice, long samples, long seed) {
        return of(lattice, samples, seed, NsmEstimator.CONTRACT_VERSION);
    }

    /**
     * The plan under batch contract {@code contractVersion} ({@link NsmEstimator#batchVectors(int, int)}).
     *
     * @throws IllegalArgumentException if samples &lt; 2, the version is unknown or there would be more than
     *                                  2^31 − 1 batches
     */
    public static NsmPlan of(Lattice lattice, long samples, long seed, int contractVersion) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
        int n = lattice.dimension();
        int per = NsmEstimator.batchVectors(n, contractVersion);
        long batchCount = (samples + per - 1) / per;
        if (batchCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many samples: " + samples);
        }
        double scale = 1.0 / (n * StrictMath.pow(2.0, 2.0 * lattice.log2Volume() / n));
        return new NsmPlan(lattice.name(), n, lattice.log2Volume(), scale, samples, seed, contractVersion, per,
                (int) batchCount);
    }

    /** The number of vectors in batch {@code b}. */
    public int batchSize(int b) {
        checkIndex(b);
        long first = (long) b * batchVectors;
        return (int) Math.min(batchVectors, samples - first);
    }

    /**
     * Computes batch {@code b}: draws its vectors from the batch's own stream
     * ({@link NsmEstimator#batchStream(long, long)}), quantizes them with {@code lattice} and returns their Welford
     * mean and sum of squares. The result depends only on the plan, the lattice and b.
     *
     * @param lattice the lattice this plan was made for (or an identical copy rebuilt from its recipe)
     */
    public NsmBatch batch(Lattice lattice, int b) {
        if (lattice.dimension() != dimension) {
            throw new IllegalArgumentException("lattice " + lattice.name() + " has dimension " + lattice.dimension()
                    + ", the plan is for " + dimension);
        }
        int size = batchSize(b);
        int n = dimension;
        double[] x = new double[n];
        double[] q = new double[n];
        UniformRandomProvider rng = NsmEstimator.batchStream(seed, b);
        double mu = 0;
        double s2 = 0;
        for (int i = 0; i < size; i++) {
            lattice.sampleFundamentalRegion(rng, x, 0);
            lattice.quantize(x, 0, q, 0);
            double e2 = 0;
            for (int j = 0; j < n; j++) {
                double d = x[j] - q[j];
                e2 += d * d;
            }
            double v = e2 * scale;
            double delta = v - mu;
            mu += delta / (i + 1);
            s2 += delta * (v - mu);
        }
        return new NsmBatch(b, size, mu, s2);
    }

    /**
     * Folds the batches in index order (Chan, Golub &amp; LeVeque), so the result does not depend on which worker
     * computed what, or when.
     *
     * @param results batch b at position b, one for every batch of the plan
     * @param seconds the wall-clock time to report
     * @throws IllegalArgumentException if a batch is missing, misplaced or of the wrong size
     */
    public NsmResult fold(NsmBatch[] results, double seconds) {
        return fold(results, seconds, Double.NaN);
    }

    /**
     * As {@link #fold(NsmBatch[], double)}, also reporting the CPU time spent in the batches.
     *
     * @param cpuSeconds the summed thread CPU time of the batches, NaN if unknown
     */
    public NsmResult fold(NsmBatch[] results, double seconds, double cpuSeconds) {
        if (results.length != batches) {
            throw new IllegalArgumentException("expected " + batches + " batches, got " + results.length);
        }
        long[] count = new long[batches];
        double[] mean = new double[batches];
        long m = 0;
        double mu = 0;
        double s2 = 0;
        for (int b = 0; b < batches; b++) {
            NsmBatch r = results[b];
            if (r == null || r.index() != b || r.count() != batchSize(b)) {
                throw new IllegalArgumentException("batch " + b + " is missing or inconsistent: " + r);
            }
            long nb = r.count();
            count[b] = nb;
            mean[b] = r.mean();
            double delta = r.mean() - mu;
            long tot = m + nb;
            mu += delta * nb / tot;
            s2 += r.m2() + delta * delta * ((double) m * nb / tot);
            m = tot;
        }
        double stderr = Math.sqrt(s2 / (m - 1) / m);
        double stderrBatch = batchMeansStderr(count, mean, mu);
        return new NsmResult(lattice, dimension, samples, seed, batches, mu, stderr, stderrBatch, log2Volume,
                seconds, cpuSeconds, contractVersion);
    }

    /** Batch-means standard error, weighting batches by size; NaN with fewer than two batches. */
    private static double batchMeansStderr(long[] count, double[] mean, double grand) {
        int k = count.length;
        if (k < 2) {
            return Double.NaN;
        }
        double total = 0;
        double ss = 0;
        for (int b = 0; b < k; b++) {
            double d = mean[b] - grand;
            ss += count[b] * d * d;
            total += count[b];
        }
        // Var(mean) ≈ Σ n_b (m_b − m)² / ((k−1)·N) for batches of (nearly) equal size.
        return Math.sqrt(ss / ((k - 1) * total));
    }

    private void checkIndex(int b) {
        if (b < 0 || b >= batches) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + batches);
        }
    }
}

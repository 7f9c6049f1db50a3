package io.latq.nsm;

/**
 * The outcome of a Monte Carlo NSM estimate.
 *
 * <p>Definitions (all printed figures use these):
 * <ul>
 *   <li>{@code nsm}: G = E‖e‖² / (n·V^(2/n)), e = x − Q(x), x uniform over a fundamental region.</li>
 *   <li>{@code stderr}: the standard error of G, s/√M with s the sample standard deviation of the per-vector values
 *       ‖e‖²/(n·V^(2/n)) and M the number of vectors. The vectors are independent, so this is the CLT standard
 *       error.</li>
 *   <li>{@code stderrBatchMeans}: the same quantity from the spread of the per-batch means (a cross-check that does not
 *       assume independence inside a batch).</li>
 *   <li>{@code ci95Low}/{@code ci95High}: G ∓ 1.959964·stderr.</li>
 *   <li>{@code granularGainDb}: 10·log10((1/12)/G), the gain over the cubic lattice Z^n.</li>
 *   <li>{@code gapToSphereBoundDb}: 10·log10(G·2πe), how far G lies above the sphere bound 1/(2πe).</li>
 * </ul>
 *
 * @param lattice        the lattice name
 * @param dimension      n
 * @param samples        M, the number of vectors drawn
 * @param seed           the seed
 * @param batches        the number of batches (each with its own random stream)
 * @param nsm            G
 * @param stderr         standard error of G
 * @param stderrBatchMeans batch-means standard error of G
 * @param log2Volume     log2 V
 * @param seconds        wall-clock time of the estimate
 * @param cpuSeconds     thread CPU time summed over the batches (NaN when the engine does not measure it)
 * @param contractVersion the batch contract the estimate followed ({@link NsmEstimator#batchVectors(int, int)})
 */
public record NsmResult(String lattice, int dimension, long samples, long seed, int batches, double nsm,
                        double stderr, double stderrBatchMeans, double log2Volume, double seconds,
                        double cpuSeconds, int contractVersion) {

    /** A result without a CPU time, under the current batch contract. */
    public NsmResult(String lattice, int dimension, long samples, long seed, int batches, double nsm,
                     double stderr, double stderrBatchMeans, double log2Volume, double seconds) {
        this(lattice, dimension, samples, seed, batches, nsm, stderr, stderrBatchMeans, log2Volume, seconds,
                Double.NaN, NsmEstimator.CONTRACT_VERSION);
    }

    /** CPU seconds per vector (NaN if unknown). */
    public double cpuSecondsPerVector() {
        return cpuSeconds / samples;
    }

    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /** The sphere bound 1/(2πe). */
    public static final double SPHERE_BOUND = 1.0 / (2.0 * Math.PI * Math.E);

    public double ci95Low() {
        return nsm - Z95 * stderr;
    }

    public double ci95High() {
        return nsm + Z95 * stderr;
    }

    public double granularGainDb() {
        return 10.0 * StrictMath.log10((1.0 / 12.0) / nsm);
    }

    public double gapToSphereBoundDb() {
        return 10.0 * StrictMath.log10(nsm / SPHERE_BOUND);
    }

    /** Vectors per second of wall-clock time. */
    public double vectorsPerSecond() {
        return seconds > 0 ? samples / seconds : Double.NaN;
    }
}

package io.latq.nsm;

/**
 * The seed convention that keeps reported NSMs free of selection bias. A design chosen by minimizing a Monte Carlo
 * NSM over candidates (common random numbers, one seed) has a score biased low: it is the minimum of many noisy
 * estimates on the same vectors. So latq reports designs only from seeds the search never saw:
 * <ul>
 *   <li><b>optimizer seeds</b> (the search seed and a Monte Carlo ranking seed) lie in [0, 2^20), enforced by
 *       {@code latq design polar --optimize}, and are recorded in the design file;</li>
 *   <li><b>evaluation seeds</b> are the fixed constants E_k = 1 000 000 000 + k, k = 1, 2, …, all ≥ 2^20 and hence
 *       disjoint from every optimizer seed. {@code latq goodness} and the design search's check use E_1 by default
 *       and refuse a seed that the design records as an optimizer seed.</li>
 * </ul>
 * Designs of format version 1 record no seeds; they were all searched with seed 1 ("optimizer seed: 1 (legacy)").
 */
public final class EvaluationSeeds {

    /** Optimizer seeds are below this bound (2^20). */
    public static final long OPTIMIZER_SEED_LIMIT = 1L << 20;

    /** E_k = BASE + k. */
    public static final long BASE = 1_000_000_000L;

    /** E_1, the default seed of reported figures. */
    public static final long FIRST = seed(1);

    private EvaluationSeeds() {
    }

    /** The k-th evaluation seed E_k = 1 000 000 000 + k (k ≥ 1). */
    public static long seed(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("evaluation seeds are numbered from 1, got " + k);
        }
        return BASE + k;
    }

    /** Whether {@code seed} may be used by an optimizer: 0 ≤ seed &lt; 2^20. */
    public static boolean isOptimizerSeed(long seed) {
        return seed >= 0 && seed < OPTIMIZER_SEED_LIMIT;
    }
}

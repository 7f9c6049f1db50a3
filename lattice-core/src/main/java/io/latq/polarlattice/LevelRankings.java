package io.latq.polarlattice;

import io.latq.polar.PolarTransform;
import io.latq.polar.construct.BitChannelReliabilities;
import io.latq.polar.construct.FrozenSetConstruction;
import io.latq.polar.construct.MonteCarloConstruction;
import io.latq.polar.construct.TalVardyConstruction;

import java.util.Locale;

/**
 * The bit-channel rankings of every level of a polar lattice for one test-channel noise σ, from which nested
 * information sets of any sizes are cut ({@link #design}).
 *
 * <p>Level i (1-based) is the mod-2 Gaussian channel with noise σ/2^(i−1) ({@link ModTwoGaussianChannel}); its N bit
 * channels are ranked by one of the polar-code constructions:
 * <ul>
 *   <li>{@link Method#TAL_VARDY}: Tal &amp; Vardy's degrading merge with fidelity μ applied to the exact LLR
 *       distribution of the level channel ({@link ModTwoGaussianChannel#llrDensity()}, 4096 |LLR| bins); ranked by
 *       the upper bound on the bit-channel error probability.</li>
 *   <li>{@link Method#MONTE_CARLO}: genie-aided SC on F frames of the level channel; ranked by the estimated
 *       conditional entropy H(U_t | Y, U^{t−1}).</li>
 * </ul>
 * Immutable.
 */
public final class LevelRankings {

    /** The construction used to rank one level's bit channels. */
    public enum Method { TAL_VARDY, MONTE_CARLO }

    private final int n;
    private final double sigma;
    private final int[][] orders;
    private final double[] capacities;
    private final String description;

    private LevelRankings(int n, double sigma, int[][] orders, double[] capacities, String description) {
        this.n = n;
        this.sigma = sigma;
        this.orders = orders;
        this.capacities = capacities;
        this.description = description;
    }

    /**
     * Ranks the bit channels of r levels.
     *
     * @param n      block length N = 2^m
     * @param sigma  test-channel noise σ &gt; 0
     * @param levels r ≥ 1
     * @param method the construction
     * @param mu     Tal–Vardy fidelity μ (even, ≥ 4; ignored for Monte Carlo)
     * @param frames Monte Carlo frames (≥ 2; ignored for Tal–Vardy)
     * @param seed   Monte Carlo seed (ignored for Tal–Vardy)
     */
    public static LevelRankings compute(int n, double sigma, int levels, Method method, int mu, int frames,
                                        long seed) {
        return compute(n, sigma, levels, method, mu, frames, seed, TalVardyConstruction.DEFAULT_BINS);
    }

    /**
     * As {@link #compute(int, double, int, Method, int, int, long)}, with the number of |LLR| bins used to quantise
     * the level channel before Tal–Vardy merging (more bins: tighter bounds, slower).
     */
    public static LevelRankings compute(int n, double sigma, int levels, Method method, int mu, int frames,
                                        long seed, int bins) {
        PolarTransform.log2(n);
        if (levels < 1 || levels > PolarLatticeDesign.MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be in 1.." + PolarLatticeDesign.MAX_LEVELS + ", got "
                    + levels);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        int[][] orders = new int[levels][];
        double[] caps = new double[levels];
        for (int i = 0; i < levels; i++) {
            ModTwoGaussianChannel ch = new ModTwoGaussianChannel(Math.scalb(sigma, -i));
            caps[i] = ch.capacity();
            FrozenSetConstruction c = method == Method.TAL_VARDY
                    ? TalVardyConstruction.forDensity(ch.llrDensity(), mu, bins)
                    : new MonteCarloConstruction(ch.llrSampler(), frames, seed + i);
            BitChannelReliabilities rel = c.construct(n);
            orders[i] = rel.order();
        }
        String desc = method == Method.TAL_VARDY
                ? String.format(Locale.ROOT, "tal-vardy mu=%d on the mod-2 Gaussian level channels", mu)
                : String.format(Locale.ROOT, "monte-carlo genie SC, %d frames, seed %d (level i uses seed+i-1), "
                        + "ranked by conditional entropy", frames, seed);
        return new LevelRankings(n, sigma, orders, caps, desc);
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /** σ. */
    public double sigma() {
        return sigma;
    }

    /** Number of levels r. */
    public int levels() {
        return orders.length;
    }

    /** Capacity C_i of level i (1-based), bits per channel use. */
    public double capacity(int level) {
        return capacities[level - 1];
    }

    /** The ranking of level i (1-based), most reliable first (a copy). */
    public int[] order(int level) {
        return orders[level - 1].clone();
    }

    /** How the rankings were computed. */
    public String description() {
        return description;
    }

    /**
     * Nested sets of sizes K_1 ≤ … ≤ K_r: A_1 is the K_1 best channels of level 1, and A_{i+1} is A_i plus the
     * K_{i+1} − K_i best channels of level i+1 not already in A_i.
     *
     * @throws IllegalArgumentException unless k has r entries with 0 ≤ K_1 ≤ … ≤ K_r ≤ N
     */
    public PolarLatticeDesign design(int[] k, int listSize, String notes) {
        if (k.length != orders.length) {
            throw new IllegalArgumentException("need " + orders.length + " level sizes, got " + k.length);
        }
        int[][] sets = new int[k.length][];
        boolean[] in = new boolean[n];
        int size = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] < size || k[i] > n) {
                throw new IllegalArgumentException("level sizes must satisfy 0 <= K1 <= ... <= Kr <= N = " + n
                        + ", got K" + (i + 1) + " = " + k[i]);
            }
            int[] order = orders[i];
            for (int j = 0; size < k[i]; j++) {
                int t = order[j];
                if (!in[t]) {
                    in[t] = true;
                    size++;
                }
            }
            int[] a = new int[size];
            for (int t = 0, p = 0; t < n; t++) {
                if (in[t]) {
                    a[p++] = t;
                }
            }
            sets[i] = a;
        }
        return new PolarLatticeDesign(n, sigma, sets, capacities.clone(), description, listSize, notes);
    }

    /** K_i = ⌈N·C_i⌉ (made non-decreasing): the capacity-matched starting point of the optimizer. */
    public int[] capacityMatchedSizes() {
        int[] k = new int[orders.length];
        int prev = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.max(prev, Math.min(n, (int) Math.ceil(n * capacities[i])));
            prev = k[i];
        }
        return k;
    }
}

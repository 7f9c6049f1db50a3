package io.latq.polarlattice;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.LocalNsmEngine;
import io.latq.engine.NsmEngine;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.NsmResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Searches the level sizes K_1 ≤ … ≤ K_r and the test-channel noise σ of a polar lattice for the smallest Monte Carlo
 * NSM.
 *
 * <p>For every σ of the grid the level rankings are computed once ({@link LevelRankings}); the sizes start at the
 * capacity-matched K_i = ⌈N·C_i⌉ (or given sizes) and are improved by coordinate descent: for each level in turn, K_i
 * is moved by ±step while that lowers the estimate (keeping the sizes non-decreasing), and the step is halved when no
 * move helps, from N/32 down to max(1, N/512) (finer steps change G by less than the Monte Carlo resolution).
 * Every candidate is scored with the same seed and sample count (common random numbers: all
 * candidates see the same input vectors, so their difference has far less noise than either estimate), and the
 * estimator is deterministic, so a search is reproducible. The winner's own score is biased low by the selection
 * (it is the minimum of many noisy estimates); callers should re-estimate it with an independent seed, as the CLI does
 * (an evaluation seed, {@link EvaluationSeeds}). The search seed and the ranking seed must therefore be optimizer
 * seeds (below 2^20), and the design records them ({@link PolarLatticeDesign#optimizerSeeds()}; the ranking seed
 * only for the Monte Carlo ranking, since Tal–Vardy uses none).
 */
public final class PolarLatticeOptimizer {

    /**
     * Search settings.
     *
     * @param n           block length N
     * @param levels      number of levels r
     * @param sigmas      the σ grid (at least one value)
     * @param method      level ranking construction
     * @param mu          Tal–Vardy fidelity
     * @param frames      Monte Carlo frames (for the Monte Carlo ranking)
     * @param rankingSeed seed of the Monte Carlo ranking
     * @param quantizer   the quantizer the design is tuned for
     * @param samples     Monte Carlo vectors per candidate
     * @param seed        seed shared by all candidates (common random numbers)
     * @param threads     worker threads (the result does not depend on it)
     */
    public record Settings(int n, int levels, double[] sigmas, LevelRankings.Method method, int mu, int frames,
                           long rankingSeed, PolarQuantizerOptions quantizer, long samples, long seed, int threads) {
        public Settings {
            if (sigmas == null || sigmas.length == 0) {
                throw new IllegalArgumentException("need at least one sigma");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be at least 2");
            }
            sigmas = sigmas.clone();
            if (!EvaluationSeeds.isOptimizerSeed(seed) || !EvaluationSeeds.isOptimizerSeed(rankingSeed)) {
                throw new IllegalArgumentException("optimizer seeds must be in [0, 2^20) (evaluation seeds lie "
                        + "above), got seed " + seed + ", ranking seed " + rankingSeed);
            }
        }

        /** The seeds this search records in its design. */
        public PolarLatticeDesign.OptimizerSeeds optimizerSeeds() {
            return new PolarLatticeDesign.OptimizerSeeds(seed,
                    method == LevelRankings.Method.MONTE_CARLO ? rankingSeed : null, false);
        }
    }

    /**
     * The outcome.
     *
     * @param design      the best design found (its notes record the search)
     * @param score       its NSM estimate under the search seed (biased low by selection)
     * @param evaluations number of candidates scored
     * @param log         one line per accepted improvement
     */
    public record Result(PolarLatticeDesign design, NsmResult score, int evaluations, List<String> log) {
    }

    private final Settings settings;
    private final int[] start;
    private final Consumer<String> progress;
    private final NsmEngine engine;
    private int evaluations;

    /**
     * @param settings the search settings
     * @param progress receives a line per improvement (may be null)
     */
    public PolarLatticeOptimizer(Settings settings, Consumer<String> progress) {
        this(settings, null, progress);
    }

    /**
     * @param settings the search settings
     * @param start    the starting sizes for every σ (non-decreasing, r entries), or null for ⌈N·C_i⌉
     * @param progress receives a line per improvement (may be null)
     */
    public PolarLatticeOptimizer(Settings settings, int[] start, Consumer<String> progress) {
        this(settings, start, progress, null);
    }

    /**
     * @param settings the search settings
     * @param start    the starting sizes for every σ (non-decreasing, r entries), or null for ⌈N·C_i⌉
     * @param progress receives a line per improvement (may be null)
     * @param engine   where candidates are scored (a Spark cluster, say; the search is the same on every engine), or
     *                 null for local threads ({@code settings.threads()}); not closed by the optimizer
     */
    public PolarLatticeOptimizer(Settings settings, int[] start, Consumer<String> progress, NsmEngine engine) {
        if (start != null && (start.length != settings.levels() || !feasible(start, settings.n()))) {
            throw new IllegalArgumentException("start sizes must be " + settings.levels()
                    + " non-decreasing values in 0.." + settings.n());
        }
        this.settings = settings;
        this.start = start == null ? null : start.clone();
        this.progress = progress;
        this.engine = engine != null ? engine : new LocalNsmEngine(settings.threads());
    }

    /** Runs the search. */
    public Result optimize() {
        List<String> log = new ArrayList<>();
        PolarLatticeDesign bestDesign = null;
        NsmResult best = null;
        for (double sigma : settings.sigmas()) {
            LevelRankings rk = LevelRankings.compute(settings.n(), sigma, settings.levels(), settings.method(),
                    settings.mu(), settings.frames(), settings.rankingSeed());
            Map<String, NsmResult> cache = new HashMap<>();
            int[] k = start != null ? start.clone() : rk.capacityMatchedSizes();
            NsmResult cur = score(rk, k, cache);
            note(log, String.format(Locale.ROOT, "sigma=%s start K=%s G=%.6f", sigma, Arrays.toString(k), cur.nsm()));
            int n = settings.n();
            int minStep = Math.max(1, n / 512);
            for (int step = Math.max(1, n / 32); step >= minStep; step /= 2) {
                boolean moved = true;
                while (moved) {
                    moved = false;
                    for (int i = 0; i < k.length; i++) {
                        for (int dir = -1; dir <= 1; dir += 2) {
                            while (true) {
                                int[] cand = k.clone();
                                cand[i] += dir * step;
                                if (!feasible(cand, n)) {
                                    break;
                                }
                                NsmResult s = score(rk, cand, cache);
                                if (s.nsm() < cur.nsm()) {
                                    k = cand;
                                    cur = s;
                                    moved = true;
                                    note(log, String.format(Locale.ROOT, "sigma=%s step=%d K=%s G=%.6f", sigma, step,
                                            Arrays.toString(k), cur.nsm()));
                                } else {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
            if (best == null || cur.nsm() < best.nsm()) {
                best = cur;
                bestDesign = rk.design(k, settings.quantizer().listSize(), null)
                        .withOptimizerSeeds(settings.optimizerSeeds());
            }
        }
        return new Result(bestDesign, best, evaluations, log);
    }

    private void note(List<String> log, String line) {
        log.add(line);
        if (progress != null) {
            progress.accept(line);
        }
    }

    private static boolean feasible(int[] k, int n) {
        int prev = 0;
        for (int v : k) {
            if (v < prev || v > n) {
                return false;
            }
            prev = v;
        }
        return true;
    }

    private NsmResult score(LevelRankings rk, int[] k, Map<String, NsmResult> cache) {
        String key = Arrays.toString(k);
        NsmResult r = cache.get(key);
        if (r == null) {
            LatticeRecipe lattice = LatticeRecipe.ofPolar(rk.design(k, settings.quantizer().listSize(), null),
                    settings.quantizer());
            r = engine.estimate(lattice, settings.samples(), settings.seed(), null);
            cache.put(key, r);
            evaluations++;
        }
        return r;
    }
}

package io.latq.bench;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.LocalNsmEngine;
import io.latq.nsm.EvaluationSeeds;
import io.latq.polarlattice.LevelRankings;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.PolarQuantizerOptions;
import io.latq.polarlattice.ShippedDesigns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Does a shipped two-level design gain from single swaps at the boundary of its information sets? The question
 * behind docs/results.md's "what did not work": the optimizer only moves the sizes K_i along the Tal–Vardy
 * rankings, and list-tuned channel-code designs often gain from sets off those rankings.
 *
 * <p>For each level i, the M least reliable members of A_i \ A_(i−1) (by level i's Tal–Vardy order at the design's
 * σ) are swapped one at a time with the M most reliable candidates that keep the sets nested (level 1: members of
 * A_2 \ A_1; level 2: channels outside A_2), and every swapped design is scored by the NSM estimator with the
 * list the design was tuned for, on the same vectors as the shipped design (common random numbers: the printed
 * difference carries far less noise than either estimate). SEED must be an optimizer seed (below 2^20), never an
 * evaluation seed.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.latq.bench.DesignSwapCheck N LIST M SEED VECTORS}
 */
public final class DesignSwapCheck {
    private DesignSwapCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: DesignSwapCheck N LIST M SEED VECTORS");
            System.exit(2);
        }
        int n;
        int list;
        int m;
        long seed;
        long vectors;
        PolarLatticeDesign d;
        try {
            n = Integer.parseInt(args[0]);
            list = Integer.parseInt(args[1]);
            m = Integer.parseInt(args[2]);
            seed = Long.parseLong(args[3]);
            vectors = Long.parseLong(args[4]);
            if (m < 1 || vectors < 2 || !EvaluationSeeds.isOptimizerSeed(seed)) {
                throw new IllegalArgumentException("M must be at least 1, VECTORS at least 2, and SEED an optimizer "
                        + "seed (0 <= SEED < 2^20)");
            }
            d = ShippedDesigns.forN(n, list);
            if (d.levels() != 2) {
                throw new IllegalArgumentException("the shipped design for N=" + n + " has " + d.levels()
                        + " levels; this check handles two");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            System.err.println("DesignSwapCheck: " + e.getMessage());
            System.exit(2);
            return;
        }
        LevelRankings rk = LevelRankings.compute(n, d.sigma(), 2, LevelRankings.Method.TAL_VARDY, 32, 2, 0);
        PolarQuantizerOptions q = d.listSize() > 1 ? PolarQuantizerOptions.list(d.listSize())
                : PolarQuantizerOptions.sc();
        LocalNsmEngine engine = new LocalNsmEngine(Runtime.getRuntime().availableProcessors());
        double base = engine.estimate(LatticeRecipe.ofPolar(d, q), vectors, seed, null).nsm();
        System.out.printf(Locale.ROOT, "design N=%d K=%s sigma=%s list=%d: G=%.7f (seed %d, %d vectors)%n", n,
                d.kString(), d.sigma(), d.listSize(), base, seed, vectors);
        TreeSet<Integer> a1 = set(d.informationSet(1));
        TreeSet<Integer> a2 = set(d.informationSet(2));
        for (int level = 1; level <= 2; level++) {
            int[] order = rk.order(level); // most reliable first
            List<Integer> out = new ArrayList<>();
            List<Integer> in = new ArrayList<>();
            for (int i = order.length - 1; i >= 0 && out.size() < m; i--) {
                int c = order[i];
                if (level == 1 ? a1.contains(c) : a2.contains(c) && !a1.contains(c)) {
                    out.add(c);
                }
            }
            for (int i = 0; i < order.length && in.size() < m; i++) {
                int c = order[i];
                if (level == 1 ? a2.contains(c) && !a1.contains(c) : !a2.contains(c)) {
                    in.add(c);
                }
            }
            for (int o : out) {
                for (int i : in) {
                    TreeSet<Integer> b1 = new TreeSet<>(a1);
                    TreeSet<Integer> b2 = new TreeSet<>(a2);
                    TreeSet<Integer> b = level == 1 ? b1 : b2;
                    b.remove(o);
                    b.add(i);
                    PolarLatticeDesign c = new PolarLatticeDesign(n, d.sigma(), new int[][] {array(b1), array(b2)},
                            null, "swap", d.listSize(), null);
                    double g = engine.estimate(LatticeRecipe.ofPolar(c, q), vectors, seed, null).nsm();
                    System.out.printf(Locale.ROOT, "level %d: -%d +%d  G=%.7f  diff %+.2e%n", level, o, i, g,
                            g - base);
                }
            }
        }
    }

    private static TreeSet<Integer> set(int[] a) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int x : a) {
            s.add(x);
        }
        return s;
    }

    private static int[] array(TreeSet<Integer> s) {
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}

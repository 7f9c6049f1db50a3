package io.latq.polar.construct;

import io.latq.polar.PolarTransform;

/**
 * Tal–Vardy construction (I. Tal and A. Vardy, "How to construct polar codes", IEEE Trans. IT 59(10), 2013): the
 * bit channels are tracked through the polar recursion as discrete BMS channels whose output alphabet is kept at
 * most μ (μ/2 symbol pairs) by greedy merging. Tracking a <em>degraded</em> version gives an upper bound on every
 * bit channel's error probability, tracking an <em>upgraded</em> version a lower bound.
 *
 * <p>Natural order: channel j at one step has children 2j (W^−) and 2j+1 (W^+); the recursion is depth-first with
 * per-depth buffers, so memory is O(μ² log N). Cost O(N μ² log μ) per bound.
 *
 * <p>Reported: lower and upper bounds, the reliability −(upper bound) (ranking by the guaranteed bound, as Tal and
 * Vardy do), and no point estimate.
 */
public final class TalVardyConstruction implements FrozenSetConstruction {

    /** Default fidelity μ (output alphabet size). */
    public static final int DEFAULT_MU = 32;

    /** Default number of |LLR| bins used to quantise a continuous channel before merging down to μ. */
    public static final int DEFAULT_BINS = 4096;

    private final BmsChannel degradedStart;
    private final BmsChannel upgradedStart;
    private final int mu;

    /**
     * @param degradedStart a channel degraded with respect to (or equal to) the true channel
     * @param upgradedStart a channel upgraded with respect to (or equal to) the true channel
     * @param mu            output alphabet size μ, even, ≥ 4
     */
    public TalVardyConstruction(BmsChannel degradedStart, BmsChannel upgradedStart, int mu) {
        checkMu(mu);
        this.degradedStart = degradedStart;
        this.upgradedStart = upgradedStart;
        this.mu = mu;
    }

    /** For an exactly known discrete channel (e.g. {@link BmsChannel#bec}). */
    public static TalVardyConstruction forChannel(BmsChannel channel, int mu) {
        return new TalVardyConstruction(channel, channel, mu);
    }

    /** For a channel given by its LLR distribution, binned into {@code bins} |LLR| intervals first. */
    public static TalVardyConstruction forDensity(LlrDensity density, int mu, int bins) {
        return new TalVardyConstruction(BmsChannel.degradedFrom(density, bins), BmsChannel.upgradedFrom(density, bins),
                mu);
    }

    /** For BI-AWGN with noise standard deviation σ (BPSK ±1). */
    public static TalVardyConstruction forBiAwgn(double sigma, int mu) {
        return forDensity(LlrDensity.biAwgn(sigma), mu, DEFAULT_BINS);
    }

    static void checkMu(int mu) {
        if (mu < 4 || (mu & 1) != 0) {
            throw new IllegalArgumentException("mu must be an even number >= 4, got " + mu);
        }
    }

    /** The fidelity μ. */
    public int mu() {
        return mu;
    }

    @Override
    public String name() {
        return "tv";
    }

    @Override
    public BitChannelReliabilities construct(int n) {
        int m = PolarTransform.log2(n);
        double[] upper = new Recursion(m, mu, true).run(degradedStart);
        double[] lower = new Recursion(m, mu, false).run(upgradedStart);
        double[] rel = new double[n];
        for (int t = 0; t < n; t++) {
            // guard against rounding putting the bounds a hair out of order
            lower[t] = Math.min(lower[t], upper[t]);
            rel[t] = -upper[t];
        }
        return new BitChannelReliabilities(name(), rel, null, lower, upper, null, null, null);
    }

    /** One depth-first pass (degrading or upgrading) producing every bit channel's error probability. */
    private static final class Recursion {
        private final int m;
        private final int pairs;
        private final boolean degrading;
        private final double[][] p;
        private final double[][] e;
        private final TalVardyMerger merger;
        private double[] out;

        Recursion(int m, int mu, boolean degrading) {
            this.m = m;
            this.pairs = mu / 2;
            this.degrading = degrading;
            int cap = pairs * (pairs + 1);
            p = new double[m + 1][cap];
            e = new double[m + 1][cap];
            merger = new TalVardyMerger(cap);
        }

        double[] run(BmsChannel start) {
            out = new double[1 << m];
            double[] p0 = start.masses();
            double[] e0 = start.errorPosteriors();
            TalVardyMerger first = new TalVardyMerger(p0.length);
            int len = first.reduce(p0, e0, p0.length, pairs, degrading);
            System.arraycopy(p0, 0, p[0], 0, len);
            System.arraycopy(e0, 0, e[0], 0, len);
            visit(0, 0, len);
            return out;
        }

        private void visit(int depth, int index, int len) {
            if (depth == m) {
                double s = 0;
                for (int i = 0; i < len; i++) {
                    s += p[depth][i] * e[depth][i];
                }
                out[index] = s;
                return;
            }
            int d1 = depth + 1;
            int l1 = minusTransform(p[depth], e[depth], len, p[d1], e[d1]);
            l1 = merger.reduce(p[d1], e[d1], l1, pairs, degrading);
            visit(d1, 2 * index, l1);
            l1 = plusTransform(p[depth], e[depth], len, p[d1], e[d1]);
            l1 = merger.reduce(p[d1], e[d1], l1, pairs, degrading);
            visit(d1, 2 * index + 1, l1);
        }
    }

    /**
     * W^−: the pair (i, j) gives |LLR| = boxplus and wrong-sign probability e_i + e_j − 2e_ie_j; unordered pairs
     * are emitted once with doubled mass. Returns the number of pairs written.
     */
    static int minusTransform(double[] p, double[] e, int len, double[] po, double[] eo) {
        int c = 0;
        for (int i = 0; i < len; i++) {
            for (int j = i; j < len; j++) {
                double w = (i == j ? 1.0 : 2.0) * p[i] * p[j];
                po[c] = w;
                eo[c] = e[i] + e[j] - 2.0 * e[i] * e[j];
                c++;
            }
        }
        return c;
    }

    /**
     * W^+: the pair (i, j) gives two output pairs, |LLR_i + LLR_j| (both signs right or both wrong) and
     * ||LLR_i| − |LLR_j|| (exactly one wrong), each with its own wrong-sign posterior.
     */
    static int plusTransform(double[] p, double[] e, int len, double[] po, double[] eo) {
        int c = 0;
        for (int i = 0; i < len; i++) {
            for (int j = i; j < len; j++) {
                double w = (i == j ? 1.0 : 2.0) * p[i] * p[j];
                double ei = e[i];
                double ej = e[j];
                double bothRight = (1 - ei) * (1 - ej);
                double bothWrong = ei * ej;
                double s = bothRight + bothWrong;
                if (s > 0) {
                    po[c] = w * s;
                    eo[c] = bothWrong / s;
                    c++;
                }
                double a = ei * (1 - ej);
                double b = (1 - ei) * ej;
                double d = a + b;
                if (d > 0) {
                    po[c] = w * d;
                    eo[c] = Math.min(a, b) / d;
                    c++;
                }
            }
        }
        return c;
    }
}

package io.latq.polar.construct;

import java.util.Arrays;

/**
 * A discrete binary-input memoryless symmetric (BMS) channel, stored as symbol pairs: given x = 0, the receiver sees a
 * pair i with probability {@code mass(i)}, and the sign of its LLR is wrong with probability
 * {@code errorPosterior(i)} = e_i = 1/(1 + e^{|LLR_i|}) ∈ [0, 1/2]. An erasure is e = 1/2; a perfect symbol e = 0.
 * This is the representation Tal &amp; Vardy use ("How to construct polar codes", 2013), written with posteriors
 * instead of (a, b) likelihood pairs because posteriors keep their precision for very reliable symbols.
 *
 * <p>Factories build channels from (probability, LLR) tables, the BEC and BSC, and—through {@link LlrDensity}—any
 * continuous BMS channel, quantised either to a channel it is degraded from ({@link #upgradedFrom}) or to one
 * degraded from it ({@link #degradedFrom}). Immutable.
 */
public final class BmsChannel {

    private final double[] mass;
    private final double[] err;

    private BmsChannel(double[] mass, double[] err) {
        this.mass = mass;
        this.err = err;
    }

    /**
     * From masses and error posteriors e_i ∈ [0, 1/2]; masses are normalised to sum 1.
     *
     * @throws IllegalArgumentException on bad lengths, negative masses, a zero total, or e outside [0, 1/2]
     */
    public static BmsChannel ofErrorPosteriors(double[] mass, double[] err) {
        if (mass.length != err.length || mass.length == 0) {
            throw new IllegalArgumentException("mass and posterior arrays must have the same non-zero length");
        }
        double total = 0;
        for (int i = 0; i < mass.length; i++) {
            if (!(mass[i] >= 0) || !(err[i] >= 0 && err[i] <= 0.5)) {
                throw new IllegalArgumentException("need mass >= 0 and posterior in [0, 1/2] at symbol " + i);
            }
            total += mass[i];
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("total mass must be positive and finite");
        }
        double[] m = new double[mass.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = mass[i] / total;
        }
        return new BmsChannel(m, err.clone());
    }

    /** From pair masses and |LLR| values (≥ 0, +∞ allowed). */
    public static BmsChannel ofPairs(double[] mass, double[] absLlr) {
        double[] e = new double[absLlr.length];
        for (int i = 0; i < e.length; i++) {
            if (!(absLlr[i] >= 0)) {
                throw new IllegalArgumentException("|LLR| must be >= 0, got " + absLlr[i]);
            }
            e[i] = posteriorOf(absLlr[i]);
        }
        return ofErrorPosteriors(mass, e);
    }

    /**
     * From a table of (signed) LLR values and their probabilities given x = 0. The table is folded onto |LLR|
     * (a symmetric channel is determined by the distribution of |LLR|; the sign split follows from the LLR itself).
     */
    public static BmsChannel ofLlrTable(double[] llr, double[] prob) {
        if (llr.length != prob.length) {
            throw new IllegalArgumentException("llr and prob must have the same length");
        }
        double[] abs = new double[llr.length];
        for (int i = 0; i < abs.length; i++) {
            if (Double.isNaN(llr[i])) {
                throw new IllegalArgumentException("LLR must not be NaN");
            }
            abs[i] = Math.abs(llr[i]);
        }
        return ofPairs(prob, abs);
    }

    /** The binary erasure channel BEC(ε). */
    public static BmsChannel bec(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("erasure probability must be in [0,1], got " + epsilon);
        }
        return new BmsChannel(new double[] {epsilon, 1 - epsilon}, new double[] {0.5, 0.0});
    }

    /** The binary symmetric channel BSC(p), p ≤ 1/2. */
    public static BmsChannel bsc(double p) {
        if (!(p >= 0 && p <= 0.5)) {
            throw new IllegalArgumentException("crossover probability must be in [0, 1/2], got " + p);
        }
        return new BmsChannel(new double[] {1.0}, new double[] {p});
    }

    /** e = 1/(1 + e^{|L|}), computed without overflow. */
    static double posteriorOf(double absLlr) {
        return absLlr > 745 ? 0.0 : 1.0 / (1.0 + StrictMath.exp(absLlr));
    }

    /** Bin edges in |LLR|: uniform in the posterior, e_j = (1 − j/B)/2, i.e. λ_j = 2·atanh(j/B); λ_B = ∞. */
    private static double edge(int j, int bins) {
        if (j >= bins) {
            return Double.POSITIVE_INFINITY;
        }
        double r = (double) j / bins;
        return StrictMath.log((1 + r) / (1 - r));
    }

    /** For each |LLR| bin: {mass, wrong-sign mass}; the zero-LLR atom is returned separately in out[bins]. */
    private static double[][] binMasses(LlrDensity d, int bins) {
        double[][] r = new double[bins + 1][2];
        double atom = d.probability(-Double.MIN_VALUE, 0.0);
        for (int j = 0; j < bins; j++) {
            double lo = edge(j, bins);
            double hi = edge(j + 1, bins);
            double pos = d.probability(lo, hi);
            double neg = d.probability(-hi, -lo);
            if (j == 0) {
                neg -= atom; // (−λ1, 0] contains the atom at 0
            }
            neg = Math.max(neg, 0.0);
            r[j][0] = pos + neg;
            r[j][1] = neg;
        }
        r[bins][0] = atom;
        r[bins][1] = 0.5 * atom;
        return r;
    }

    /**
     * A discrete channel that is <em>degraded</em> with respect to the one described by {@code d}: the |LLR| axis
     * is cut into {@code bins} intervals (uniform in the error posterior) and each interval's outputs are merged into
     * one pair carrying their exact total mass and mean posterior. Merging outputs is a degradation, so bit-channel
     * error probabilities computed from it are upper bounds (up to the accuracy of {@code d}).
     */
    public static BmsChannel degradedFrom(LlrDensity d, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        double[][] b = binMasses(d, bins);
        double[] mass = new double[bins + 1];
        double[] e = new double[bins + 1];
        for (int j = 0; j <= bins; j++) {
            mass[j] = b[j][0];
            e[j] = b[j][0] > 0 ? Math.min(0.5, b[j][1] / b[j][0]) : 0.5;
        }
        return ofErrorPosteriors(mass, e);
    }

    /**
     * A discrete channel from which the one described by {@code d} is degraded: every output whose |LLR| lies in
     * [λ_j, λ_{j+1}] is a mixture of the two end points, so each bin's mass is split between posteriors e(λ_j) and
     * e(λ_{j+1}) in the proportion that reproduces the bin's mean posterior (the last bin ends at |LLR| = ∞, a
     * perfect symbol). Bit-channel error probabilities computed from it are lower bounds.
     */
    public static BmsChannel upgradedFrom(LlrDensity d, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        double[][] b = binMasses(d, bins);
        double[] mass = new double[bins + 2];
        double[] e = new double[bins + 2];
        for (int j = 0; j <= bins; j++) {
            e[j] = j == 0 ? 0.5 : posteriorOf(edge(j, bins));
        }
        e[bins + 1] = 0.5; // the zero-LLR atom
        mass[bins + 1] = b[bins][0];
        for (int j = 0; j < bins; j++) {
            double total = b[j][0];
            if (!(total > 0)) {
                continue;
            }
            double mean = b[j][1] / total;
            double eLo = e[j];      // posterior at the bin's smaller |LLR|
            double eHi = e[j + 1];  // posterior at its larger |LLR|
            double theta = eLo > eHi ? (mean - eHi) / (eLo - eHi) : 0.5;
            theta = Math.max(0.0, Math.min(1.0, theta));
            mass[j] += theta * total;
            mass[j + 1] += (1 - theta) * total;
        }
        return ofErrorPosteriors(mass, e);
    }

    /** Number of symbol pairs. */
    public int size() {
        return mass.length;
    }

    /** Probability of pair i given x = 0. */
    public double mass(int i) {
        return mass[i];
    }

    /** Probability that pair i's LLR has the wrong sign, e_i ∈ [0, 1/2]. */
    public double errorPosterior(int i) {
        return err[i];
    }

    /** |LLR| of pair i: log((1 − e_i)/e_i). */
    public double absLlr(int i) {
        return err[i] == 0 ? Double.POSITIVE_INFINITY : StrictMath.log((1 - err[i]) / err[i]);
    }

    /** Masses (copy). */
    public double[] masses() {
        return mass.clone();
    }

    /** Error posteriors (copy). */
    public double[] errorPosteriors() {
        return err.clone();
    }

    /** ML bit-error probability Σ π_i e_i (erasures count as half an error). */
    public double errorProbability() {
        double s = 0;
        for (int i = 0; i < mass.length; i++) {
            s += mass[i] * err[i];
        }
        return s;
    }

    /** Bhattacharyya parameter Σ π_i · 2·sqrt(e_i(1 − e_i)). */
    public double bhattacharyya() {
        double s = 0;
        for (int i = 0; i < mass.length; i++) {
            s += mass[i] * 2 * Math.sqrt(err[i] * (1 - err[i]));
        }
        return s;
    }

    /** Symmetric capacity in bits: Σ π_i (1 − h2(e_i)). */
    public double capacity() {
        double s = 0;
        for (int i = 0; i < mass.length; i++) {
            s += mass[i] * (1 - TalVardyMerger.h(err[i]));
        }
        return s;
    }

    /** The exact check-node channel W^− (size grows to n(n+1)/2 before duplicate posteriors are joined). */
    public BmsChannel minus() {
        int n = size();
        double[] p = new double[n * (n + 1) / 2];
        double[] e = new double[p.length];
        int len = TalVardyConstruction.minusTransform(mass, err, n, p, e);
        return compact(p, e, len);
    }

    /** The exact variable-node channel W^+ (size grows to n(n+1) before duplicate posteriors are joined). */
    public BmsChannel plus() {
        int n = size();
        double[] p = new double[n * (n + 1)];
        double[] e = new double[p.length];
        int len = TalVardyConstruction.plusTransform(mass, err, n, p, e);
        return compact(p, e, len);
    }

    /** A degraded version with at most μ/2 pairs (Tal–Vardy greedy degrading merges). */
    public BmsChannel degradeTo(int mu) {
        return merged(mu, true);
    }

    /** An upgraded version with at most μ/2 pairs (Tal–Vardy greedy upgrading merges). */
    public BmsChannel upgradeTo(int mu) {
        return merged(mu, false);
    }

    private BmsChannel merged(int mu, boolean degrading) {
        TalVardyConstruction.checkMu(mu);
        double[] p = mass.clone();
        double[] e = err.clone();
        int len = new TalVardyMerger(p.length).reduce(p, e, p.length, mu / 2, degrading);
        return new BmsChannel(Arrays.copyOf(p, len), Arrays.copyOf(e, len));
    }

    private static BmsChannel compact(double[] p, double[] e, int len) {
        int c = new TalVardyMerger(len).reduce(p, e, len, Math.max(len, 2), true);
        return new BmsChannel(Arrays.copyOf(p, c), Arrays.copyOf(e, c));
    }

    @Override
    public String toString() {
        return "BmsChannel(" + size() + " pairs, Pe=" + errorProbability() + ", C=" + capacity() + ")";
    }
}

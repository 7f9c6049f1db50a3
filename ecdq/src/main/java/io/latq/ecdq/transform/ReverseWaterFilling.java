package io.latq.ecdq.transform;

import java.util.Arrays;

/**
 * Reverse water-filling over independent Gaussian components (Cover &amp; Thomas, Elements of Information Theory,
 * 2nd ed., Theorem 10.3.3; see also docs/theory.md, "Sources with memory").
 *
 * <p>Component k has variance σ_k² and weight w_k ≥ 0 (a multiplicity: the number of samples that share this
 * variance, e.g. a band size). With W = Σ w_k, for a water level θ:
 * <pre>
 *   D_k = min(θ, σ_k²)                     D(θ) = Σ w_k·D_k / W                (mean distortion per sample)
 *   R_k = max(0, ½·log2(σ_k²/θ))           R(θ) = Σ w_k·R_k / W                (bits per sample)
 * </pre>
 * {@link #solve} finds θ with D(θ) = D exactly (up to rounding) by the sorted-prefix closed form: with the
 * variances sorted ascending, on the segment σ_{j−1}² ≤ θ ≤ σ_j² one has W·D(θ) = P_j + θ·Q_j where
 * P_j = Σ_{i&lt;j} w_i σ_i² and Q_j = Σ_{i≥j} w_i, so θ = (W·D − P_j)/Q_j on the first segment where this value does
 * not exceed σ_j². {@link #solveForRate} inverts R(θ) the same way: with the set A = {k : σ_k² &gt; θ} fixed,
 * log2 θ = (Σ_A w_k log2 σ_k² − 2·W·R) / Σ_A w_k.
 *
 * <p>Edge cases: D ≥ the mean variance gives zero rate with θ = max σ_k² and the achieved distortion equal to the
 * mean variance (not D); zero-variance (and zero-weight) components are allowed and cost nothing; D ≤ 0, NaN or
 * infinite inputs, negative variances or weights, and an all-zero weight vector are rejected.
 *
 * <p>Deterministic: sums run in a fixed order (ascending variance, ties by index, for the solve; index order for
 * rate and distortion), logarithms use {@link StrictMath#log}.
 */
public final class ReverseWaterFilling {
    static final double LN2 = StrictMath.log(2.0);

    private ReverseWaterFilling() {
    }

    /** The result of a reverse water-filling solve. */
    public static final class Solution {
        private final double theta;
        private final double distortion;
        private final double rate;
        private final double[] componentDistortions;
        private final double[] componentRates;

        Solution(double theta, double distortion, double rate, double[] componentDistortions,
                 double[] componentRates) {
            this.theta = theta;
            this.distortion = distortion;
            this.rate = rate;
            this.componentDistortions = componentDistortions;
            this.componentRates = componentRates;
        }

        /** Water level θ. */
        public double theta() {
            return theta;
        }

        /**
         * Achieved mean distortion Σ w_k min(θ, σ_k²) / W (equals the target unless the target exceeds the mean
         * variance).
         */
        public double distortion() {
            return distortion;
        }

        /** Rate R = Σ w_k max(0, ½log2(σ_k²/θ)) / W in bits per sample. */
        public double rate() {
            return rate;
        }

        /** D_k = min(θ, σ_k²), per component (a copy). */
        public double[] componentDistortions() {
            return componentDistortions.clone();
        }

        /** R_k = max(0, ½log2(σ_k²/θ)) in bits per sample of component k (a copy); 0 means "not coded". */
        public double[] componentRates() {
            return componentRates.clone();
        }

        /** Whether component k is coded at all (σ_k² &gt; θ). */
        public boolean isCoded(int k) {
            return componentRates[k] > 0.0;
        }

        @Override
        public String toString() {
            return "Solution[theta=" + theta + ", D=" + distortion + ", R=" + rate + " b/sample]";
        }
    }

    /** Equal weights. */
    public static Solution solve(double[] variances, double distortion) {
        return solve(variances, ones(variances.length), distortion);
    }

    /**
     * Solves Σ w_k min(θ, σ_k²) / Σ w_k = D for θ and returns θ, the D_k, R_k and R.
     *
     * @param variances  σ_k² ≥ 0
     * @param weights    w_k ≥ 0, not all zero
     * @param distortion target mean distortion D &gt; 0
     */
    public static Solution solve(double[] variances, double[] weights, double distortion) {
        check(variances, weights);
        if (!(distortion > 0.0) || Double.isInfinite(distortion)) {
            throw new IllegalArgumentException("target distortion must be positive and finite, got " + distortion);
        }
        int n = variances.length;
        Integer[] order = ascending(variances);
        double total = 0.0;
        double energy = 0.0;
        for (int k = 0; k < n; k++) {
            total += weights[k];
            energy += weights[k] * variances[k];
        }
        double target = distortion * total;
        double theta;
        if (target >= energy) {
            theta = variances[order[n - 1]];
        } else {
            theta = Double.NaN;
            double prefix = 0.0;          // P_j
            double remaining = total;     // Q_j
            double lower = 0.0;
            for (int j = 0; j < n; j++) {
                int k = order[j];
                double v = variances[k];
                if (remaining > 0.0) {
                    double candidate = (target - prefix) / remaining;
                    if (candidate <= v) {
                        theta = Math.min(Math.max(candidate, lower), v);
                        break;
                    }
                }
                prefix += weights[k] * v;
                remaining -= weights[k];
                lower = v;
            }
            if (Double.isNaN(theta)) {   // rounding: target just below energy
                theta = variances[order[n - 1]];
            }
        }
        return evaluate(variances, weights, theta, total);
    }

    /**
     * Solves R(θ) = rate for θ (the inverse problem: best distortion at a given rate).
     *
     * @param rate target rate in bits per sample, ≥ 0; 0 returns the zero-rate solution
     */
    public static Solution solveForRate(double[] variances, double[] weights, double rate) {
        check(variances, weights);
        if (!(rate >= 0.0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("target rate must be non-negative and finite, got " + rate);
        }
        int n = variances.length;
        Integer[] order = ascending(variances);
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            total += weights[k];
        }
        double theta = variances[order[n - 1]];
        if (rate > 0.0 && theta > 0.0) {
            // walk from the largest variance down; A = {order[j..n)} with positive variance
            double sumW = 0.0;
            double sumWLog = 0.0;
            double target = 2.0 * rate * total;
            for (int j = n - 1; j >= 0; j--) {
                int k = order[j];
                double v = variances[k];
                if (!(v > 0.0)) {
                    break;
                }
                sumW += weights[k];
                sumWLog += weights[k] * (StrictMath.log(v) / LN2);
                if (sumW <= 0.0) {
                    continue;
                }
                double log2Theta = (sumWLog - target) / sumW;
                double next = j > 0 ? variances[order[j - 1]] : 0.0;
                double candidate = StrictMath.pow(2.0, log2Theta);
                if (candidate >= next || j == 0) {
                    theta = Math.min(Math.max(candidate, next), v);
                    break;
                }
            }
        }
        return evaluate(variances, weights, theta, total);
    }

    /** R(θ) = Σ w_k max(0, ½log2(σ_k²/θ)) / Σ w_k in bits per sample. */
    public static double rate(double[] variances, double[] weights, double theta) {
        check(variances, weights);
        double total = 0.0;
        double sum = 0.0;
        for (int k = 0; k < variances.length; k++) {
            total += weights[k];
            sum += weights[k] * componentRate(variances[k], theta);
        }
        return sum / total;
    }

    /** D(θ) = Σ w_k min(θ, σ_k²) / Σ w_k. */
    public static double distortion(double[] variances, double[] weights, double theta) {
        check(variances, weights);
        double total = 0.0;
        double sum = 0.0;
        for (int k = 0; k < variances.length; k++) {
            total += weights[k];
            sum += weights[k] * Math.min(theta, variances[k]);
        }
        return sum / total;
    }

    /** max(0, ½·log2(σ²/θ)). */
    public static double componentRate(double variance, double theta) {
        if (!(variance > theta)) {
            return 0.0;
        }
        return 0.5 * (StrictMath.log(variance / theta) / LN2);
    }

    private static Solution evaluate(double[] variances, double[] weights, double theta, double total) {
        int n = variances.length;
        double[] dk = new double[n];
        double[] rk = new double[n];
        double d = 0.0;
        double r = 0.0;
        for (int k = 0; k < n; k++) {
            dk[k] = Math.min(theta, variances[k]);
            rk[k] = componentRate(variances[k], theta);
            d += weights[k] * dk[k];
            r += weights[k] * rk[k];
        }
        return new Solution(theta, d / total, r / total, dk, rk);
    }

    private static Integer[] ascending(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(v[a], v[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    private static void check(double[] variances, double[] weights) {
        if (variances.length == 0 || variances.length != weights.length) {
            throw new IllegalArgumentException("need equally many (≥ 1) variances and weights, got "
                    + variances.length + " and " + weights.length);
        }
        double total = 0.0;
        for (int k = 0; k < variances.length; k++) {
            if (!(variances[k] >= 0.0) || Double.isInfinite(variances[k])) {
                throw new IllegalArgumentException("variance " + k + " must be finite and ≥ 0, got " + variances[k]);
            }
            if (!(weights[k] >= 0.0) || Double.isInfinite(weights[k])) {
                throw new IllegalArgumentException("weight " + k + " must be finite and ≥ 0, got " + weights[k]);
            }
            total += weights[k];
        }
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
    }
}

package io.latq.polar.construct;

import org.apache.commons.math3.special.Erf;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A BMS channel described by the distribution of its LLR L = log W(y|0)/W(y|1) given that x = 0 was sent. For a
 * symmetric channel this distribution determines the channel up to equivalence, so it is all that Tal–Vardy
 * quantization ({@link BmsChannel#degradedFrom}, {@link BmsChannel#upgradedFrom}) needs.
 */
@FunctionalInterface
public interface LlrDensity {

    /** P(lo &lt; L ≤ hi | x = 0), for lo ≤ hi (either may be infinite). */
    double probability(double lo, double hi);

    /**
     * BI-AWGN with BPSK ±1 and noise standard deviation σ: L = 2y/σ² ~ N(2/σ², 4/σ²). Probabilities are computed
     * from erfc on the tail that keeps precision.
     */
    static LlrDensity biAwgn(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a positive finite number, got " + sigma);
        }
        double mean = 2.0 / (sigma * sigma);
        double sd = 2.0 / sigma;
        return (lo, hi) -> normalProbability((lo - mean) / sd, (hi - mean) / sd);
    }

    /** P(a &lt; Z ≤ b) for a standard normal Z, accurate in both tails. */
    static double normalProbability(double a, double b) {
        if (!(a < b)) {
            return 0.0;
        }
        double r2 = Math.sqrt(2.0);
        if (a >= 0) {
            return 0.5 * (Erf.erfc(a / r2) - Erf.erfc(b / r2));
        }
        if (b <= 0) {
            return 0.5 * (Erf.erfc(-b / r2) - Erf.erfc(-a / r2));
        }
        return 1.0 - 0.5 * Erf.erfc(-a / r2) - 0.5 * Erf.erfc(b / r2);
    }

    /**
     * A channel given by the density of its output y for x = 0 and the LLR function of y, integrated numerically:
     * [lo, hi] is cut into {@code cells} equal cells, each treated as one output with LLR taken at its midpoint and
     * probability pdf(midpoint)·width (then normalised). Use it for channels without a closed form, e.g. the
     * mod-2 Gaussian level channel of a polar lattice (y over one period [0, 2)). The result is an approximation
     * whose error shrinks with the number of cells; the Tal–Vardy bounds built on it are bounds for this
     * discretised channel.
     *
     * @param pdfGivenZero density of y given x = 0
     * @param llrOfY       LLR log W(y|0)/W(y|1)
     */
    static LlrDensity fromOutputDensity(DoubleUnaryOperator pdfGivenZero, DoubleUnaryOperator llrOfY, double lo,
                                        double hi, int cells) {
        if (!(hi > lo) || cells < 1) {
            throw new IllegalArgumentException("need hi > lo and cells >= 1");
        }
        double[] llr = new double[cells];
        double[] mass = new double[cells];
        double w = (hi - lo) / cells;
        double total = 0;
        for (int i = 0; i < cells; i++) {
            double y = lo + (i + 0.5) * w;
            llr[i] = llrOfY.applyAsDouble(y);
            mass[i] = pdfGivenZero.applyAsDouble(y) * w;
            if (!(mass[i] >= 0) || Double.isNaN(llr[i])) {
                throw new IllegalArgumentException("density must be >= 0 and LLR not NaN (at y = " + y + ")");
            }
            total += mass[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("density integrates to 0 over [" + lo + ", " + hi + "]");
        }
        return fromTable(llr, mass);
    }

    /**
     * A discrete LLR distribution: value {@code llr[i]} with probability proportional to {@code prob[i]} (given x = 0).
     */
    static LlrDensity fromTable(double[] llr, double[] prob) {
        if (llr.length != prob.length || llr.length == 0) {
            throw new IllegalArgumentException("llr and prob must have the same non-zero length");
        }
        int n = llr.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(llr[a], llr[b]));
        double[] sortedLlr = new double[n];
        double[] prefix = new double[n + 1];
        double total = 0;
        for (double p : prob) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("probabilities must be >= 0");
            }
            total += p;
        }
        for (int i = 0; i < n; i++) {
            sortedLlr[i] = llr[idx[i]];
            prefix[i + 1] = prefix[i] + prob[idx[i]] / total;
        }
        return (a, b) -> {
            if (!(a < b)) {
                return 0.0;
            }
            return prefix[upperIndex(sortedLlr, b)] - prefix[upperIndex(sortedLlr, a)];
        };
    }

    /** Number of entries ≤ v in a sorted array. */
    private static int upperIndex(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

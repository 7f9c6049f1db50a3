package io.latq.polar.construct;

import io.latq.polar.FrozenSet;

import java.util.Arrays;

/**
 * The result of a frozen-set construction for block length N: one reliability value per bit channel u_t (larger =
 * more reliable; the ordering key) and, where the method provides them, per-channel estimates and bounds.
 *
 * <p>Reliability order and information set: positions are ranked by decreasing reliability; equal reliabilities are
 * ranked by <em>larger index first</em> (in natural order a larger index tends to be the better channel, and the rule
 * is deterministic). The information set of size K is the first K positions of that order.
 *
 * <p>Optional arrays (null when the method does not give them): bit-error probability estimate, lower and upper
 * bounds on the bit-channel error probability (ties counted as half an error), standard errors of Monte Carlo
 * estimates, and the conditional entropy H(U_t | Y, U^{t−1}) in bits. Immutable; getters return copies.
 */
public final class BitChannelReliabilities {

    private final String method;
    private final double[] reliability;
    private final double[] errorProbability;
    private final double[] errorLowerBound;
    private final double[] errorUpperBound;
    private final double[] errorStdError;
    private final double[] entropy;
    private final double[] entropyStdError;
    private final int[] order;

    /**
     * @param method           short method name (e.g. {@code ga})
     * @param reliability      per-channel reliability, larger = better, no NaN
     * @param errorProbability estimate/exact error probability, or null
     * @param errorLowerBound  lower bound on the error probability, or null
     * @param errorUpperBound  upper bound on the error probability, or null
     * @param errorStdError    standard error of {@code errorProbability}, or null
     * @param entropy          H(U_t | Y, U^{t−1}) in bits, or null
     * @param entropyStdError  standard error of {@code entropy}, or null
     */
    public BitChannelReliabilities(String method, double[] reliability, double[] errorProbability,
                                   double[] errorLowerBound, double[] errorUpperBound, double[] errorStdError,
                                   double[] entropy, double[] entropyStdError) {
        int n = reliability.length;
        for (double[] a : new double[][] {errorProbability, errorLowerBound, errorUpperBound, errorStdError, entropy,
            entropyStdError}) {
            if (a != null && a.length != n) {
                throw new IllegalArgumentException("all per-channel arrays must have length " + n);
            }
        }
        for (double r : reliability) {
            if (Double.isNaN(r)) {
                throw new IllegalArgumentException("reliability must not be NaN");
            }
        }
        this.method = method;
        this.reliability = reliability.clone();
        this.errorProbability = copy(errorProbability);
        this.errorLowerBound = copy(errorLowerBound);
        this.errorUpperBound = copy(errorUpperBound);
        this.errorStdError = copy(errorStdError);
        this.entropy = copy(entropy);
        this.entropyStdError = copy(entropyStdError);
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(this.reliability[b], this.reliability[a]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
        }
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    /** The method name. */
    public String method() {
        return method;
    }

    /** Block length N. */
    public int n() {
        return reliability.length;
    }

    /** Reliability per bit channel (larger = more reliable). */
    public double[] reliability() {
        return reliability.clone();
    }

    /** Error-probability estimate (or exact value) per bit channel, or null. */
    public double[] errorProbability() {
        return copy(errorProbability);
    }

    /** Lower bound on each bit channel's error probability, or null. */
    public double[] errorLowerBound() {
        return copy(errorLowerBound);
    }

    /** Upper bound on each bit channel's error probability, or null. */
    public double[] errorUpperBound() {
        return copy(errorUpperBound);
    }

    /** Standard error of the error-probability estimate, or null. */
    public double[] errorStdError() {
        return copy(errorStdError);
    }

    /** H(U_t | Y, U^{t−1}) in bits per bit channel, or null. */
    public double[] entropy() {
        return copy(entropy);
    }

    /** Standard error of the entropy estimate, or null. */
    public double[] entropyStdError() {
        return copy(entropyStdError);
    }

    /** All positions, most reliable first (ties: larger index first). */
    public int[] order() {
        return order.clone();
    }

    /**
     * The K most reliable positions, sorted ascending.
     *
     * @throws IllegalArgumentException unless 0 ≤ K ≤ N
     */
    public int[] informationSet(int k) {
        if (k < 0 || k > n()) {
            throw new IllegalArgumentException("K must be in 0..N = " + n() + ", got " + k);
        }
        int[] a = Arrays.copyOf(order, k);
        Arrays.sort(a);
        return a;
    }

    /** The frozen mask (true = frozen) of the code with the K most reliable positions free. */
    public boolean[] frozenMask(int k) {
        boolean[] f = new boolean[n()];
        Arrays.fill(f, true);
        for (int t : informationSet(k)) {
            f[t] = false;
        }
        return f;
    }

    /** The frozen set of dimension K, carrying the full reliability order and values. */
    public FrozenSet toFrozenSet(int k, String channel) {
        return new FrozenSet(n(), informationSet(k), order, reliability, method, channel);
    }
}

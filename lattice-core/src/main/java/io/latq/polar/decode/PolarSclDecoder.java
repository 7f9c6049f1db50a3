package io.latq.polar.decode;

import io.latq.polar.Crc;
import io.latq.polar.PolarTransform;
import io.latq.polar.list.LeafCost;
import io.latq.polar.list.ListNodes;
import io.latq.polar.list.SclCore;
import io.latq.polarlattice.CheckNodeKernel;

/**
 * Successive-cancellation list decoder (Tal &amp; Vardy, "List decoding of polar codes", IEEE Trans. IT 2015) with
 * LLR-based path metrics (Balatsoukas-Stimming, Bastani Parizi &amp; Burg, IEEE Trans. SP 2015), natural order, with
 * optional CRC-aided selection.
 *
 * <p>The list search is latq's shared {@link SclCore} with {@link LeafCost#LLR_DISAGREEMENT} (a path's metric grows
 * by |λ| when its bit disagrees with hard(λ)) and {@link ListNodes#LEAVES} (every leaf visited): the L best
 * extensions of every path survive each information bit, ties broken in favour of the hard decision, then by lower
 * path slot. With min-sum the metric of a complete path equals Σ_i [x_i ≠ hard(llr_i)]·|llr_i|, the ML (correlation)
 * metric on the channel LLRs, so with L ≥ 2^K the decoder is an ML decoder. Each path carries its integer partial
 * sums c = u·F^{⊗m} over Z; the codeword is x = c mod 2 and u = x·F^{⊗m} over GF(2).
 *
 * <p>Optional CRC: the last c information bits (largest indices) carry the CRC of the other information bits;
 * {@link #decode} returns the best path passing the CRC, or the best path if none passes.
 *
 * <p>Not thread-safe; one instance per thread. No allocation per decode.
 */
public final class PolarSclDecoder implements PolarDecoder {

    private final int n;
    private final SclCore core;
    private final Crc crc;
    private final int[] informationSet;
    private final byte[] infoScratch;
    private final double[] startMetric = {0.0};
    private final byte[][] candU;
    private final byte[][] candX;
    private final double[] candMetric;

    /** SCL without CRC, frozen bits 0. */
    public PolarSclDecoder(boolean[] frozen, int listSize, CheckNodeKernel rule) {
        this(frozen, null, listSize, rule, null);
    }

    /**
     * @param frozen       frozen mask (true = frozen), length N = 2^m, N ≥ 2
     * @param frozenValues frozen values (length N) or null for 0
     * @param listSize     L ≥ 1
     * @param rule         check-node rule
     * @param crc          CRC carried by the last information bits, or null
     */
    public PolarSclDecoder(boolean[] frozen, byte[] frozenValues, int listSize, CheckNodeKernel rule, Crc crc) {
        this.core = new SclCore(frozen, frozenValues, listSize, rule, LeafCost.LLR_DISAGREEMENT, ListNodes.LEAVES);
        this.n = frozen.length;
        int k = 0;
        for (boolean f : frozen) {
            if (!f) {
                k++;
            }
        }
        this.informationSet = new int[k];
        for (int t = 0, j = 0; t < n; t++) {
            if (!frozen[t]) {
                informationSet[j++] = t;
            }
        }
        if (crc != null && crc.length() > k) {
            throw new IllegalArgumentException("CRC of " + crc.length() + " bits does not fit in K = " + k);
        }
        this.crc = crc;
        this.infoScratch = new byte[k];
        this.candU = new byte[listSize][n];
        this.candX = new byte[listSize][n];
        this.candMetric = new double[listSize];
    }

    @Override
    public int n() {
        return n;
    }

    /** The list size L. */
    public int listSize() {
        return core.listSize();
    }

    /** The CRC in use, or null. */
    public Crc crc() {
        return crc;
    }

    /**
     * Decodes and writes the selected path: with a CRC the best-metric path whose CRC checks (the best path if none
     * does), otherwise the best-metric path.
     *
     * @return its path metric
     */
    @Override
    public double decode(double[] llr, byte[] u, byte[] x) {
        int count = run(llr);
        int pick = 0;
        if (crc != null) {
            for (int j = 0; j < count; j++) {
                if (crcHolds(candU[j])) {
                    pick = j;
                    break;
                }
            }
        }
        System.arraycopy(candU[pick], 0, u, 0, n);
        System.arraycopy(candX[pick], 0, x, 0, n);
        return candMetric[pick];
    }

    /**
     * Decodes and returns every surviving candidate, best metric first (ties: lower internal slot first).
     *
     * @param llr     channel LLRs, length N
     * @param us      at least L arrays of length N receiving the candidates' u
     * @param xs      at least L arrays of length N receiving the candidates' codewords (or null)
     * @param metrics at least L entries receiving the path metrics
     * @return the number of candidates written (≤ L; fewer when 2^K &lt; L)
     */
    public int decodeList(double[] llr, byte[][] us, byte[][] xs, double[] metrics) {
        int count = run(llr);
        for (int j = 0; j < count; j++) {
            System.arraycopy(candU[j], 0, us[j], 0, n);
            if (xs != null) {
                System.arraycopy(candX[j], 0, xs[j], 0, n);
            }
            metrics[j] = candMetric[j];
        }
        return count;
    }

    /** True iff the CRC (if any) holds for the information bits of u; always true without a CRC. */
    public boolean crcHolds(byte[] u) {
        if (crc == null) {
            return true;
        }
        for (int j = 0; j < informationSet.length; j++) {
            infoScratch[j] = u[informationSet[j]];
        }
        return crc.check(infoScratch, informationSet.length);
    }

    /** Runs the list search; candidate j (best metric first) is left in candU[j], candX[j], candMetric[j]. */
    private int run(double[] llr) {
        if (llr.length != n) {
            throw new IllegalArgumentException("LLR length " + llr.length + " != N = " + n);
        }
        System.arraycopy(llr, 0, core.inputLlr(), 0, n);
        int count = core.decode(1, startMetric);
        for (int j = 0; j < count; j++) {
            int[] c = core.codeword(j);
            byte[] x = candX[j];
            for (int i = 0; i < n; i++) {
                x[i] = (byte) (c[i] & 1);
            }
            System.arraycopy(x, 0, candU[j], 0, n);
            PolarTransform.transformGf2(candU[j]);
            candMetric[j] = core.metric(j);
        }
        return count;
    }
}

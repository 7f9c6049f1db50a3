package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.Crc;
import io.latq.polar.Llr;
import io.latq.polar.PolarTransform;

/**
 * Successive-cancellation list decoder (Tal &amp; Vardy, "List decoding of polar codes", IEEE Trans. IT 2015) with
 * LLR-based path metrics (Balatsoukas-Stimming, Bastani Parizi &amp; Burg, IEEE Trans. SP 2015), natural order.
 *
 * <p>Every path runs SC; at each leaf t with decision LLR λ a path's metric grows by |λ| if the bit disagrees with
 * hard(λ). At an information leaf each path is extended both ways and the L best of the candidates (smallest
 * metric; ties broken in favour of the hard decision, then by lower path slot) survive. With min-sum the metric of a
 * complete path equals
 * Σ_i [x_i ≠ hard(llr_i)]·|llr_i|, the ML (correlation) metric on the channel LLRs, so with L ≥ 2^K the decoder is
 * an ML decoder.
 *
 * <p>Lazy copying (Tal &amp; Vardy): for every level s (node size 2^s, s = 0..m−1) there are L LLR arrays of length
 * 2^s and L partial-sum arrays of length 2·2^s (left and right child codewords of the current level-(s+1) node).
 * Paths refer to arrays by index with reference counts; a path clones in O(m) by sharing, and an array is copied
 * only when a path writes to a shared one (then only the left-child column, the one part still needed).
 * Decisions are recorded per leaf together with the slot each surviving path came from, so the u vectors are
 * recovered by tracing back at the end instead of being copied on every split.
 *
 * <p>Optional CRC: the last c information bits (largest indices) carry the CRC of the other information bits;
 * {@link #decode} returns the best path passing the CRC, or the best path if none passes.
 *
 * <p>Not thread-safe; one instance per thread. No allocation per decode.
 */
final class ReferencePolarSclDecoder implements PolarDecoder {

    private final int n;
    private final int m;
    private final int listSize;
    private final boolean[] frozen;
    private final byte[] frozenValues;
    private final CheckNodeKernel rule;
    private final Crc crc;
    private final int[] informationSet;

    // lazy-copy storage, per level s in 0..m-1
    private final double[][] llrs;        // [s][k << s .. (k+1) << s)
    private final byte[][] sums;          // [s][k << (s+1) .. (k+1) << (s+1)), left column then right column
    private final int[][] pathToArray;    // [s][path]
    private final int[][] refCount;       // [s][array]
    private final int[][] freeArrays;     // [s][stack]
    private final int[] freeArrayTop;     // [s]

    // paths
    private final boolean[] active;
    private final int[] freePaths;
    private int freePathTop;
    private final double[] pathMetric;
    private final byte[] bitAt;           // [t * L + path]
    private final int[] originAt;         // [t * L + path]: path slot at leaf t−1 this one descends from

    // candidate selection scratch
    private final double[] candMetric;
    private final int[] candOrder;
    private final double[] leafLlr;
    private final boolean[] keep0;
    private final boolean[] keep1;

    // per-decode results
    private final byte[][] candU;
    private final byte[][] candX;
    private final double[] candPathMetric;
    private final int[] finalOrder;
    private final byte[] infoScratch;
    private double[] channel;

    /** SCL without CRC, frozen bits 0. */
    public ReferencePolarSclDecoder(boolean[] frozen, int listSize, CheckNodeKernel rule) {
        this(frozen, null, listSize, rule, null);
    }

    /**
     * @param frozen       frozen mask (true = frozen), length N = 2^m, N ≥ 2
     * @param frozenValues frozen values (length N) or null for 0
     * @param listSize     L ≥ 1
     * @param rule         check-node rule
     * @param crc          CRC carried by the last information bits, or null
     */
    ReferencePolarSclDecoder(boolean[] frozen, byte[] frozenValues, int listSize, CheckNodeKernel rule, Crc crc) {
        this.n = frozen.length;
        this.m = PolarTransform.log2(n);
        if (n < 2) {
            throw new IllegalArgumentException("SCL needs N >= 2");
        }
        if (listSize < 1) {
            throw new IllegalArgumentException("list size must be >= 1, got " + listSize);
        }
        if (frozenValues != null && frozenValues.length != n) {
            throw new IllegalArgumentException("frozen values length " + frozenValues.length + " != N = " + n);
        }
        this.listSize = listSize;
        this.frozen = frozen.clone();
        this.frozenValues = new byte[n];
        if (frozenValues != null) {
            for (int t = 0; t < n; t++) {
                this.frozenValues[t] = frozen[t] ? (byte) (frozenValues[t] & 1) : 0;
            }
        }
        this.rule = rule;
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

        int L = listSize;
        llrs = new double[m][];
        sums = new byte[m][];
        pathToArray = new int[m][L];
        refCount = new int[m][L];
        freeArrays = new int[m][L];
        freeArrayTop = new int[m];
        for (int s = 0; s < m; s++) {
            llrs[s] = new double[L << s];
            sums[s] = new byte[L << (s + 1)];
        }
        active = new boolean[L];
        freePaths = new int[L];
        pathMetric = new double[L];
        bitAt = new byte[n * L];
        originAt = new int[n * L];
        candMetric = new double[2 * L];
        candOrder = new int[2 * L];
        leafLlr = new double[L];
        keep0 = new boolean[L];
        keep1 = new boolean[L];
        candU = new byte[L][n];
        candX = new byte[L][n];
        candPathMetric = new double[L];
        finalOrder = new int[L];
        infoScratch = new byte[k];
    }

    @Override
    public int n() {
        return n;
    }

    /** The list size L. */
    public int listSize() {
        return listSize;
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
        int pick = finalOrder[0];
        if (crc != null) {
            for (int j = 0; j < count; j++) {
                if (crcHolds(candU[finalOrder[j]])) {
                    pick = finalOrder[j];
                    break;
                }
            }
        }
        System.arraycopy(candU[pick], 0, u, 0, n);
        System.arraycopy(candX[pick], 0, x, 0, n);
        return candPathMetric[pick];
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
            int p = finalOrder[j];
            System.arraycopy(candU[p], 0, us[j], 0, n);
            if (xs != null) {
                System.arraycopy(candX[p], 0, xs[j], 0, n);
            }
            metrics[j] = candPathMetric[p];
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

    // ---------------------------------------------------------------------------------------------------------------

    private int run(double[] llr) {
        if (llr.length != n) {
            throw new IllegalArgumentException("LLR length " + llr.length + " != N = " + n);
        }
        channel = llr;
        reset();
        for (int t = 0; t < n; t++) {
            for (int l = 0; l < listSize; l++) {
                if (active[l]) {
                    leafLlr[l] = computeLeafLlr(l, t);
                }
            }
            if (frozen[t]) {
                byte b = frozenValues[t];
                for (int l = 0; l < listSize; l++) {
                    if (active[l]) {
                        pathMetric[l] += Llr.penalty(leafLlr[l], b);
                        record(t, l, l, b);
                    }
                }
            } else {
                branch(t);
            }
            for (int l = 0; l < listSize; l++) {
                if (active[l]) {
                    writeBit(l, t, bitAt[t * listSize + l]);
                }
            }
        }
        // trace back every surviving path
        int count = 0;
        for (int l = 0; l < listSize; l++) {
            if (!active[l]) {
                continue;
            }
            byte[] u = candU[l];
            int p = l;
            for (int t = n - 1; t >= 0; t--) {
                u[t] = bitAt[t * listSize + p];
                p = originAt[t * listSize + p];
            }
            System.arraycopy(u, 0, candX[l], 0, n);
            PolarTransform.transformGf2(candX[l], 0, n);
            candPathMetric[l] = pathMetric[l];
            finalOrder[count++] = l;
        }
        // insertion sort by (metric, slot): count ≤ L and this runs once per block
        for (int i = 1; i < count; i++) {
            int v = finalOrder[i];
            int j = i - 1;
            while (j >= 0 && before(v, finalOrder[j])) {
                finalOrder[j + 1] = finalOrder[j];
                j--;
            }
            finalOrder[j + 1] = v;
        }
        channel = null;
        return count;
    }

    private boolean before(int a, int b) {
        double ma = candPathMetric[a];
        double mb = candPathMetric[b];
        return ma < mb || (ma == mb && a < b);
    }

    private void reset() {
        for (int s = 0; s < m; s++) {
            freeArrayTop[s] = 0;
            for (int k = listSize - 1; k >= 0; k--) {
                freeArrays[s][freeArrayTop[s]++] = k;
                refCount[s][k] = 0;
            }
        }
        freePathTop = 0;
        for (int l = listSize - 1; l >= 0; l--) {
            active[l] = false;
            freePaths[freePathTop++] = l;
        }
        int l0 = freePaths[--freePathTop];
        active[l0] = true;
        pathMetric[l0] = 0.0;
        for (int s = 0; s < m; s++) {
            int k = freeArrays[s][--freeArrayTop[s]];
            refCount[s][k] = 1;
            pathToArray[s][l0] = k;
        }
    }

    private void record(int t, int path, int origin, byte bit) {
        bitAt[t * listSize + path] = bit;
        originAt[t * listSize + path] = origin;
    }

    /** Extends every active path by both values of information bit t and keeps the L best. */
    private void branch(int t) {
        int c = 0;
        for (int l = 0; l < listSize; l++) {
            if (active[l]) {
                double lam = leafLlr[l];
                double a = Math.abs(lam);
                // candidate 2l + b
                candMetric[2 * l] = pathMetric[l] + (lam < 0 ? a : 0.0);
                candMetric[2 * l + 1] = pathMetric[l] + (lam < 0 ? 0.0 : a);
                candOrder[c++] = 2 * l;
                candOrder[c++] = 2 * l + 1;
            }
        }
        int keepCount = Math.min(listSize, c);
        if (c > listSize) {
            selectBest(c, keepCount);
        }
        for (int l = 0; l < listSize; l++) {
            keep0[l] = false;
            keep1[l] = false;
        }
        for (int j = 0; j < keepCount; j++) {
            int cand = candOrder[j];
            if ((cand & 1) == 0) {
                keep0[cand >> 1] = true;
            } else {
                keep1[cand >> 1] = true;
            }
        }
        // kill first so that clones always find free slots and arrays
        for (int l = 0; l < listSize; l++) {
            if (active[l] && !keep0[l] && !keep1[l]) {
                killPath(l);
            }
        }
        for (int l = 0; l < listSize; l++) {
            if (!active[l] || (!keep0[l] && !keep1[l])) {
                continue;
            }
            double base = pathMetric[l];
            double lam = leafLlr[l];
            if (keep0[l] && keep1[l]) {
                int l2 = clonePath(l);
                pathMetric[l] = base + Llr.penalty(lam, 0);
                record(t, l, l, (byte) 0);
                pathMetric[l2] = base + Llr.penalty(lam, 1);
                record(t, l2, l, (byte) 1);
                keep0[l2] = false; // the clone may sit in a slot the loop has yet to visit: never extend it again
                keep1[l2] = false;
            } else {
                byte b = keep0[l] ? (byte) 0 : (byte) 1;
                pathMetric[l] = base + Llr.penalty(lam, b);
                record(t, l, l, b);
            }
        }
    }

    /** Reorders candOrder[0..c) so that its first keep entries are the best by (metric, index), in order. */
    private void selectBest(int c, int keep) {
        // insertion sort into a sorted prefix of length keep; c ≤ 2L, so this is O(L²) at worst
        for (int i = 1; i < c; i++) {
            int v = candOrder[i];
            int j;
            if (i < keep) {
                j = i - 1;
            } else if (candBefore(v, candOrder[keep - 1])) {
                candOrder[i] = candOrder[keep - 1];
                j = keep - 2;
            } else {
                continue;
            }
            while (j >= 0 && candBefore(v, candOrder[j])) {
                candOrder[j + 1] = candOrder[j];
                j--;
            }
            candOrder[j + 1] = v;
        }
    }

    /**
     * Candidate order: smaller metric; on equal metrics the extension that agrees with the hard decision (it can tie
     * only through floating-point absorption of a tiny |λ|), then the lower candidate index. This keeps L = 1 identical
     * to SC.
     */
    private boolean candBefore(int a, int b) {
        double ma = candMetric[a];
        double mb = candMetric[b];
        if (ma != mb) {
            return ma < mb;
        }
        boolean agreeA = (a & 1) == Llr.hardDecision(leafLlr[a >> 1]);
        boolean agreeB = (b & 1) == Llr.hardDecision(leafLlr[b >> 1]);
        if (agreeA != agreeB) {
            return agreeA;
        }
        return a < b;
    }

    private int clonePath(int l) {
        int l2 = freePaths[--freePathTop];
        active[l2] = true;
        for (int s = 0; s < m; s++) {
            int k = pathToArray[s][l];
            pathToArray[s][l2] = k;
            refCount[s][k]++;
        }
        return l2;
    }

    private void killPath(int l) {
        active[l] = false;
        freePaths[freePathTop++] = l;
        for (int s = 0; s < m; s++) {
            int k = pathToArray[s][l];
            if (--refCount[s][k] == 0) {
                freeArrays[s][freeArrayTop[s]++] = k;
            }
        }
    }

    /** The array of level s owned by path l alone, copying the left partial-sum column if it was shared. */
    private int writable(int s, int l) {
        int k = pathToArray[s][l];
        if (refCount[s][k] == 1) {
            return k;
        }
        int k2 = freeArrays[s][--freeArrayTop[s]];
        int len = 1 << s;
        System.arraycopy(sums[s], k << (s + 1), sums[s], k2 << (s + 1), len);
        refCount[s][k]--;
        refCount[s][k2] = 1;
        pathToArray[s][l] = k2;
        return k2;
    }

    /** Recomputes path l's LLRs on the nodes that change at leaf t and returns the leaf's decision LLR. */
    private double computeLeafLlr(int l, int t) {
        int top = t == 0 ? m - 1 : Integer.numberOfTrailingZeros(t);
        for (int s = top; s >= 0; s--) {
            int h = 1 << s;
            double[] in;
            int inOff;
            if (s == m - 1) {
                in = channel;
                inOff = 0;
            } else {
                in = llrs[s + 1];
                inOff = pathToArray[s + 1][l] << (s + 1);
            }
            int k = writable(s, l);
            double[] out = llrs[s];
            int outOff = k << s;
            if (((t >> s) & 1) == 0) {
                rule.applyAll(in, inOff, inOff + h, out, outOff, h);
            } else {
                CheckNodeKernel.gAll(in, inOff, inOff + h, sums[s], k << (s + 1), out, outOff, h);
            }
        }
        return llrs[0][pathToArray[0][l]];
    }

    /** Stores bit u_t of path l and propagates completed partial sums upwards. */
    private void writeBit(int l, int t, byte bit) {
        int k0 = writable(0, l);
        sums[0][(k0 << 1) + (t & 1)] = bit;
        for (int s = 0; s < m - 1 && ((t >> s) & 1) == 1; s++) {
            // the level-s node holding t is a right child: its parent at level s+1 is complete
            int h = 1 << s;
            int src = pathToArray[s][l] << (s + 1);
            int kp = writable(s + 1, l);
            int dst = (kp << (s + 2)) + (((t >> (s + 1)) & 1) << (s + 1));
            byte[] a = sums[s];
            byte[] p = sums[s + 1];
            for (int i = 0; i < h; i++) {
                p[dst + i] = (byte) (a[src + i] ^ a[src + h + i]);
                p[dst + h + i] = a[src + h + i];
            }
        }
    }
}

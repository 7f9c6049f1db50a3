package io.latq.polarlattice;

import io.latq.polar.PolarTransform;

import java.util.Arrays;

/**
 * Successive-cancellation list decisions for one level of a polar lattice, natural order, frozen bits 0, returning
 * integer contributions c = u·F^{⊗m} over Z.
 *
 * <p>It differs from a channel decoder in two ways that the multilevel quantizer needs:
 * <ul>
 *   <li><b>Several input paths.</b> Up to L paths enter, each with its own channel LLRs and starting metric (the
 *       survivors of the previous level, whose residuals differ), and the list of L survivors is shared by all of
 *       them. Every output path records the input it descends from. This makes the multilevel quantizer one list
 *       search over all levels, with the summed path metric ≈ −log of the joint posterior of the test channel.</li>
 *   <li><b>Integer partial sums.</b> A node's codeword is [c1 + c2, c2] over Z; its parity is the GF(2) word that
 *       g needs.</li>
 * </ul>
 *
 * <p>Algorithm: SCL of Tal &amp; Vardy (IEEE Trans. IT 2015) in the LLR domain (Balatsoukas-Stimming et al., IEEE
 * Trans. SP 2015), processed node by node for all paths in lock step, with Tal–Vardy's copy-on-write sharing of the
 * per-depth LLR and partial-sum arrays. At a leaf with decision LLR λ, deciding bit b costs −log P(b | λ) =
 * log(1 + e^(−|λ|)) + |λ|·[b ≠ hard(λ)] (the <em>exact</em> metric, the default) or only its second term (the LLR-based
 * approximation that channel decoders use). At an information leaf every path is extended both ways and the L best
 * extensions survive, ordered by (metric, agreement with the hard decision, path slot, bit).
 *
 * <p>Why the exact metric: a quantizer works where LLRs are small (the test channel is noisy by design), where
 * log(1 + e^(−|λ|)) is far from 0; the approximation then misranks paths that entered with different residuals.
 * Measured at N = 256 with L = 8 (docs/polar-lattices.md): G = 0.06294 with the approximation, 0.06178 exact.
 *
 * <p>Node shortcuts of Fast-SSCL (Hashemi, Condo &amp; Gross, IEEE Trans. SP 2017) when pruning is on:
 * <ul>
 *   <li>rate 0: the all-zero word; cost Σ_i −log P(0 | α_i);</li>
 *   <li>rate 1: start from the hard decisions (cost Σ_i log(1 + e^(−|α_i|)) in the exact metric), then for each of
 *       the min(L−1, size) least reliable positions in turn, every path either keeps or flips that bit (cost |α_i|)
 *       and the L best survive. The L best words of a node only ever flip positions among the L−1 least reliable,
 *       so this yields exactly the L best (path, word) pairs under the node-level metric.</li>
 * </ul>
 * With the exact box-plus and the exact metric the node-level costs equal the leaf-level ones (the chain rule of
 * P(word | α) under SC's own model); with min-sum and the approximate metric they equal too. Other combinations are
 * close but not identical.
 *
 * <p>Not thread-safe (one instance per thread); no allocation per decode.
 */
final class ReferenceSclLevelDecoder {

    private static final byte GENERIC = 0;
    private static final byte RATE0 = 1;
    private static final byte RATE1 = 2;

    private final int n;
    private final int m;
    private final int listSize;
    private final boolean[] frozen;
    private final CheckNodeKernel kernel;
    private final boolean exactMetric;
    private final byte[] nodeType; // heap-indexed over nodes of size ≥ 2: root 1, children 2i, 2i+1

    // per depth d (node size n >> d), listSize slots each
    private final double[][] llr;  // [d][slot * size + i]
    private final int[][] cw;      // [d][slot * size + i]: codewords of the node's left and right children
    private final int[][] slotOf;  // [d][path]
    private final int[][] refs;    // [d][slot]
    private final int[][] freeSlots;
    private final int[] freeTop;

    // paths
    private final boolean[] active;
    private final int[] freePaths;
    private int freePathTop;
    private final double[] metric;
    private final int[] origin;

    // candidate selection
    private final double[] candMetric;
    private final boolean[] candAgree;
    private final int[] cand;
    private final boolean[] keep0;
    private final boolean[] keep1;
    private final double[] leafLlr;
    private final int[] activeList;

    // rate-1 flip lists, per path
    private final int[][] flipIdx;
    private final double[][] flipCost;
    private final int[] scratchIdx;

    // outputs
    private final int[][] outC;
    private final double[] outMetric;
    private final int[] outOrigin;

    /** SCL with the exact log-likelihood metric (see the class comment). */
    ReferenceSclLevelDecoder(boolean[] frozen, int listSize, CheckNodeKernel kernel, boolean prune) {
        this(frozen, listSize, kernel, prune, true);
    }

    /**
     * @param frozen      frozen mask (true = frozen to 0), length N = 2^m ≥ 2
     * @param listSize    L ≥ 1
     * @param kernel      check-node rule
     * @param prune       whether to use the rate-0 and rate-1 node shortcuts
     * @param exactMetric true for the log-likelihood metric −log P(decision | λ), false for its LLR-based
     *                    approximation |λ|·[decision ≠ hard(λ)] used by channel decoders
     */
    ReferenceSclLevelDecoder(boolean[] frozen, int listSize, CheckNodeKernel kernel, boolean prune,
                           boolean exactMetric) {
        this.n = frozen.length;
        this.m = PolarTransform.log2(n);
        if (n < 2) {
            throw new IllegalArgumentException("SCL needs N >= 2");
        }
        if (listSize < 1) {
            throw new IllegalArgumentException("list size must be >= 1, got " + listSize);
        }
        this.listSize = listSize;
        this.frozen = frozen.clone();
        this.kernel = kernel;
        this.exactMetric = exactMetric;
        int L = listSize;
        nodeType = new byte[2 * n];
        if (prune) {
            classify();
        }
        llr = new double[m + 1][];
        cw = new int[m + 1][];
        slotOf = new int[m + 1][L];
        refs = new int[m + 1][L];
        freeSlots = new int[m + 1][L];
        freeTop = new int[m + 1];
        for (int d = 0; d <= m; d++) {
            int size = n >> d;
            llr[d] = new double[L * size];
            cw[d] = new int[d == m ? 0 : L * size];
        }
        active = new boolean[L];
        freePaths = new int[L];
        metric = new double[L];
        origin = new int[L];
        candMetric = new double[2 * L];
        candAgree = new boolean[2 * L];
        cand = new int[2 * L];
        keep0 = new boolean[L];
        keep1 = new boolean[L];
        leafLlr = new double[L];
        activeList = new int[L];
        int flips = Math.max(1, L - 1);
        flipIdx = new int[L][flips];
        flipCost = new double[L][flips];
        scratchIdx = new int[n];
        outC = new int[L][n];
        outMetric = new double[L];
        outOrigin = new int[L];
    }

    private void classify() {
        int[] frozenCount = new int[2 * n];
        for (int t = 0; t < n; t++) {
            frozenCount[n + t] = frozen[t] ? 1 : 0;
        }
        for (int id = n - 1; id >= 1; id--) {
            frozenCount[id] = frozenCount[2 * id] + frozenCount[2 * id + 1];
        }
        for (int id = 1; id < n; id++) {
            int size = n >> (31 - Integer.numberOfLeadingZeros(id));
            if (frozenCount[id] == size) {
                nodeType[id] = RATE0;
            } else if (frozenCount[id] == 0) {
                nodeType[id] = RATE1;
            }
        }
    }

    /** Block length N. */
    int n() {
        return n;
    }

    /** The list size L. */
    int listSize() {
        return listSize;
    }

    /** Where the caller writes the channel LLRs of input path k (k &lt; L): positions [k·N, (k+1)·N). */
    double[] inputLlr() {
        return llr[0];
    }

    /**
     * Runs the list search.
     *
     * @param inputs       number of input paths (1..L); their LLRs must be in {@link #inputLlr()}
     * @param inputMetrics their starting metrics (length ≥ inputs)
     * @return the number of output paths (≤ L), stored best metric first in {@link #codeword}, {@link #metric} and
     *     {@link #origin}
     */
    int decode(int inputs, double[] inputMetrics) {
        if (inputs < 1 || inputs > listSize) {
            throw new IllegalArgumentException("inputs must be in 1.." + listSize + ", got " + inputs);
        }
        reset(inputs, inputMetrics);
        node(1, 0, 0);
        int count = 0;
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                activeList[count++] = p;
            }
        }
        // order by (metric, slot): count ≤ L, once per decode
        for (int i = 1; i < count; i++) {
            int v = activeList[i];
            int j = i - 1;
            while (j >= 0 && (metric[activeList[j]] > metric[v]
                    || (metric[activeList[j]] == metric[v] && activeList[j] > v))) {
                activeList[j + 1] = activeList[j];
                j--;
            }
            activeList[j + 1] = v;
        }
        for (int k = 0; k < count; k++) {
            int p = activeList[k];
            System.arraycopy(cw[0], slotOf[0][p] * n, outC[k], 0, n);
            outMetric[k] = metric[p];
            outOrigin[k] = origin[p];
        }
        return count;
    }

    /** The integer codeword c of output path k (valid until the next decode; do not modify). */
    int[] codeword(int k) {
        return outC[k];
    }

    /** The metric of output path k. */
    double metric(int k) {
        return outMetric[k];
    }

    /** The input path that output path k descends from. */
    int origin(int k) {
        return outOrigin[k];
    }

    // ----------------------------------------------------------------------------------------------------------------

    private void reset(int inputs, double[] inputMetrics) {
        int L = listSize;
        for (int d = 0; d <= m; d++) {
            freeTop[d] = 0;
            for (int s = L - 1; s >= 0; s--) {
                refs[d][s] = 0;
                freeSlots[d][freeTop[d]++] = s;
            }
        }
        freePathTop = 0;
        for (int p = L - 1; p >= 0; p--) {
            active[p] = false;
            freePaths[freePathTop++] = p;
        }
        // input path k uses path k and root slot k (the caller wrote its LLRs there)
        for (int k = 0; k < inputs; k++) {
            active[k] = true;
            metric[k] = inputMetrics[k];
            origin[k] = k;
        }
        freePathTop = 0;
        for (int p = L - 1; p >= inputs; p--) {
            freePaths[freePathTop++] = p;
        }
        freeTop[0] = 0;
        for (int s = L - 1; s >= inputs; s--) {
            freeSlots[0][freeTop[0]++] = s;
        }
        for (int k = 0; k < inputs; k++) {
            slotOf[0][k] = k;
            refs[0][k] = 1;
            for (int d = 1; d <= m; d++) {
                int s = freeSlots[d][--freeTop[d]];
                refs[d][s] = 1;
                slotOf[d][k] = s;
            }
        }
    }

    /** The slot of depth d owned by path p alone (copy on write). */
    private int writable(int d, int p) {
        int s = slotOf[d][p];
        if (refs[d][s] == 1) {
            return s;
        }
        int s2 = freeSlots[d][--freeTop[d]];
        int size = n >> d;
        System.arraycopy(llr[d], s * size, llr[d], s2 * size, size);
        if (d < m) {
            System.arraycopy(cw[d], s * size, cw[d], s2 * size, size);
        }
        refs[d][s]--;
        refs[d][s2] = 1;
        slotOf[d][p] = s2;
        return s2;
    }

    /**
     * A slot of depth d owned by path p alone whose contents the caller will overwrite completely (a child node about
     * to receive its LLRs): a shared slot is left to the other paths without copying.
     */
    private int fresh(int d, int p) {
        int s = slotOf[d][p];
        if (refs[d][s] == 1) {
            return s;
        }
        int s2 = freeSlots[d][--freeTop[d]];
        refs[d][s]--;
        refs[d][s2] = 1;
        slotOf[d][p] = s2;
        return s2;
    }

    private int clonePath(int p) {
        int q = freePaths[--freePathTop];
        active[q] = true;
        metric[q] = metric[p];
        origin[q] = origin[p];
        for (int d = 0; d <= m; d++) {
            int s = slotOf[d][p];
            slotOf[d][q] = s;
            refs[d][s]++;
        }
        return q;
    }

    private void killPath(int p) {
        active[p] = false;
        freePaths[freePathTop++] = p;
        for (int d = 0; d <= m; d++) {
            int s = slotOf[d][p];
            if (--refs[d][s] == 0) {
                freeSlots[d][freeTop[d]++] = s;
            }
        }
    }

    /**
     * Where the codeword of the node at depth d (position pos within its depth) goes for path p: the matching half of
     * its parent's child buffer, or for the root its own buffer. Returns the offset in {@code cw[max(d−1, 0)]}.
     */
    private int target(int d, int pos, int p) {
        if (d == 0) {
            return writable(0, p) * n;
        }
        int parentSize = n >> (d - 1);
        return writable(d - 1, p) * parentSize + ((pos & 1) == 0 ? 0 : parentSize >> 1);
    }

    private int[] targetArray(int d) {
        return cw[d == 0 ? 0 : d - 1];
    }

    /** Decodes the node with heap id {@code id} at depth d; pos is its index among the nodes of that depth. */
    private void node(int id, int d, int pos) {
        int size = n >> d;
        if (size == 1) {
            leaf(d, pos);
            return;
        }
        byte type = nodeType[id];
        if (type == RATE0) {
            rate0(d, pos, size);
            return;
        }
        if (type == RATE1) {
            rate1(d, pos, size);
            return;
        }
        int h = size >> 1;
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                int out = fresh(d + 1, p) * h;
                kernel.applyAll(llr[d], in, in + h, llr[d + 1], out, h);
            }
        }
        node(2 * id, d + 1, 2 * pos);
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int s = slotOf[d][p];
                int in = s * size;
                int out = fresh(d + 1, p) * h;
                double[] a = llr[d];
                double[] o = llr[d + 1];
                int[] left = cw[d];
                for (int i = 0; i < h; i++) {
                    double x = a[in + i];
                    double y = a[in + h + i];
                    o[out + i] = (left[in + i] & 1) == 0 ? y + x : y - x;
                }
            }
        }
        node(2 * id + 1, d + 1, 2 * pos + 1);
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int s = writable(d, p);
                int off = s * size;
                int[] c = cw[d];
                for (int i = 0; i < h; i++) {
                    c[off + i] += c[off + h + i];
                }
                if (d > 0) {
                    int t = target(d, pos, p);
                    System.arraycopy(c, slotOf[d][p] * size, targetArray(d), t, size);
                }
            }
        }
    }

    private void rate0(int d, int pos, int size) {
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                double pen = 0;
                for (int i = 0; i < size; i++) {
                    double a = llr[d][in + i];
                    pen += base(a);
                    if (a < 0) {
                        pen -= a;
                    }
                }
                metric[p] += pen;
                int t = target(d, pos, p);
                Arrays.fill(targetArray(d), t, t + size, 0);
            }
        }
    }

    private void rate1(int d, int pos, int size) {
        int flips = Math.min(listSize - 1, size);
        int[] tgt = targetArray(d);
        for (int p = 0; p < listSize; p++) {
            if (!active[p]) {
                continue;
            }
            int in = slotOf[d][p] * size;
            int t = target(d, pos, p);
            double pen = 0;
            for (int i = 0; i < size; i++) {
                double a = llr[d][in + i];
                tgt[t + i] = a < 0 ? 1 : 0;
                pen += base(a);
            }
            metric[p] += pen;
            if (flips > 0) {
                leastReliable(llr[d], in, size, flips, flipIdx[p], flipCost[p]);
            }
        }
        for (int j = 0; j < flips; j++) {
            int c = 0;
            for (int p = 0; p < listSize; p++) {
                if (active[p]) {
                    candMetric[2 * p] = metric[p];
                    candAgree[2 * p] = true;
                    candMetric[2 * p + 1] = metric[p] + flipCost[p][j];
                    candAgree[2 * p + 1] = false;
                    cand[c++] = 2 * p;
                    cand[c++] = 2 * p + 1;
                }
            }
            applySelection(c, j, d, pos, size);
        }
        // hard-decision words to u (GF(2) involution), then to the integer codeword
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int t = target(d, pos, p);
                for (int i = 0; i < size; i++) {
                    scratchIdx[i] = tgt[t + i];
                }
                gf2(scratchIdx, size);
                for (int i = 0; i < size; i++) {
                    tgt[t + i] = scratchIdx[i];
                }
                PolarTransform.transformZ(tgt, t, size);
            }
        }
    }

    /** The part of −log P(bit | λ) that every decision pays in the exact metric: log(1 + e^(−|λ|)). */
    private double base(double lam) {
        return exactMetric ? CheckNodeKernel.phi(Math.abs(lam)) : 0.0;
    }

    private static void gf2(int[] v, int len) {
        for (int h = 1; h < len; h <<= 1) {
            for (int b = 0; b < len; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] ^= v[i + h];
                }
            }
        }
    }

    /**
     * The {@code k} positions of smallest |α| in a[off .. off+size) (ties: lower index), with their |α|, in increasing
     * order of (|α|, index). Insertion into a sorted prefix: k ≤ L − 1 is small.
     */
    private static void leastReliable(double[] a, int off, int size, int k, int[] idx, double[] cost) {
        int filled = 0;
        for (int i = 0; i < size; i++) {
            double v = Math.abs(a[off + i]);
            if (filled == k && !(v < cost[k - 1])) {
                continue;
            }
            int j = filled == k ? k - 1 : filled++;
            while (j > 0 && cost[j - 1] > v) {
                cost[j] = cost[j - 1];
                idx[j] = idx[j - 1];
                j--;
            }
            cost[j] = v;
            idx[j] = i;
        }
    }

    private void leaf(int d, int pos) {
        int t = pos;
        if (frozen[t]) {
            for (int p = 0; p < listSize; p++) {
                if (active[p]) {
                    double lam = llr[d][slotOf[d][p]];
                    metric[p] += base(lam);
                    if (lam < 0) {
                        metric[p] -= lam;
                    }
                    targetArray(d)[target(d, pos, p)] = 0;
                }
            }
            return;
        }
        int c = 0;
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                double lam = llr[d][slotOf[d][p]];
                leafLlr[p] = lam;
                double a = Math.abs(lam);
                boolean hardOne = lam < 0;
                double b = metric[p] + base(lam);
                candMetric[2 * p] = b + (hardOne ? a : 0.0);
                candAgree[2 * p] = !hardOne;
                candMetric[2 * p + 1] = b + (hardOne ? 0.0 : a);
                candAgree[2 * p + 1] = hardOne;
                cand[c++] = 2 * p;
                cand[c++] = 2 * p + 1;
            }
        }
        applySelection(c, -1, d, pos, 1);
    }

    /**
     * Keeps the best L of the c candidates (2p + b: path p with bit b, or for a rate-1 step b = flip) and applies
     * them: kills, clones, metric updates and writes of the decided bit (leaf, {@code step} &lt; 0) or of the flip
     * of position flipIdx[p][step] (rate-1 node).
     */
    private void applySelection(int c, int step, int d, int pos, int size) {
        int keep = Math.min(listSize, c);
        if (c > keep) {
            select(c, keep);
        }
        for (int p = 0; p < listSize; p++) {
            keep0[p] = false;
            keep1[p] = false;
        }
        for (int j = 0; j < keep; j++) {
            int k = cand[j];
            if ((k & 1) == 0) {
                keep0[k >> 1] = true;
            } else {
                keep1[k >> 1] = true;
            }
        }
        for (int p = 0; p < listSize; p++) {
            if (active[p] && !keep0[p] && !keep1[p]) {
                killPath(p);
            }
        }
        int[] tgt = targetArray(d);
        for (int p = 0; p < listSize; p++) {
            if (!active[p] || (!keep0[p] && !keep1[p])) {
                continue;
            }
            boolean both = keep0[p] && keep1[p];
            boolean one = keep1[p];
            double m0 = candMetric[2 * p];
            double m1 = candMetric[2 * p + 1];
            if (both) {
                int q = clonePath(p);
                keep0[q] = false; // a clone may sit in a slot the loop has yet to visit
                keep1[q] = false;
                if (step >= 0) {
                    System.arraycopy(flipIdx[p], 0, flipIdx[q], 0, flipIdx[p].length);
                    System.arraycopy(flipCost[p], 0, flipCost[q], 0, flipCost[p].length);
                }
                metric[p] = m0;
                metric[q] = m1;
                write(step, d, pos, p, 0, tgt);
                write(step, d, pos, q, 1, tgt);
            } else {
                metric[p] = one ? m1 : m0;
                write(step, d, pos, p, one ? 1 : 0, tgt);
            }
        }
    }

    private void write(int step, int d, int pos, int p, int choice, int[] tgt) {
        if (step < 0) {
            tgt[target(d, pos, p)] = choice;
        } else if (choice == 1) {
            tgt[target(d, pos, p) + flipIdx[p][step]] ^= 1;
        }
    }

    /** Candidate order: metric, then agreement with the hard decision, then candidate index (path slot, bit). */
    private boolean before(int a, int b) {
        double ma = candMetric[a];
        double mb = candMetric[b];
        if (ma != mb) {
            return ma < mb;
        }
        if (candAgree[a] != candAgree[b]) {
            return candAgree[a];
        }
        return a < b;
    }

    /** Rearranges cand[0..c) so that cand[0..keep) are the keep best (in any order); deterministic quickselect. */
    private void select(int c, int keep) {
        int lo = 0;
        int hi = c - 1;
        int target = keep - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, moved to hi
            if (before(cand[mid], cand[lo])) {
                swap(mid, lo);
            }
            if (before(cand[hi], cand[lo])) {
                swap(hi, lo);
            }
            if (before(cand[mid], cand[hi])) {
                swap(mid, hi);
            }
            int pivot = cand[hi];
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (before(cand[i], pivot)) {
                    swap(i, store++);
                }
            }
            swap(store, hi);
            if (store == target) {
                return;
            }
            if (store < target) {
                lo = store + 1;
            } else {
                hi = store - 1;
            }
        }
    }

    private void swap(int i, int j) {
        int t = cand[i];
        cand[i] = cand[j];
        cand[j] = t;
    }
}

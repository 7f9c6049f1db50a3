package io.latq.polar.list;

import io.latq.polar.NodeKind;
import io.latq.polar.PolarTransform;
import io.latq.polarlattice.CheckNodeKernel;

import java.util.Arrays;

/**
 * The one successive-cancellation list search of latq, shared by the polar-code SCL decoder
 * ({@link io.latq.polar.decode.PolarSclDecoder}) and the polar-lattice list quantizer (the list branch of
 * {@link io.latq.polarlattice.PolarLattice}): path pool, copy-on-write storage, selection of the L best, kill and
 * clone live here once. What differs between the two users is passed in, as AFF3CT passes kernels to its decoders:
 * <ul>
 *   <li>what a leaf decision costs ({@link LeafCost}: the LLR-based metric for codes, −log P(b | λ) for lattices);</li>
 *   <li>which subtrees are decided at node level ({@link ListNodes});</li>
 *   <li>the check-node rule ({@link CheckNodeKernel});</li>
 *   <li>what a path carries out: every path carries the integer partial sums c = u·F^{⊗m} over Z, whose parity is
 *       the GF(2) codeword, so a code decoder reads x = c mod 2 (and u = x·F^{⊗m} over GF(2)) while the lattice
 *       quantizer uses c itself to update the residual of the path; and several input paths, each with its own
 *       channel LLRs and starting metric (the quantizer's survivors of the previous level), sharing one list.</li>
 * </ul>
 *
 * <p>Algorithm: SCL of Tal &amp; Vardy (IEEE Trans. IT 2015) in the LLR domain (Balatsoukas-Stimming et al., IEEE
 * Trans. SP 2015), processed node by node for all paths in lock step, with Tal–Vardy's copy-on-write sharing of the
 * per-depth LLR and partial-sum arrays (a clone costs O(log N) reference counts; a shared slot is copied only when a
 * path writes to it, and then only what is still read: the LLRs under a left child, the left half of the codeword
 * under a right child, nothing when the write overwrites it completely). At an information leaf every path
 * is extended both ways and the L best extensions survive, ordered by (metric, agreement with the hard decision, path
 * slot, bit). Node-level decisions (Hashemi, Condo &amp; Gross, IEEE Trans. SP 2017), with α the node's LLRs and
 * cost(β | α) = Σ_i cost(β_i | α_i):
 * <ul>
 *   <li>rate 0: the all-zero word;</li>
 *   <li>repetition: the words 0…0 and 1…1 compete for the list like the two extensions of a leaf;</li>
 *   <li>rate 1 and SPC: from the hard decisions h (cost Σ_i cost(h_i | α_i)), a flip of position i adds |α_i|; the L
 *       best (path, flip set) pairs over all paths are enumerated best first (a heap over flip sets of the
 *       F least reliable positions, each set reached once: from a set whose largest index is j, add j+1 or replace j
 *       by j+1; each path's positions are sorted lazily from a heap built in O(size), so only the positions the
 *       enumeration reaches are extracted). Equal costs (a tiny |α| absorbed in a large metric) are ordered by the
 *       node's own flip cost, then fewer flips, then creation order. Rate 1 needs F = L − 1 and SPC F = L
 *       positions (a set using a later position has at least L valid sets that are no worse); SPC keeps only sets
 *       of the parity that makes the word even. Set costs are summed in
 *       increasing position order, which reproduces the sums of the flip-by-flip procedure exactly. Words are kept
 *       as bits, 64 per long, and turned into integer partial sums by {@link PolarTransform#codewordBitsToZ}.</li>
 * </ul>
 *
 * <p>Shared f work: every LLR buffer carries a content id (a copy keeps it, a computation gets a new one). A right
 * child's LLRs are its parent's g outputs b_i ± a_i, so the paths whose parent LLRs had one id see two values per
 * position and their f outputs take one of four, chosen by two parity bits of the left sibling's word; for groups of
 * at least 5 paths ({@code MIN_GROUP}) the four are evaluated once per position and looked up (bit for bit the same
 * values). The kernels are {@link CheckNodeKernel}'s branch-free loops.
 *
 * <p>Not thread-safe (one instance per thread). No allocation per decode, except that the flip-set arena of SPC
 * nodes grows (doubling) the first few times a decode needs more entries than ever before.
 */
public final class SclCore {

    private static final long SIGN_BIT = 0x8000_0000_0000_0000L;
    private static final int LEAF = 0;
    private static final int REPEAT = 1;
    /** Least reliable positions found per path in the first pass of a rate-1 or SPC node (more on demand). */
    private static final int PREFETCH = 4;
    /** Paths sharing their parent's LLRs, at least this many, get the f outputs of a right child by table lookup. */
    private static final int MIN_GROUP = 5;

    private final int n;
    private final int m;
    private final int listSize;
    private final boolean[] frozen;
    private final int[] frozenValue;
    private final CheckNodeKernel kernel;
    private final boolean negLogLikelihood;
    private final NodeKind[] kind;

    // per depth d (node size n >> d), listSize slots each
    private final double[][] llr;  // [d][slot * size + i]
    private final int[][] cw;      // [d][slot * size + i]: codewords of the node's left and right children
    private final int[][] slotOf;  // [d][path]
    private final int[][] refs;    // [d][slot]
    private final int[][] freeSlots;
    private final int[] freeTop;
    // LLR contents: slots of one depth with equal ids hold equal LLRs (a copy keeps the id, a computation gets a new
    // one)
    private final int[][] llrId;   // [d][slot]
    private int nextId;
    // check-node step of a right child: its LLRs came from the parent's g, and the paths whose parent LLRs were equal
    // form a group whose f outputs take one of 4 values per position (see checkNodes)
    private final int[] gKey;      // [path]: id of the parent LLRs its g read
    private final int[] groupKey;
    private final int[] groupSize;
    private final int[] groupHead;
    private final int[] groupNext; // [path]
    private final int[] slotStamp; // hash table key → group, entries valid when their stamp is groupStamp
    private final int[] slotGroup;
    private int groupStamp;
    private final double[] gBuf;
    private final double[] fTable;

    // paths
    private final boolean[] active;
    private final int[] freePaths;
    private int freePathTop;
    private final double[] metric;
    private final int[] origin;

    // leaf and repetition selection
    private final double[] candMetric;
    private final boolean[] candAgree;
    private final int[] cand;
    private final boolean[] keep0;
    private final boolean[] keep1;
    private final int[] activeList;

    // rate-1 and SPC: per path its least reliable positions, then best-first enumeration of flip sets
    private final int[][] flipIdx;     // [path][k]: the k-th least reliable position (extracted lazily)
    private final double[][] flipCost; // [path][k]: its |α|
    private final int[] flipsKnown;    // [path]: how many of them are extracted so far
    private final int[][] relHeap;     // [path]: min-heap of node positions by (|α|, position)
    private final double[][] relKey;   // [path][position]: |α|
    private final int[] relSize;       // [path]: heap size, or -1 while the heap is not built
    private final int[] relOff;        // [path]: offset of the node's LLRs in relLlr
    private double[] relLlr;           // the LLR array of the node being decided
    private final int[] hardParity;
    private final long[][] hardWords; // [path][w]: the node's hard decisions as bits, 64 per word
    private final long[] wordBuf;
    private final int[] uses;
    private final int[] accepted;
    private final int[] assigned;
    private int[] setPath;
    private int[] setLast;
    private int[] setParent;
    private int[] setParity;
    private int[] setFlips;
    private double[] setLocal;
    private double[] setCost;
    private int[] heap;
    private double[] heapCost;
    private int sets;
    private int heapSize;

    // outputs
    private final int[][] outC;
    private final double[] outMetric;
    private final int[] outOrigin;

    /**
     * @param frozen       frozen mask (true = frozen), length N = 2^m ≥ 2
     * @param frozenValues frozen values (length N, 0/1) or null for all 0; node-level decisions need them all 0
     * @param listSize     L ≥ 1
     * @param kernel       check-node rule
     * @param cost         what a leaf decision costs
     * @param nodes        which subtrees are decided at node level
     */
    public SclCore(boolean[] frozen, byte[] frozenValues, int listSize, CheckNodeKernel kernel, LeafCost cost,
                   ListNodes nodes) {
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
        this.frozenValue = new int[n];
        boolean zeroFrozen = true;
        for (int t = 0; t < n && frozenValues != null; t++) {
            frozenValue[t] = frozen[t] ? frozenValues[t] & 1 : 0;
            zeroFrozen &= frozenValue[t] == 0;
        }
        if (!zeroFrozen && nodes != ListNodes.LEAVES) {
            throw new IllegalArgumentException("node-level decisions need frozen values 0; use ListNodes.LEAVES");
        }
        this.kernel = kernel;
        this.negLogLikelihood = cost == LeafCost.NEG_LOG_LIKELIHOOD;
        this.kind = NodeKind.classify(frozen, null, nodes.kinds());
        int l = listSize;
        llr = new double[m + 1][];
        cw = new int[m + 1][];
        slotOf = new int[m + 1][l];
        refs = new int[m + 1][l];
        freeSlots = new int[m + 1][l];
        freeTop = new int[m + 1];
        llrId = new int[m + 1][l];
        gKey = new int[l];
        groupKey = new int[l];
        groupSize = new int[l];
        groupHead = new int[l];
        groupNext = new int[l];
        slotStamp = new int[Integer.highestOneBit(4 * l) << 1];
        slotGroup = new int[slotStamp.length];
        gBuf = new double[n];
        fTable = new double[n];
        for (int d = 0; d <= m; d++) {
            int size = n >> d;
            llr[d] = new double[l * size];
            cw[d] = new int[d == m ? 0 : l * size];
        }
        active = new boolean[l];
        freePaths = new int[l];
        metric = new double[l];
        origin = new int[l];
        candMetric = new double[2 * l];
        candAgree = new boolean[2 * l];
        cand = new int[2 * l];
        keep0 = new boolean[l];
        keep1 = new boolean[l];
        activeList = new int[l];
        int flips = Math.max(1, Math.min(l, n));
        flipIdx = new int[l][flips];
        flipCost = new double[l][flips];
        flipsKnown = new int[l];
        relHeap = new int[l][n];
        relKey = new double[l][n];
        relSize = new int[l];
        relOff = new int[l];
        hardParity = new int[l];
        hardWords = new long[l][(n + 63) >>> 6];
        wordBuf = new long[(n + 63) >>> 6];
        uses = new int[l];
        accepted = new int[l];
        assigned = new int[l];
        growSets(4 * l + 4);
        outC = new int[l][n];
        outMetric = new double[l];
        outOrigin = new int[l];
    }

    /** Block length N. */
    public int n() {
        return n;
    }

    /** The list size L. */
    public int listSize() {
        return listSize;
    }

    /** Where the caller writes the channel LLRs of input path k (k &lt; L): positions [k·N, (k+1)·N). */
    public double[] inputLlr() {
        return llr[0];
    }

    /**
     * Runs the list search.
     *
     * @param inputs       number of input paths (1..L); their LLRs must be in {@link #inputLlr()}
     * @param inputMetrics their starting metrics (length ≥ inputs)
     * @return the number of output paths (≤ L), stored best metric first (ties: lower internal slot) in
     *     {@link #codeword}, {@link #metric} and {@link #origin}
     */
    public int decode(int inputs, double[] inputMetrics) {
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

    /** The integer codeword c = u·F^{⊗m} over Z of output path k (valid until the next decode; do not modify). */
    public int[] codeword(int k) {
        return outC[k];
    }

    /** The metric of output path k (its input metric plus the costs of all its decisions). */
    public double metric(int k) {
        return outMetric[k];
    }

    /** The input path that output path k descends from. */
    public int origin(int k) {
        return outOrigin[k];
    }

    // ----------------------------------------------------------------------------------------------------------------
    // path pool

    private void reset(int inputs, double[] inputMetrics) {
        int l = listSize;
        for (int d = 0; d <= m; d++) {
            freeTop[d] = 0;
            for (int s = l - 1; s >= (d == 0 ? inputs : 0); s--) {
                refs[d][s] = 0;
                freeSlots[d][freeTop[d]++] = s;
            }
        }
        freePathTop = 0;
        for (int p = l - 1; p >= inputs; p--) {
            active[p] = false;
            freePaths[freePathTop++] = p;
        }
        // input path k uses path k and root slot k (the caller wrote its LLRs there)
        nextId = 0;
        for (int k = 0; k < inputs; k++) {
            active[k] = true;
            metric[k] = inputMetrics[k];
            origin[k] = k;
            slotOf[0][k] = k;
            refs[0][k] = 1;
            llrId[0][k] = nextId++;
            for (int d = 1; d <= m; d++) {
                int s = freeSlots[d][--freeTop[d]];
                refs[d][s] = 1;
                slotOf[d][k] = s;
                llrId[d][s] = nextId++;
            }
        }
    }

    /** A slot of depth d owned by path p alone that the caller overwrites completely: a shared one is not copied. */
    private int fresh(int d, int p) {
        int s = slotOf[d][p];
        if (refs[d][s] == 1) {
            return s;
        }
        int s2 = freeSlots[d][--freeTop[d]];
        refs[d][s]--;
        refs[d][s2] = 1;
        slotOf[d][p] = s2;
        llrId[d][s2] = nextId++;
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
     * Where the codeword of the node at depth d (index pos within its depth) goes for path p: the matching half of its
     * parent's child buffer, or for the root its own buffer. Returns the offset in {@link #targetArray}.
     */
    private int target(int d, int pos, int p) {
        if (d == 0) {
            return fresh(0, p) * n; // the root's codeword is its whole buffer, written completely
        }
        int parentSize = n >> (d - 1);
        int s = slotOf[d - 1][p];
        if (refs[d - 1][s] != 1) {
            s = ownedParent(d - 1, p, s, (pos & 1) == 0);
        }
        return s * parentSize + ((pos & 1) == 0 ? 0 : parentSize >> 1);
    }

    /**
     * Gives path p its own slot at depth d (shared slot s) before a child writes its codeword there, copying only what
     * is still read: under a left child the LLRs (the parent's g needs them; the codeword is written from scratch),
     * under a right child the left half of the codeword (the parent's LLRs are no longer needed).
     */
    private int ownedParent(int d, int p, int s, boolean leftChild) {
        int s2 = freeSlots[d][--freeTop[d]];
        int size = n >> d;
        if (leftChild) {
            System.arraycopy(llr[d], s * size, llr[d], s2 * size, size);
            llrId[d][s2] = llrId[d][s];
        } else {
            System.arraycopy(cw[d], s * size, cw[d], s2 * size, size >> 1);
            llrId[d][s2] = nextId++;
        }
        refs[d][s]--;
        refs[d][s2] = 1;
        slotOf[d][p] = s2;
        return s2;
    }

    private int[] targetArray(int d) {
        return cw[d == 0 ? 0 : d - 1];
    }

    // ----------------------------------------------------------------------------------------------------------------
    // tree

    /** Decodes the node with heap id {@code id} at depth d; pos is its index among the nodes of that depth. */
    private void node(int id, int d, int pos) {
        int size = n >> d;
        if (size == 1) {
            leaf(d, pos);
            return;
        }
        switch (kind[id]) {
            case RATE_0:
                rate0(d, pos, size);
                return;
            case RATE_1:
                flipNode(d, pos, size, false);
                return;
            case REPETITION:
                repetition(d, pos, size);
                return;
            case SPC:
                flipNode(d, pos, size, true);
                return;
            default:
                break;
        }
        int h = size >> 1;
        double[] a = llr[d];
        double[] o = llr[d + 1];
        checkNodes(d, pos, size);
        node(2 * id, d + 1, 2 * pos);
        int[] c = cw[d];
        int[] ids = llrId[d + 1];
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                int s = fresh(d + 1, p);
                CheckNodeKernel.gAll(a, in, in + h, c, in, o, s * h, h);
                gKey[p] = llrId[d][slotOf[d][p]];
                ids[s] = nextId++;
            }
        }
        node(2 * id + 1, d + 1, 2 * pos + 1);
        // [c1 + c2, c2], straight into the parent's buffer (every path wrote both halves, so it owns slot d)
        int[] tgt = targetArray(d);
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int off = slotOf[d][p] * size;
                if (d == 0) {
                    for (int i = 0; i < h; i++) {
                        c[off + i] += c[off + h + i];
                    }
                } else {
                    int t = target(d, pos, p);
                    for (int i = 0; i < h; i++) {
                        tgt[t + i] = c[off + i] + c[off + h + i];
                    }
                    System.arraycopy(c, off + h, tgt, t + h, h);
                }
            }
        }
    }

    /**
     * The f step of a generic node (depth d, size 2h) for every path. A right child's LLRs are its parent's g outputs
     * b_i + (−1)^(v_i)·a_i, v the left sibling's word; the paths whose parent LLRs (a, b) were equal (same content
     * id) therefore see one of two values per position, and their f outputs f(g_i, g_(i+h)) one of four, chosen by
     * (v_i, v_(i+h)). For a group of at least {@link #MIN_GROUP} paths the four are evaluated once per position (on
     * g values formed exactly as {@link CheckNodeKernel#gAll} forms them, so bit for bit the same) and looked up.
     */
    private void checkNodes(int d, int pos, int size) {
        int h = size >> 1;
        double[] a = llr[d];
        double[] o = llr[d + 1];
        int[] ids = llrId[d + 1];
        int groups = 0;
        if ((pos & 1) == 1 && kernel != CheckNodeKernel.MIN_SUM) {
            if (++groupStamp == 0) { // wrapped: forget every old entry
                Arrays.fill(slotStamp, 0);
                groupStamp = 1;
            }
            int mask = slotStamp.length - 1;
            for (int p = listSize - 1; p >= 0; p--) {
                if (active[p]) {
                    int key = gKey[p];
                    int hs = (key * 0x9E3779B9) >>> 16 & mask; // open addressing on the key
                    while (slotStamp[hs] == groupStamp && groupKey[slotGroup[hs]] != key) {
                        hs = (hs + 1) & mask;
                    }
                    int g;
                    if (slotStamp[hs] == groupStamp) {
                        g = slotGroup[hs];
                    } else {
                        g = groups++;
                        slotStamp[hs] = groupStamp;
                        slotGroup[hs] = g;
                        groupKey[g] = key;
                        groupSize[g] = 0;
                        groupHead[g] = -1;
                    }
                    groupSize[g]++;
                    groupNext[p] = groupHead[g];
                    groupHead[g] = p;
                }
            }
        }
        for (int g = 0; g < groups; g++) {
            if (groupSize[g] < MIN_GROUP) {
                continue;
            }
            int ps = size << 1;
            double[] pa = llr[d - 1];
            int[] pc = cw[d - 1];
            boolean table = false;
            for (int p = groupHead[g]; p >= 0; p = groupNext[p]) {
                int po = slotOf[d - 1][p] * ps;
                if (!table) {
                    fTable(pa, po, size);
                    table = true;
                }
                int s = fresh(d + 1, p);
                int out = s * h;
                for (int i = 0; i < h; i++) {
                    int v = ((pc[po + i] & 1) << 1) | (pc[po + h + i] & 1);
                    o[out + i] = fTable[v * h + i];
                }
                ids[s] = nextId++;
                active[p] = false; // done; restored below
            }
        }
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                int s = fresh(d + 1, p);
                kernel.applyAll(a, in, in + h, o, s * h, h);
                ids[s] = nextId++;
            }
        }
        for (int g = 0; g < groups; g++) {
            if (groupSize[g] >= MIN_GROUP) {
                for (int p = groupHead[g]; p >= 0; p = groupNext[p]) {
                    active[p] = true;
                }
            }
        }
    }

    /**
     * fTable[(2·v1 + v2)·h + i] = f(g(v1, i), g(v2, i + h)) for i &lt; h = size/2, with g(v, j) = b_j + (−1)^v·a_j
     * the parent's g (LLRs a at pa[po ..], b at pa[po + size ..]).
     */
    private void fTable(double[] pa, int po, int size) {
        int h = size >> 1;
        for (int j = 0; j < size; j++) {
            double x = pa[po + j];
            double y = pa[po + size + j];
            gBuf[j] = y + x;
            gBuf[size + j] = y + Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ Long.MIN_VALUE);
        }
        kernel.applyAll(gBuf, 0, h, fTable, 0, h);
        kernel.applyAll(gBuf, 0, size + h, fTable, h, h);
        kernel.applyAll(gBuf, size, h, fTable, 2 * h, h);
        kernel.applyAll(gBuf, size, size + h, fTable, 3 * h, h);
    }

    /** The part of −log P(bit | λ) that every decision pays in the exact metric: log(1 + e^(−|λ|)). */
    private double base(double lam) {
        return negLogLikelihood ? CheckNodeKernel.phi(Math.abs(lam)) : 0.0;
    }

    private void rate0(int d, int pos, int size) {
        double[] a = llr[d];
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                double pen = 0;
                for (int i = 0; i < size; i++) {
                    double x = a[in + i];
                    long bits = Double.doubleToRawLongBits(x);
                    // + |x| if x is negative, + 0.0 otherwise (branch-free; the same sums as pen -= x)
                    pen = (pen + base(x)) + Double.longBitsToDouble(bits & (bits >> 63) & ~SIGN_BIT);
                }
                metric[p] += pen;
                int t = target(d, pos, p);
                Arrays.fill(targetArray(d), t, t + size, 0);
            }
        }
    }

    private void leaf(int d, int pos) {
        double[] a = llr[d];
        int[] tgt = targetArray(d);
        if (frozen[pos]) {
            int b = frozenValue[pos];
            for (int p = 0; p < listSize; p++) {
                if (active[p]) {
                    double lam = a[slotOf[d][p]];
                    metric[p] += base(lam);
                    if ((lam < 0 ? 1 : 0) != b) {
                        metric[p] += Math.abs(lam);
                    }
                    tgt[target(d, pos, p)] = b;
                }
            }
            return;
        }
        int c = 0;
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                double lam = a[slotOf[d][p]];
                double abs = Math.abs(lam);
                boolean hardOne = lam < 0;
                double b = metric[p] + base(lam);
                candMetric[2 * p] = b + (hardOne ? abs : 0.0);
                candAgree[2 * p] = !hardOne;
                candMetric[2 * p + 1] = b + (hardOne ? 0.0 : abs);
                candAgree[2 * p + 1] = hardOne;
                cand[c++] = 2 * p;
                cand[c++] = 2 * p + 1;
            }
        }
        applySelection(c, LEAF, d, pos, 1);
    }

    /** Repetition node: the words 0…0 (candidate 2p) and 1…1 (candidate 2p + 1) of every path compete. */
    private void repetition(int d, int pos, int size) {
        double[] a = llr[d];
        int c = 0;
        for (int p = 0; p < listSize; p++) {
            if (active[p]) {
                int in = slotOf[d][p] * size;
                double common = metric[p];
                double pen0 = 0;
                double pen1 = 0;
                for (int i = 0; i < size; i++) {
                    double x = a[in + i];
                    common += base(x);
                    // branch-free: |x| goes to pen0 if x is negative, x to pen1 otherwise; the other one gets +0.0,
                    // which leaves a non-negative sum unchanged (the same sums as pen0 -= x / pen1 += x)
                    long bits = Double.doubleToRawLongBits(x);
                    long neg = bits >> 63;
                    pen0 += Double.longBitsToDouble(bits & neg & ~SIGN_BIT);
                    pen1 += Double.longBitsToDouble(bits & ~neg);
                }
                candMetric[2 * p] = common + pen0;
                candAgree[2 * p] = pen0 <= pen1;
                candMetric[2 * p + 1] = common + pen1;
                candAgree[2 * p + 1] = pen1 < pen0;
                cand[c++] = 2 * p;
                cand[c++] = 2 * p + 1;
            }
        }
        applySelection(c, REPEAT, d, pos, size);
    }

    /**
     * Keeps the best L of the c candidates (2p + b: path p with bit b, or with the repeated word b…b) and applies
     * them: kills, clones, metrics and the written words.
     */
    private void applySelection(int c, int what, int d, int pos, int size) {
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
            double m0 = candMetric[2 * p];
            double m1 = candMetric[2 * p + 1];
            if (keep0[p] && keep1[p]) {
                int q = clonePath(p);
                keep0[q] = false; // a clone may sit in a slot the loop has yet to visit
                keep1[q] = false;
                metric[p] = m0;
                metric[q] = m1;
                write(what, d, pos, p, 0, size, tgt);
                write(what, d, pos, q, 1, size, tgt);
            } else {
                boolean one = keep1[p];
                metric[p] = one ? m1 : m0;
                write(what, d, pos, p, one ? 1 : 0, size, tgt);
            }
        }
    }

    private void write(int what, int d, int pos, int p, int bit, int size, int[] tgt) {
        int t = target(d, pos, p);
        if (what == LEAF) {
            tgt[t] = bit;
        } else {
            Arrays.fill(tgt, t, t + size, bit); // u has only its last bit free, and row g_last is all ones
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
        int goal = keep - 1;
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
            if (store == goal) {
                return;
            }
            if (store < goal) {
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

    // ----------------------------------------------------------------------------------------------------------------
    // rate-1 and SPC nodes: best-first enumeration of flip sets

    /**
     * Rate-1 (every word valid) or SPC (even words only) node: hard decisions, then the L best (path, flip set)
     * pairs over all paths, see the class comment.
     */
    private void flipNode(int d, int pos, int size, boolean parityCheck) {
        double[] a = llr[d];
        int flips = Math.min(size, parityCheck ? listSize : listSize - 1);
        int wordCount = (size + 63) >>> 6;
        int perWord = Math.min(size, 64);
        relLlr = a;
        sets = 0;
        heapSize = 0;
        for (int p = 0; p < listSize; p++) {
            if (!active[p]) {
                continue;
            }
            int in = slotOf[d][p] * size;
            long[] hw = hardWords[p];
            double pen = 0;
            long parity = 0;
            for (int w = 0; w < wordCount; w++) {
                int from = in + 64 * w;
                long bits = 0;
                for (int i = 0; i < perWord; i++) {
                    double x = a[from + i];
                    bits |= (x < 0 ? 1L : 0L) << i;
                    pen += base(x);
                }
                hw[w] = bits;
                parity ^= bits;
            }
            metric[p] += pen;
            hardParity[p] = Long.bitCount(parity) & 1;
            flipsKnown[p] = -1; // its least reliable positions are found when its first set is popped
            relOff[p] = in;
            push(newSet(p, -1, -1, metric[p], 0));
        }
        int count = 0;
        while (heapSize > 0 && count < listSize) {
            int e = pop();
            int p = setPath[e];
            if (!parityCheck || setParity[e] == hardParity[p]) {
                accepted[count++] = e;
            }
            int next = setLast[e] + 1;
            if (next < flips) {
                if (flipsKnown[p] < 0) {
                    prefetchLeastReliable(p, a, relOff[p], size, Math.min(flips, PREFETCH));
                }
                while (flipsKnown[p] <= next) {
                    extractLeastReliable(p);
                }
                double c = flipCost[p][next];
                int grown = newSet(p, next, e, setCost[e] + c, setParity[e] ^ 1);
                push(grown);
                int parent = setParent[e];
                if (parent >= 0) {
                    push(newSet(p, next, parent, setCost[parent] + c, setParity[e]));
                }
            }
        }
        // kill the paths without a survivor, then clone; the hard words stay with the paths they were made from
        for (int p = 0; p < listSize; p++) {
            uses[p] = 0;
        }
        for (int j = 0; j < count; j++) {
            uses[setPath[accepted[j]]]++;
        }
        for (int p = 0; p < listSize; p++) {
            if (active[p] && uses[p] == 0) {
                killPath(p);
            }
        }
        for (int p = 0; p < listSize; p++) {
            keep0[p] = false; // here: the path already carries one of its accepted sets
        }
        for (int j = 0; j < count; j++) {
            int p = setPath[accepted[j]];
            if (keep0[p]) {
                assigned[j] = clonePath(p);
            } else {
                keep0[p] = true;
                assigned[j] = p;
            }
        }
        // the word of every survivor: its path's hard word with the set's flips, → u (GF(2)) → c = u·F over Z
        int[] tgt = targetArray(d);
        for (int j = 0; j < count; j++) {
            int e = accepted[j];
            int p = setPath[e];
            int q = assigned[j];
            metric[q] = setCost[e];
            System.arraycopy(hardWords[p], 0, wordBuf, 0, wordCount);
            for (int s = e; setLast[s] >= 0; s = setParent[s]) {
                int i = flipIdx[p][setLast[s]];
                wordBuf[i >>> 6] ^= 1L << i;
            }
            PolarTransform.codewordBitsToZ(wordBuf, size, tgt, target(d, pos, q));
        }
    }

    private int newSet(int path, int last, int parent, double cost, int parity) {
        if (sets == setPath.length) {
            growSets(2 * sets);
        }
        int e = sets++;
        setPath[e] = path;
        setLast[e] = last;
        setParent[e] = parent;
        setCost[e] = cost;
        setParity[e] = parity;
        setFlips[e] = last < 0 ? 0 : setFlips[parent] + 1;
        setLocal[e] = last < 0 ? 0.0 : setLocal[parent] + flipCost[path][last];
        return e;
    }

    private void growSets(int capacity) {
        setPath = setPath == null ? new int[capacity] : Arrays.copyOf(setPath, capacity);
        setLast = setLast == null ? new int[capacity] : Arrays.copyOf(setLast, capacity);
        setParent = setParent == null ? new int[capacity] : Arrays.copyOf(setParent, capacity);
        setParity = setParity == null ? new int[capacity] : Arrays.copyOf(setParity, capacity);
        setFlips = setFlips == null ? new int[capacity] : Arrays.copyOf(setFlips, capacity);
        setLocal = setLocal == null ? new double[capacity] : Arrays.copyOf(setLocal, capacity);
        setCost = setCost == null ? new double[capacity] : Arrays.copyOf(setCost, capacity);
        heap = heap == null ? new int[capacity] : Arrays.copyOf(heap, capacity);
        heapCost = heapCost == null ? new double[capacity] : Arrays.copyOf(heapCost, capacity);
    }

    /**
     * Heap order: cost; on equal costs (a tiny |α| absorbed in a large metric) the smaller flip cost Σ|α_i| of the
     * node alone, then fewer flips, then creation order. The first three do not change when a lattice point shifts
     * the input (it flips signs, not magnitudes), which keeps the quantizer translation-equivariant on such ties.
     */
    private boolean setBefore(int a, int b) {
        if (setCost[a] != setCost[b]) {
            return setCost[a] < setCost[b];
        }
        if (setLocal[a] != setLocal[b]) {
            return setLocal[a] < setLocal[b];
        }
        if (setFlips[a] != setFlips[b]) {
            return setFlips[a] < setFlips[b];
        }
        return a < b;
    }

    /** {@link #setBefore} for set a of cost ca and set b of cost cb (the heap keeps each entry's cost beside it). */
    private boolean setBefore(int a, double ca, int b, double cb) {
        return ca != cb ? ca < cb : setBefore(a, b);
    }

    private void push(int e) {
        double ce = setCost[e];
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (!setBefore(e, ce, heap[parent], heapCost[parent])) {
                break;
            }
            heap[i] = heap[parent];
            heapCost[i] = heapCost[parent];
            i = parent;
        }
        heap[i] = e;
        heapCost[i] = ce;
    }

    private int pop() {
        int top = heap[0];
        int size = --heapSize;
        int last = heap[size];
        double lastCost = heapCost[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && setBefore(heap[child + 1], heapCost[child + 1], heap[child], heapCost[child])) {
                child++;
            }
            if (!setBefore(heap[child], heapCost[child], last, lastCost)) {
                break;
            }
            heap[i] = heap[child];
            heapCost[i] = heapCost[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
            heapCost[i] = lastCost;
        }
        return top;
    }

    /**
     * The first k least reliable positions of path p, by (|α_i|, i), with one insertion pass (k is small). The
     * enumeration rarely needs more; when it does, {@link #extractLeastReliable} builds a heap over the node.
     */
    private void prefetchLeastReliable(int p, double[] a, int off, int size, int k) {
        int[] idx = flipIdx[p];
        double[] cost = flipCost[p];
        int filled = 0;
        double worst = 0; // cost[k − 1] once k are filled
        for (int i = 0; i < size; i++) {
            double v = Math.abs(a[off + i]);
            if (filled == k && !(v < worst)) {
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
            worst = cost[k - 1];
        }
        flipsKnown[p] = k;
        relOff[p] = off;
        relSize[p] = -1 - size; // heap not built yet; remembers the node size
    }

    /**
     * Appends path p's next least reliable position to flipIdx[p], flipCost[p]: from a min-heap by (|α_i|, i) over the
     * node, built in O(size) on the first call, whose first {@link #flipsKnown} entries are the prefetched ones.
     */
    private void extractLeastReliable(int p) {
        int[] hp = relHeap[p];
        double[] key = relKey[p];
        if (relSize[p] < 0) {
            int n0 = -1 - relSize[p];
            int off = relOff[p];
            for (int i = 0; i < n0; i++) {
                hp[i] = i;
                key[i] = Math.abs(relLlr[off + i]);
            }
            for (int i = (n0 >> 1) - 1; i >= 0; i--) {
                siftDown(hp, key, n0, i, hp[i]);
            }
            relSize[p] = n0;
            for (int j = 0; j < flipsKnown[p]; j++) { // drop the prefetched positions (same order)
                int size = --relSize[p];
                if (size > 0) {
                    siftDown(hp, key, size, 0, hp[size]);
                }
            }
        }
        int top = hp[0];
        int size = --relSize[p];
        if (size > 0) {
            siftDown(hp, key, size, 0, hp[size]);
        }
        int k = flipsKnown[p]++;
        flipIdx[p][k] = top;
        flipCost[p][k] = key[top];
    }

    private static void siftDown(int[] hp, double[] key, int size, int i, int v) {
        double kv = key[v];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && (key[hp[c + 1]] < key[hp[c]]
                    || (key[hp[c + 1]] == key[hp[c]] && hp[c + 1] < hp[c]))) {
                c++;
            }
            int w = hp[c];
            if (kv < key[w] || (kv == key[w] && v < w)) {
                break;
            }
            hp[i] = w;
            i = c;
        }
        hp[i] = v;
    }
}

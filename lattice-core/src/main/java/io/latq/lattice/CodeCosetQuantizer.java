package io.latq.lattice;

/**
 * Exact closest point in a lattice given as a union of cosets of a scaled checkerboard lattice indexed by a binary
 * code: Λ = ∪_h ∪_{c ∈ C} (o_h·1 + α·c + β·P_h), where c is read as a 0/1 vector, o_h is an integer offset,
 * α and β are powers of two, and P_h = {y ∈ Z^n : Σy ≡ π_h (mod 2)} is D_n (π_h = 0) or its other coset in Z^n
 * (π_h = 1). {@link BarnesWallLattice16} and {@link LeechLattice} are of this form.
 *
 * <p>Each coset is decoded with the D_n rule of Conway &amp; Sloane ("Fast quantizing and decoding algorithms for
 * lattice quantizers and codes", IEEE Trans. Inf. Theory 28(2), 1982): with t_i = (x_i − o_h − α·c_i)/β, round
 * every t_i; if Σr(t_i) has the wrong parity, move the worst-rounded coordinate to its second-nearest integer
 * (cost 1 − 2·max|t_i − r(t_i)|). The squared distance, in units of β², is Σ(t_i − r(t_i))² plus that cost. The
 * nearest of all |C|·(number of offsets) coset decodings is the nearest lattice point, because the cosets partition Λ.
 *
 * <p>Speed: t_i takes only two values per coordinate (c_i = 0 or 1), so the per-coordinate squared error, |error|
 * and rounding parity are computed once for both values, and for every block of b consecutive coordinates and every
 * even-weight b-bit pattern (the codes here have no others) the block's sum of squared errors is tabulated (the sum
 * of two half-block entries that are built coordinate by coordinate). A codeword then costs one table look-up per
 * block. A coset is dropped as soon as its unfixed distance exceeds the best so far (the parity fix only adds); for
 * the few that remain, the rounding parity is a popcount of bit masks and the worst coordinate a direct scan.
 *
 * <p>Tie conventions: within a coset those of {@link DnLattice} (half-up rounding; the lowest index among equal
 * largest |error| is moved, up if its error is ≥ 0). Between cosets, at equal computed squared distance, the
 * lexicographically smallest point wins, which extends E8's "smaller first coordinate" rule (the two E8 cosets
 * differ in every coordinate). A shift by λ ∈ Λ maps cosets onto cosets and shifts every t_i by an integer, so each
 * coset's errors, table entries and distance sums (always added in the same fixed order) are the same doubles as
 * those of its image; the lexicographic order of the candidates is also preserved. Hence
 * Q(x + λ) = Q(x) + λ holds exactly whenever the sums x + λ and x − o_h − α·c_i are exact (dyadic inputs).
 *
 * <p>Thread safety: immutable; the per-coordinate values and block tables live in a per-thread scratch object fetched
 * once per call, so {@link #quantize} does not allocate.
 */
final class CodeCosetQuantizer {

    private final int n;
    private final int blockBits;
    private final int blocks;
    private final int mask;
    private final int[] codewords;
    private final int[] turynH;
    private final int[] turynHPrime;
    /** The index of the all-ones word in {@link #turynHPrime}; xi and xi ^ allOnesIndex index x and x ⊕ 1. */
    private final int allOnesIndex;
    private final int alpha;
    private final double beta;
    private final double invBeta;
    private final int[] offsets;
    private final int[] targetParity;
    /** The high half-block patterns of even (index 0) and odd (index 1) weight. */
    private final int[][] highsOfParity;
    private final ThreadLocal<Scratch> scratch;

    /**
     * A quantizer that tries every codeword of {@code codewords}.
     *
     * @param n            the dimension, a multiple of {@code blockBits}, at most 32
     * @param blockBits    coordinates per look-up table block (2^blockBits entries per table)
     * @param codewords    the code C, bit i of a codeword being coordinate i
     * @param alpha        the code's scale α (a power of two)
     * @param beta         the checkerboard lattice's scale β (a power of two)
     * @param offsets      the offsets o_h
     * @param targetParity π_h for each offset: 0 for β·D_n, 1 for the odd-sum coset
     */
    CodeCosetQuantizer(int n, int blockBits, int[] codewords, int alpha, int beta, int[] offsets,
                       int[] targetParity) {
        this(n, blockBits, codewords, null, null, alpha, beta, offsets, targetParity);
    }

    /**
     * A quantizer for n = 24 whose code is given by the Turyn construction C = {(a ⊕ x, b ⊕ x, a ⊕ b ⊕ x) : a, b ∈ H,
     * x ∈ H'} with blocks of 8 coordinates (bits 0–7, 8–15, 16–23). The search is then a branch and bound: for each
     * x, the minima m_1(x), m_2(x) of blocks 1 and 2 over the patterns H ⊕ x give the lower bound
     * D_0(a ⊕ x) + m_1(x) + m_2(x) for all 16 codewords sharing (x, a), and x is visited in increasing order of its
     * own bound, so that most (x, a) pairs are skipped once a good coset is known. Skipping only cosets whose bound
     * exceeds the best distance strictly leaves the result (and its tie rule) exactly that of the full search.
     */
    static CodeCosetQuantizer turyn24(int[] h, int[] hPrime, int alpha, int beta, int[] offsets, int[] targetParity) {
        return new CodeCosetQuantizer(24, 8, null, h, hPrime, alpha, beta, offsets, targetParity);
    }

    private CodeCosetQuantizer(int n, int blockBits, int[] codewords, int[] turynH, int[] turynHPrime, int alpha,
                               int beta, int[] offsets, int[] targetParity) {
        if (n > 32 || n % blockBits != 0 || Integer.bitCount(alpha) != 1 || Integer.bitCount(beta) != 1
                || offsets.length != targetParity.length) {
            throw new IllegalArgumentException("bad code coset layout");
        }
        this.n = n;
        this.blockBits = blockBits;
        this.blocks = n / blockBits;
        this.mask = (1 << blockBits) - 1;
        this.codewords = codewords == null ? null : codewords.clone();
        this.turynH = turynH == null ? null : turynH.clone();
        this.turynHPrime = turynHPrime == null ? null : turynHPrime.clone();
        this.allOnesIndex = turynHPrime == null ? 0 : allOnesIndex(turynHPrime);
        if (turynH != null) {
            allOnesIndex(turynH); // the shared bounds of x and x ⊕ 1 need 1 ∈ H; throws otherwise
        }
        int highBits = blockBits - blockBits / 2;
        highsOfParity = new int[2][1 << (highBits - 1)];
        int[] fill = new int[2];
        for (int hi = 0; hi < 1 << highBits; hi++) {
            int par = Integer.bitCount(hi) & 1;
            highsOfParity[par][fill[par]++] = hi;
        }
        for (int[] code : new int[][] {codewords, turynH, turynHPrime}) {
            for (int c : code == null ? new int[0] : code) {
                for (int b = 0; b < (code == codewords ? blocks : 1); b++) {
                    if ((Integer.bitCount((c >>> (b * blockBits)) & mask) & 1) != 0) {
                        throw new IllegalArgumentException("odd-weight block pattern in the code");
                    }
                }
            }
        }
        this.alpha = alpha;
        this.beta = beta;
        this.invBeta = 1.0 / beta;
        this.offsets = offsets.clone();
        this.targetParity = targetParity.clone();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n, blocks << blockBits,
                1 << (blockBits - blockBits / 2)));
    }

    /** The index of the word 1 in a code listed linearly (word[i ^ j] = word[i] ⊕ word[j]), else an exception. */
    private static int allOnesIndex(int[] hPrime) {
        for (int i = 0; i < hPrime.length; i++) {
            if (hPrime[i] == 0xff) {
                for (int j = 0; j < hPrime.length; j++) {
                    if (hPrime[i ^ j] != (hPrime[j] ^ 0xff)) {
                        throw new IllegalArgumentException("Turyn component code is not listed linearly");
                    }
                }
                return i;
            }
        }
        throw new IllegalArgumentException("Turyn component code does not contain the all-ones word");
    }

    /** Per-thread work arrays (index bit·n + i: coordinate i's value when c_i = bit) and the best coset so far. */
    private static final class Scratch {
        final double[] sq;
        final double[] abs;
        final double[] dist;
        final double[] low;
        final double[] high;
        final double[] bound = new double[16];
        final double[] min1 = new double[16];
        final double[] min2 = new double[16];
        final int[] order = new int[16];
        /** Bit i set when r(t_i) is odd, for c_i = 0 and for c_i = 1. */
        int oddRounding0;
        int oddRounding1;
        double best;
        int bestH;
        int bestC;
        int bestFix;

        Scratch(int n, int tableSize, int halfTableSize) {
            sq = new double[2 * n];
            abs = new double[2 * n];
            dist = new double[tableSize];
            low = new double[halfTableSize];
            high = new double[halfTableSize];
        }
    }

    /** Writes the closest lattice point to x[xOff..xOff+n) into out[outOff..outOff+n). */
    void quantize(double[] x, int xOff, double[] out, int outOff) {
        Scratch s = scratch.get();
        s.best = Double.POSITIVE_INFINITY;
        s.bestH = -1;
        s.bestC = 0;
        s.bestFix = -1;
        for (int h = 0; h < offsets.length; h++) {
            fillCoordinates(x, xOff, offsets[h], s);
            fillTables(s);
            if (codewords != null) {
                searchAll(x, xOff, h, s);
            } else {
                searchTuryn(x, xOff, h, s);
            }
        }
        for (int i = 0; i < n; i++) {
            out[outOff + i] = coordinate(x, xOff, s.bestH, s.bestC, s.bestFix, i);
        }
    }

    private void searchAll(double[] x, int xOff, int h, Scratch s) {
        for (int c : codewords) {
            double d = 0.0;
            for (int b = 0, shift = 0; b < blocks; b++, shift += blockBits) {
                d += s.dist[(b << blockBits) + ((c >>> shift) & mask)];
            }
            if (d <= s.best) {
                consider(x, xOff, h, c, d, s);
            }
        }
    }

    private void searchTuryn(double[] x, int xOff, int h, Scratch s) {
        double[] dist = s.dist;
        int m = turynHPrime.length;
        for (int xi = 0; xi < m; xi++) {
            int partner = xi ^ allOnesIndex;
            if (partner < xi) {
                // H ⊕ x = H ⊕ (x ⊕ 1) since 1 ∈ H: the same pattern set, so the same minima
                s.min1[xi] = s.min1[partner];
                s.min2[xi] = s.min2[partner];
                s.bound[xi] = s.bound[partner];
            } else {
                int hx = turynHPrime[xi];
                // plain comparisons rather than Math.min: the entries are sums of squares (no NaN, no −0.0)
                double min0 = Double.POSITIVE_INFINITY;
                double min1 = Double.POSITIVE_INFINITY;
                double min2 = Double.POSITIVE_INFINITY;
                for (int a : turynH) {
                    int p = a ^ hx;
                    double v0 = dist[p];
                    double v1 = dist[256 + p];
                    double v2 = dist[512 + p];
                    min0 = v0 < min0 ? v0 : min0;
                    min1 = v1 < min1 ? v1 : min1;
                    min2 = v2 < min2 ? v2 : min2;
                }
                s.min1[xi] = min1;
                s.min2[xi] = min2;
                s.bound[xi] = min0 + min1 + min2;
            }
            // insertion sort of the visiting order by bound; 16 entries
            int k = xi;
            while (k > 0 && s.bound[s.order[k - 1]] > s.bound[xi]) {
                s.order[k] = s.order[k - 1];
                k--;
            }
            s.order[k] = xi;
        }
        for (int r = 0; r < m; r++) {
            int xi = s.order[r];
            if (s.bound[xi] > s.best) {
                break; // the remaining x have larger bounds
            }
            int hx = turynHPrime[xi];
            double min1 = s.min1[xi];
            double min2 = s.min2[xi];
            for (int a : turynH) {
                int p0 = a ^ hx;
                double d0 = dist[p0];
                if (d0 + min1 + min2 > s.best) {
                    continue;
                }
                for (int b : turynH) {
                    int p1 = b ^ hx;
                    int p2 = p0 ^ b;
                    double d = d0 + dist[256 + p1] + dist[512 + p2];
                    if (d <= s.best) {
                        consider(x, xOff, h, p0 | (p1 << 8) | (p2 << 16), d, s);
                    }
                }
            }
        }
    }

    /**
     * Completes coset (h, c) whose unfixed distance d ≤ best: the parity of Σr(t_i) from the odd-rounding masks, the
     * parity fix (lowest index among equal largest |error|, as in {@link DnLattice}), then the comparison with the
     * best. Called only for the few cosets that survive the distance test, so it scans the coordinates directly.
     */
    private void consider(double[] x, int xOff, int h, int c, double d, Scratch s) {
        int odd = (~c & s.oddRounding0) | (c & s.oddRounding1);
        int fix = -1;
        if (((Integer.bitCount(odd) ^ targetParity[h]) & 1) != 0) {
            double w = -1.0;
            for (int i = 0; i < n; i++) {
                double v = s.abs[((c >>> i) & 1) * n + i];
                if (v > w) {
                    w = v;
                    fix = i;
                }
            }
            d += 1.0 - 2.0 * w;
            if (d > s.best) {
                return;
            }
        }
        if (d < s.best || lexicographicallySmaller(x, xOff, h, c, fix, s.bestH, s.bestC, s.bestFix)) {
            s.best = d;
            s.bestH = h;
            s.bestC = c;
            s.bestFix = fix;
        }
    }

    /** Squared error, |error| and rounding parity of every coordinate for c_i = 0 and c_i = 1. */
    private void fillCoordinates(double[] x, int xOff, int offset, Scratch s) {
        for (int bit = 0; bit < 2; bit++) {
            double k = offset + alpha * bit;
            int odd = 0;
            for (int i = 0, j = bit * n; i < n; i++, j++) {
                double t = (x[xOff + i] - k) * invBeta;
                double f = Rounding.roundHalfUp(t);
                double e = t - f;
                s.sq[j] = e * e;
                s.abs[j] = Math.abs(e);
                odd |= (int) (((long) f) & 1L) << i;
            }
            if (bit == 0) {
                s.oddRounding0 = odd;
            } else {
                s.oddRounding1 = odd;
            }
        }
    }

    /**
     * For every block and every even-weight bit pattern p: the block's Σ squared errors. Each half block (b/2
     * coordinates) is tabulated by adding its coordinates in order, and the block entry is low half + high half, so a
     * block of 8 costs 2·30 + 128 additions instead of 510. Only even patterns occur in the codes used here (checked
     * at construction); odd entries are never written or read. The association is fixed, which is all that exact
     * translation invariance needs.
     */
    private void fillTables(Scratch s) {
        double[] dist = s.dist;
        double[] low = s.low;
        double[] high = s.high;
        int halfBits = blockBits / 2;
        for (int b = 0; b < blocks; b++) {
            int i0 = b * blockBits;
            halfTable(s, i0, halfBits, low);
            halfTable(s, i0 + halfBits, blockBits - halfBits, high);
            int base = b << blockBits;
            for (int lo = 0; lo < low.length; lo++) {
                double l = low[lo];
                for (int hi : highsOfParity[Integer.bitCount(lo) & 1]) {
                    dist[base + ((hi << halfBits) | lo)] = l + high[hi];
                }
            }
        }
    }

    /** table[p] = Σ_j sq(i0 + j, bit j of p) for the 2^bits patterns p, coordinates added in order. */
    private void halfTable(Scratch s, int i0, int bits, double[] table) {
        table[0] = 0.0;
        for (int j = 0; j < bits; j++) {
            double sq0 = s.sq[i0 + j];
            double sq1 = s.sq[i0 + j + n];
            int half = 1 << j;
            for (int lo = 0, hi = half; lo < half; lo++, hi++) {
                table[hi] = table[lo] + sq1;
                table[lo] += sq0;
            }
        }
    }

    /**
     * Coordinate i of the decoding of coset (h, c) with the parity fix at index {@code fix} (−1 for none):
     * o_h + α·c_i + β·(r(t_i) ± [i = fix]), recomputed from x so that no per-candidate storage is needed.
     */
    private double coordinate(double[] x, int xOff, int h, int c, int fix, int i) {
        double k = offsets[h] + alpha * ((c >>> i) & 1);
        double t = (x[xOff + i] - k) * invBeta;
        double f = Rounding.roundHalfUp(t);
        if (i == fix) {
            f += (t - f >= 0.0) ? 1.0 : -1.0;
        }
        return k + beta * f;
    }

    /** Whether the candidate (h, c, fix) is lexicographically smaller than the current best (bh, bc, bfix). */
    private boolean lexicographicallySmaller(double[] x, int xOff, int h, int c, int fix, int bh, int bc, int bfix) {
        if (bh < 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            double a = coordinate(x, xOff, h, c, fix, i);
            double b = coordinate(x, xOff, bh, bc, bfix, i);
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    /**
     * An n×n basis (rows, upper triangular with positive diagonal: the Hermite normal form up to the reduction of
     * the entries above the diagonal) of the lattice spanned by the integer rows {@code spanning}, by integer row
     * reduction with Euclid's algorithm on each column in turn.
     *
     * @throws IllegalArgumentException if the rows do not span a full-rank lattice or an entry overflows
     */
    static double[][] basisOf(long[][] spanning, int n) {
        long[][] rows = new long[spanning.length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = spanning[r].clone();
        }
        int remaining = rows.length;
        double[][] basis = new double[n][n];
        for (int col = 0; col < n; col++) {
            while (true) {
                int pivot = -1;
                for (int r = 0; r < remaining; r++) {
                    if (rows[r][col] != 0 && (pivot < 0 || Math.abs(rows[r][col]) < Math.abs(rows[pivot][col]))) {
                        pivot = r;
                    }
                }
                if (pivot < 0) {
                    throw new IllegalArgumentException("spanning set has rank below " + n);
                }
                boolean others = false;
                for (int r = 0; r < remaining; r++) {
                    if (r != pivot && rows[r][col] != 0) {
                        long q = Math.floorDiv(rows[r][col], rows[pivot][col]);
                        for (int j = col; j < n; j++) {
                            rows[r][j] = Math.subtractExact(rows[r][j], Math.multiplyExact(q, rows[pivot][j]));
                        }
                        others |= rows[r][col] != 0;
                    }
                }
                if (!others) {
                    long sign = rows[pivot][col] < 0 ? -1 : 1;
                    for (int j = 0; j < n; j++) {
                        basis[col][j] = sign * rows[pivot][j];
                    }
                    rows[pivot] = rows[remaining - 1];
                    remaining--;
                    break;
                }
            }
        }
        return basis;
    }
}

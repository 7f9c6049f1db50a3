package io.latq.ecdq.entropy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The discretized Gaussian of format version 3: exactly {@link DiscretizedGaussianModel} at the centre rounded to a
 * 1/{@value #PHASES} of a cell, μ' = ⌊{@value #PHASES}·μ + ½⌋/{@value #PHASES}, with the same spread t.
 *
 * <p>Why: for |μ| &lt; 2^40 the version-2 frequencies at μ' = K + p/{@value #PHASES} (K = ⌊μ'⌋) are those at
 * p/{@value #PHASES} shifted by K, because every boundary ((k0 + i) − ½ − μ') is then computed exactly (all terms
 * are multiples of 2^−8 far below 2^52). So one table of cumulative frequencies per (t, p), built once with the
 * version-2 code, serves every centre: coding a symbol is a table lookup (and a binary search to decode) instead of
 * two erfc. Rounding the centre by at most 1/512 cell costs about (δ/t)²/(2 ln 2) bit per coordinate, below 1e-4
 * bit for t ≥ 0.3. Tables are built lazily per spread and phase and cached in one cache shared by all instances
 * (the compressor's trial encodings and every worker reuse them; a table is an immutable object published through
 * final fields, so a race only builds a table twice); the cache is bounded and changes speed, never a frequency.
 * Beyond |μ| ≥ 2^40 the version-2 model at μ' is evaluated directly (same
 * definition).
 *
 * <p>Mutable: {@link #configure} before each coded value. Not thread-safe.
 */
public final class PhaseTableGaussianModel implements GaussianCellModel {
    /** Centre resolution: phases per cell. */
    public static final int PHASES = 256;
    /** Centres from this magnitude on are evaluated directly. */
    static final double TABLE_LIMIT = 0x1p40;
    /** Cached frequency entries (ints) before the shared cache is cleared: bounds memory on adversarial input. */
    static final long MAX_CACHED_ENTRIES = 1L << 23;

    private static final Map<Long, Tables> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong CACHED_ENTRIES = new AtomicLong();

    private final DiscretizedGaussianModel direct = new DiscretizedGaussianModel();
    private boolean useDirect;
    // a small most-recently-used memo in front of the shared map: a vector's coordinates cycle through a few spreads
    private static final int MEMO = 8;
    private final long[] memoBits = new long[MEMO];
    private final Tables[] memoTables = new Tables[MEMO];
    private int[] cum;     // cumulative frequencies of the configured table: cum[0..M+1], cum[M+1] = TOTAL
    private int[] first;   // its decoding index
    private long k0;       // window start of the configured centre
    private int m;         // window symbols

    /** The tables of one spread, per phase (built on first use). */
    private static final class Tables {
        final PhaseTable[] phase = new PhaseTable[PHASES];
    }

    /**
     * The cumulative frequencies and the window start of the model at centre p/PHASES, and a decoding index: first[b]
     * is the symbol whose interval holds the cumulative value b·2^8. Immutable.
     */
    private static final class PhaseTable {
        final int[] cum;
        final long start;
        final int[] first;

        PhaseTable(int[] cum, long start) {
            this.cum = cum;
            this.start = start;
            this.first = new int[(EntropyModel.TOTAL >>> INDEX_SHIFT) + 1];
            int sym = 0;
            for (int b = 0; b < first.length - 1; b++) {
                int c = b << INDEX_SHIFT;
                while (cum[sym + 1] <= c) {
                    sym++;
                }
                first[b] = sym;
            }
        }
    }

    /** Cumulative values per decoding-index bucket: 2^8. */
    private static final int INDEX_SHIFT = 8;

    @Override
    public void configure(double mu, double t) {
        if (!(Math.abs(mu) < 0x1p52)) {
            throw new IllegalArgumentException("model centre out of range: " + mu);
        }
        double scaled = Math.floor(mu * PHASES + 0.5); // exact: PHASES is a power of two
        if (!(Math.abs(scaled) < TABLE_LIMIT * PHASES)) {
            direct.configure(scaled / PHASES, t);
            useDirect = true;
            return;
        }
        useDirect = false;
        long q = (long) scaled;
        long k = Math.floorDiv(q, PHASES);
        int p = (int) (q - k * PHASES);
        long bits = Double.doubleToRawLongBits(t);
        Tables tab = null;
        for (int i = 0; i < MEMO; i++) {
            if (memoBits[i] == bits && memoTables[i] != null) {
                tab = memoTables[i];
                break;
            }
        }
        if (tab == null) {
            tab = CACHE.get(bits);
        }
        if (tab == null) {
            if (!(t > 0 && t <= DiscretizedGaussianModel.MAX_SPREAD)) {
                throw new IllegalArgumentException("model spread must be in (0, " + DiscretizedGaussianModel.MAX_SPREAD
                        + "] cells, got " + t);
            }
            tab = CACHE.computeIfAbsent(bits, b -> new Tables());
        }
        if (memoTables[0] != tab) { // move to front
            int i = 1;
            while (i < MEMO - 1 && memoTables[i] != tab) {
                i++;
            }
            System.arraycopy(memoBits, 0, memoBits, 1, i);
            System.arraycopy(memoTables, 0, memoTables, 1, i);
            memoBits[0] = bits;
            memoTables[0] = tab;
        }
        PhaseTable pt = tab.phase[p];
        if (pt == null) {
            direct.configure((double) p / PHASES, t);
            int size = direct.symbolCount();
            int[] c = new int[size + 1];
            for (int s = 0; s <= size; s++) {
                c[s] = direct.cumulativeFrequency(s);
            }
            pt = new PhaseTable(c, direct.windowStart());
            tab.phase[p] = pt;
            if (CACHED_ENTRIES.addAndGet(c.length) > MAX_CACHED_ENTRIES) {
                CACHE.clear(); // instances keep their current tables; later lookups rebuild
                CACHED_ENTRIES.set(0);
            }
        }
        this.cum = pt.cum;
        this.first = pt.first;
        this.m = pt.cum.length - 2;
        this.k0 = k + pt.start;
    }

    @Override
    public long windowStart() {
        return useDirect ? direct.windowStart() : k0;
    }

    @Override
    public int escapeSymbol() {
        return useDirect ? direct.escapeSymbol() : m;
    }

    @Override
    public int symbolOf(long k) {
        if (useDirect) {
            return direct.symbolOf(k);
        }
        long i = k - k0;
        return i >= 0 && i < m ? (int) i : m;
    }

    @Override
    public int symbolCount() {
        return useDirect ? direct.symbolCount() : m + 1;
    }

    @Override
    public int cumulativeFrequency(int symbol) {
        return useDirect ? direct.cumulativeFrequency(symbol) : cum[symbol];
    }

    @Override
    public int symbolForCumulative(int c) {
        if (useDirect) {
            return direct.symbolForCumulative(c);
        }
        int sym = first[c >>> INDEX_SHIFT]; // cum[sym] ≤ c; step up to the interval that holds c
        while (cum[sym + 1] <= c) {
            sym++;
        }
        return sym;
    }
}

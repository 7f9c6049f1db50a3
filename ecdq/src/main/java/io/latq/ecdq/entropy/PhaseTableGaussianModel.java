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
 * Each instance copies the phases it uses into one flat array per spread (its last {@value #MEMO} spreads), so a
 * lookup reads two arrays instead of walking shared objects.
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
    // this instance's copies of the tables of its last few spreads, flat (one array per spread, phase-major), so a
    // lookup is two array reads instead of a walk through the shared objects; evicted round-robin
    private static final int MEMO = 8;
    private final Local[] memo = new Local[MEMO];
    private int memoNext;
    private Local cur;     // the spread configured last
    private int base;      // cum[base + s] = cumulative frequency of symbol s at the configured phase
    private int indexBase; // first[indexBase + (c >>> INDEX_SHIFT)] starts the search for cumulative value c
    private long k0;       // window start of the configured centre

    /** The tables of one spread, per phase (built on first use), shared by every instance. */
    private static final class Tables {
        final PhaseTable[] phase = new PhaseTable[PHASES];
    }

    /** The cumulative frequencies and the window start of the model at centre p/PHASES. Immutable. */
    private static final class PhaseTable {
        final int[] cum;
        final long start;

        PhaseTable(int[] cum, long start) {
            this.cum = cum;
            this.start = start;
        }
    }

    /**
     * One instance's flat copy of a spread's tables: phase p occupies cum[p·stride, (p+1)·stride) (stride = M + 2:
     * the window, the escape and TOTAL) and first[p·INDEX + b], the symbol whose interval holds the cumulative value
     * b·2^{@value #INDEX_SHIFT}. Phases are copied from the shared tables on first use.
     */
    private static final class Local {
        final long bits;
        final int slot;
        final double t;
        final Tables shared;
        final int m;
        final int stride;
        final int[] cum;
        final short[] first;
        final long[] start = new long[PHASES]; // NOT_READY until the phase is copied

        Local(long bits, double t, Tables shared, int m, int slot) {
            this.bits = bits;
            this.slot = slot;
            this.t = t;
            this.shared = shared;
            this.m = m;
            this.stride = m + 2;
            this.cum = new int[PHASES * stride];
            this.first = new short[PHASES * INDEX];
            java.util.Arrays.fill(start, NOT_READY);
        }
    }

    /** Cumulative values per decoding-index bucket: 2^10. */
    private static final int INDEX_SHIFT = 10;
    private static final int INDEX = (EntropyModel.TOTAL >>> INDEX_SHIFT) + 1;

    @Override
    public void configure(double mu, double t) {
        configure(mu, t, -1);
    }

    /**
     * {@link #configure(double, double)}, starting the lookup of t's tables at {@code hint}, the value an earlier call
     * returned for the same t (−1: none). Returns the hint for the next call with t: a caller that cycles through a
     * few spreads keeps one hint per spread and skips the search. A stale hint costs a search, never a wrong table.
     */
    public int configure(double mu, double t, int hint) {
        if (!(Math.abs(mu) < 0x1p52)) {
            throw new IllegalArgumentException("model centre out of range: " + mu);
        }
        double scaled = Math.floor(mu * PHASES + 0.5); // exact: PHASES is a power of two
        long bits = Double.doubleToRawLongBits(t);
        Local loc = hint >= 0 && hint < MEMO ? memo[hint] : cur;
        if (loc == null || loc.bits != bits) {
            loc = local(bits, t);
        }
        if (loc == null || !(Math.abs(scaled) < TABLE_LIMIT * PHASES)) {
            // a window too wide to copy, or a centre beyond the tables: the same model, evaluated directly
            direct.configure(scaled / PHASES, t);
            useDirect = true;
            return loc == null ? -1 : loc.slot;
        }
        useDirect = false;
        long q = (long) scaled;
        int p = (int) (q & (PHASES - 1));
        long k = q >> 8; // ⌊q / PHASES⌋
        long start = loc.start[p];
        if (start == NOT_READY) {
            start = fill(loc, p);
        }
        cur = loc;
        this.base = p * loc.stride;
        this.indexBase = p * INDEX;
        this.k0 = k + start;
        return loc.slot;
    }

    /**
     * Widest window (symbols) an instance copies: the copies of a spread then take at most about 1 MiB, 8 MiB for the
     * {@value #MEMO} spreads of an instance. Wider windows (t ≳ 78 cells, which the coders only meet in their coarse
     * parts at extreme rates, or in crafted files) use the model directly, with the same frequencies.
     */
    static final int MAX_COPIED_SYMBOLS = 1024;

    /** This instance's tables for spread t (bits = its raw bits), from the memo or new; null when too wide. */
    private Local local(long bits, double t) {
        for (Local l : memo) {
            if (l != null && l.bits == bits) {
                return l;
            }
        }
        if (!(t > 0 && t <= DiscretizedGaussianModel.MAX_SPREAD)) {
            throw new IllegalArgumentException("model spread must be in (0, " + DiscretizedGaussianModel.MAX_SPREAD
                    + "] cells, got " + t);
        }
        direct.configure(0.0, t); // the window size M depends on t only
        if (direct.symbolCount() - 1 > MAX_COPIED_SYMBOLS) {
            return null;
        }
        Tables tab = CACHE.get(bits);
        if (tab == null) {
            tab = CACHE.computeIfAbsent(bits, b -> new Tables());
        }
        Local l = new Local(bits, t, tab, direct.symbolCount() - 1, memoNext);
        memo[memoNext] = l;
        memoNext = (memoNext + 1) % MEMO;
        return l;
    }

    /** A window start no table has (|start| ≤ 2^40 + 4096): marks a phase not copied yet. */
    private static final long NOT_READY = Long.MIN_VALUE;

    /**
     * Copies phase p of the shared tables (building it there first if no instance has) into {@code loc}; returns
     * its window start.
     */
    private long fill(Local loc, int p) {
        PhaseTable pt = loc.shared.phase[p];
        if (pt == null) {
            direct.configure((double) p / PHASES, loc.t);
            int size = direct.symbolCount();
            int[] c = new int[size + 1];
            for (int s = 0; s <= size; s++) {
                c[s] = direct.cumulativeFrequency(s);
            }
            pt = new PhaseTable(c, direct.windowStart());
            loc.shared.phase[p] = pt;
            if (CACHED_ENTRIES.addAndGet(c.length) > MAX_CACHED_ENTRIES) {
                CACHE.clear(); // instances keep their own copies; later lookups rebuild
                CACHED_ENTRIES.set(0);
            }
        }
        System.arraycopy(pt.cum, 0, loc.cum, p * loc.stride, loc.stride);
        int sym = 0;
        int b0 = p * loc.stride;
        for (int b = 0; b < INDEX - 1; b++) {
            int c = b << INDEX_SHIFT;
            while (loc.cum[b0 + sym + 1] <= c) {
                sym++;
            }
            loc.first[p * INDEX + b] = (short) sym; // M ≤ 4095
        }
        loc.start[p] = pt.start;
        return pt.start;
    }

    @Override
    public long windowStart() {
        return useDirect ? direct.windowStart() : k0;
    }

    @Override
    public int escapeSymbol() {
        return useDirect ? direct.escapeSymbol() : cur.m;
    }

    @Override
    public int symbolOf(long k) {
        if (useDirect) {
            return direct.symbolOf(k);
        }
        long i = k - k0;
        int m = cur.m;
        return i >= 0 && i < m ? (int) i : m;
    }

    @Override
    public int symbolCount() {
        return useDirect ? direct.symbolCount() : cur.m + 1;
    }

    @Override
    public int cumulativeFrequency(int symbol) {
        return useDirect ? direct.cumulativeFrequency(symbol) : cur.cum[base + symbol];
    }

    @Override
    public int symbolForCumulative(int c) {
        if (useDirect) {
            return direct.symbolForCumulative(c);
        }
        int[] cum = cur.cum;
        int at = base + cur.first[indexBase + (c >>> INDEX_SHIFT)]; // cum[at] ≤ c; step up to c's interval
        while (cum[at + 1] <= c) {
            at++;
        }
        return at - base;
    }
}

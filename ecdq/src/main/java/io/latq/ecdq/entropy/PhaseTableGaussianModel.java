package io.latq.ecdq.entropy;

import java.util.HashMap;
import java.util.Map;

/**
 * The discretized Gaussian of format version 3: exactly {@link DiscretizedGaussianModel} at the centre rounded to a
 * 1/{@value #PHASES} of a cell, μ' = ⌊{@value #PHASES}·μ + ½⌋/{@value #PHASES}, with the same spread t.
 *
 * <p>Why: for |μ| &lt; 2^40 the version-2 frequencies at μ' = K + p/{@value #PHASES} (K = ⌊μ'⌋) are those at
 * p/{@value #PHASES} shifted by K, because every boundary ((k0 + i) − ½ − μ') is then computed exactly (all terms
 * are multiples of 2^−8 far below 2^52). So one table of cumulative frequencies per (t, p), built once with the
 * version-2 code, serves every centre: coding a symbol is a table lookup (and a binary search to decode) instead of
 * two erfc. Rounding the centre by at most 1/512 cell costs about (δ/t)²/(2 ln 2) bit per coordinate, below 1e-4
 * bit for t ≥ 0.3. Tables are built lazily per spread and phase and cached per instance (so per thread); the cache
 * changes speed, never a frequency. Beyond |μ| ≥ 2^40 the version-2 model at μ' is evaluated directly (same
 * definition).
 *
 * <p>Mutable: {@link #configure} before each coded value. Not thread-safe.
 */
public final class PhaseTableGaussianModel implements GaussianCellModel {
    /** Centre resolution: phases per cell. */
    public static final int PHASES = 256;
    /** Centres from this magnitude on are evaluated directly. */
    static final double TABLE_LIMIT = 0x1p40;
    /** Distinct spreads kept before the cache is cleared (bounds memory on adversarial input). */
    static final int MAX_CACHED_SPREADS = 1024;

    private final DiscretizedGaussianModel direct = new DiscretizedGaussianModel();
    private final Map<Long, Tables> cache = new HashMap<>();
    private boolean useDirect;
    private long lastSpreadBits = -1; // a one-entry memo in front of the map (spreads repeat along a vector)
    private Tables lastTables;
    private int[] cum;     // cumulative frequencies of the configured table: cum[0..M+1], cum[M+1] = TOTAL
    private long k0;       // window start of the configured centre
    private int m;         // window symbols

    /** The tables of one spread: per phase, the cumulative frequencies and the window start at centre p/PHASES. */
    private static final class Tables {
        final int[][] cum = new int[PHASES][];
        final long[] start = new long[PHASES];
    }

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
        Tables tab = bits == lastSpreadBits ? lastTables : cache.get(bits);
        if (tab == null) {
            if (!(t > 0 && t <= DiscretizedGaussianModel.MAX_SPREAD)) {
                throw new IllegalArgumentException("model spread must be in (0, " + DiscretizedGaussianModel.MAX_SPREAD
                        + "] cells, got " + t);
            }
            if (cache.size() >= MAX_CACHED_SPREADS) {
                cache.clear();
            }
            tab = new Tables();
            cache.put(bits, tab);
        }
        lastSpreadBits = bits;
        lastTables = tab;
        int[] c = tab.cum[p];
        if (c == null) {
            direct.configure((double) p / PHASES, t);
            int size = direct.symbolCount();
            c = new int[size + 1];
            for (int s = 0; s <= size; s++) {
                c[s] = direct.cumulativeFrequency(s);
            }
            tab.cum[p] = c;
            tab.start[p] = direct.windowStart();
        }
        this.cum = c;
        this.m = c.length - 2;
        this.k0 = k + tab.start[p];
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
        int lo = 0;       // cum[lo] ≤ c
        int hi = m + 1;   // cum[hi] > c
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] <= c) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package io.latq.ecdq.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps the bins of a transform tile to bands of similar variance, log-spaced in frequency.
 *
 * <p><b>1-D rule</b> (frames of B bins, bin b = 0..B−1, b = 0 is DC): bin 0 alone, bin 1 alone, then bands
 * [e_j, e_{j+1}) whose edges are the distinct values of ⌈2^(j/q)⌉ for j = 1, 2, … (all ≥ 2), with q bands per
 * octave ({@link #DEFAULT_BANDS_PER_OCTAVE} by default); the last band ends at B−1. Example B = 16, q = 2: edges
 * 2, 3, 4, 6, 8, 12, bands {0}, {1}, {2}, {3}, {4,5}, {6,7}, {8..11}, {12..15}.
 *
 * <p><b>k-d rule</b> (tiles t_1..t_k, powers of two, bin = C-order index of (b_1..b_k) in the tile, b_i &lt; t_i):
 * the per-axis frequencies are put on a common grid T = max t_i by u_i = b_i·(T/t_i) (exact integers), and the bin
 * goes to the 1-D band of the integer radius r = ⌊√(Σ u_i²)⌋ (integer square root, computed exactly). Radius
 * values that no bin attains would give empty bands; band indices are renumbered consecutively over the non-empty
 * bands in increasing radius, so every band has at least one bin. For k = 1 this is exactly the 1-D rule.
 *
 * <p>The partition is a pure function of (tile sizes, q): a decoder recomputes it from those header fields. The
 * edges 2^(j/q) use {@link StrictMath#pow}; when j is a multiple of q the power is exact.
 *
 * <p>Properties: monotone (band index non-decreasing in radius; for 1-D in bin index), every bin in exactly one
 * band, bands numbered 0..{@link #bandCount()}−1 and all non-empty. Immutable.
 */
public final class BandPartition {
    /** Default number of bands per octave. */
    public static final int DEFAULT_BANDS_PER_OCTAVE = 4;
    /** Largest accepted bands-per-octave value. */
    public static final int MAX_BANDS_PER_OCTAVE = 64;

    private final int[] tile;
    private final int q;
    private final int[] bandOfBin;
    private final int[] bandSize;

    private BandPartition(int[] tile, int q, int[] bandOfBin, int[] bandSize) {
        this.tile = tile;
        this.q = q;
        this.bandOfBin = bandOfBin;
        this.bandSize = bandSize;
    }

    /** 1-D frames of {@code frameSize} bins with the default {@value #DEFAULT_BANDS_PER_OCTAVE} bands per octave. */
    public static BandPartition forFrame(int frameSize) {
        return forTiles(new int[] {frameSize}, DEFAULT_BANDS_PER_OCTAVE);
    }

    /** 1-D frames of {@code frameSize} bins with q bands per octave. */
    public static BandPartition forFrame(int frameSize, int bandsPerOctave) {
        return forTiles(new int[] {frameSize}, bandsPerOctave);
    }

    /**
     * k-d tiles (C order) with q bands per octave.
     *
     * @param tileSizes      t_1..t_k, powers of two with ∏ t_i ≤ 2^30
     * @param bandsPerOctave q in 1..{@value #MAX_BANDS_PER_OCTAVE}
     */
    public static BandPartition forTiles(int[] tileSizes, int bandsPerOctave) {
        int[] t = tileSizes.clone();
        if (t.length == 0) {
            throw new IllegalArgumentException("need at least one tile axis");
        }
        if (bandsPerOctave < 1 || bandsPerOctave > MAX_BANDS_PER_OCTAVE) {
            throw new IllegalArgumentException("bands per octave must be in 1.." + MAX_BANDS_PER_OCTAVE
                    + ", got " + bandsPerOctave);
        }
        long bins = 1;
        int big = 1;
        for (int s : t) {
            if (s < 1 || Integer.bitCount(s) != 1) {
                throw new IllegalArgumentException("tile sizes must be powers of two, got " + Arrays.toString(t));
            }
            bins *= s;
            if (bins > (1 << 30)) {
                throw new IllegalArgumentException("tile too large: " + Arrays.toString(t));
            }
            big = Math.max(big, s);
        }
        int n = (int) bins;
        int k = t.length;
        // largest radius: sqrt(k)·T < 2^16 for T ≤ 2^30 only if k small; use long arithmetic throughout
        long maxSq = 0;
        for (int s : t) {
            long u = (long) (s - 1) * (big / s);
            maxSq += u * u;
        }
        long maxRadius = isqrt(maxSq);
        long[] edges = edges(maxRadius, bandsPerOctave);
        int[] raw = new int[n];
        int[] b = new int[k];
        for (int bin = 0; bin < n; bin++) {
            long sq = 0;
            for (int i = 0; i < k; i++) {
                long u = (long) b[i] * (big / t[i]);
                sq += u * u;
            }
            raw[bin] = rawBand(isqrt(sq), edges);
            for (int i = k - 1; i >= 0; i--) {   // C-order increment
                if (++b[i] < t[i]) {
                    break;
                }
                b[i] = 0;
            }
        }
        int rawCount = 2 + edges.length;
        int[] count = new int[rawCount];
        for (int r : raw) {
            count[r]++;
        }
        int[] renumber = new int[rawCount];
        int bands = 0;
        for (int r = 0; r < rawCount; r++) {
            renumber[r] = count[r] > 0 ? bands++ : -1;
        }
        int[] size = new int[bands];
        int[] band = new int[n];
        for (int bin = 0; bin < n; bin++) {
            band[bin] = renumber[raw[bin]];
            size[band[bin]]++;
        }
        return new BandPartition(t, bandsPerOctave, band, size);
    }

    /** Distinct values ⌈2^(j/q)⌉ ≤ maxRadius for j ≥ 1 (all ≥ 2), ascending. */
    /**
     * Separable bands for k-d tiles: the 1-D partition ({@link #forFrame(int, int)}) of each axis, combined in C order
     * (band = Σ_j band_j(b_j)·∏_{i&gt;j} K_i). Unlike the radial rule it keeps apart bins whose frequencies differ in
     * direction, which anisotropic data (correlated along one axis only) needs; it costs more cells.
     */
    public static BandPartition separable(int[] tileSizes, int bandsPerOctave) {
        int[] t = tileSizes.clone();
        int k = t.length;
        BandPartition[] axis = new BandPartition[k];
        long bins = 1;
        int bands = 1;
        for (int j = 0; j < k; j++) {
            axis[j] = forTiles(new int[] {t[j]}, bandsPerOctave);
            bins *= t[j];
            bands *= axis[j].bandCount();
            if (bins > (1 << 30)) {
                throw new IllegalArgumentException("tile too large: " + Arrays.toString(t));
            }
        }
        int n = (int) bins;
        int[] band = new int[n];
        int[] size = new int[bands];
        int[] b = new int[k];
        for (int bin = 0; bin < n; bin++) {
            int v = 0;
            for (int j = 0; j < k; j++) {
                v = v * axis[j].bandCount() + axis[j].bandOfBin(b[j]);
            }
            band[bin] = v;
            size[v]++;
            for (int i = k - 1; i >= 0; i--) {   // C-order increment
                if (++b[i] < t[i]) {
                    break;
                }
                b[i] = 0;
            }
        }
        return new BandPartition(t, bandsPerOctave, band, size);
    }

    static long[] edges(long maxRadius, int q) {
        List<Long> e = new ArrayList<>();
        long last = 1;
        for (int j = 1; ; j++) {
            long v = (long) Math.ceil(StrictMath.pow(2.0, (double) j / q));
            if (v > maxRadius) {
                break;
            }
            if (v > last) {
                e.add(v);
                last = v;
            }
        }
        long[] out = new long[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i);
        }
        return out;
    }

    private static int rawBand(long r, long[] edges) {
        if (r < 2) {
            return (int) r;
        }
        int lo = 0;   // largest i with edges[i] <= r; edges[0] == 2 <= r
        int hi = edges.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= r) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return 2 + lo;
    }

    /** Exact ⌊√x⌋ for x ≥ 0 by integer Newton iteration (no floating point). */
    static long isqrt(long x) {
        if (x < 2) {
            return x;
        }
        long r = x;
        long y = (r + 1) >>> 1;
        while (y < r) {
            r = y;
            y = (r + x / r) >>> 1;
        }
        return r;
    }

    /** Number of bands (all non-empty). */
    public int bandCount() {
        return bandSize.length;
    }

    /** Number of bins per tile, ∏ t_i. */
    public int binCount() {
        return bandOfBin.length;
    }

    /** Band of a tile bin (C-order index in the tile). */
    public int bandOfBin(int bin) {
        return bandOfBin[bin];
    }

    /** Number of bins of a band in one full tile. */
    public int bandSize(int band) {
        return bandSize[band];
    }

    /** The band of every bin (a copy). */
    public int[] bandOfBins() {
        return bandOfBin.clone();
    }

    /** The tile sizes (a copy). */
    public int[] tileSizes() {
        return tile.clone();
    }

    /** q, bands per octave. */
    public int bandsPerOctave() {
        return q;
    }

    /**
     * The band of every coefficient of a {@link SeparableDct} (whose tile sizes must equal this partition's), in
     * the transform's C-order coefficient layout.
     */
    public int[] bandsOf(SeparableDct transform) {
        if (!Arrays.equals(transform.tile(), tile)) {
            throw new IllegalArgumentException("tile sizes differ: " + Arrays.toString(transform.tile()) + " vs "
                    + Arrays.toString(tile));
        }
        int[] bins = transform.bins();
        for (int i = 0; i < bins.length; i++) {
            bins[i] = bandOfBin[bins[i]];
        }
        return bins;
    }

    @Override
    public String toString() {
        return "BandPartition[tile=" + Arrays.toString(tile) + ", q=" + q + ", bands=" + bandCount() + "]";
    }
}

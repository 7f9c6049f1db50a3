package io.latq.ecdq.transform;

import java.util.Arrays;

/**
 * What the decorrelating stage does to a file, and how the file is cut into blocks (docs/transform.md).
 *
 * <p>The samples form an array of shape {@code timeShape} × C in C order (C channels innermost: WAV channels, CSV
 * columns; C = 1 otherwise). The last {@code axes} axes of {@code timeShape} are transformed by an orthonormal
 * separable DCT-II over tiles of {@code tiles[j]} samples (a partial tile at the end of an axis gets a DCT of its own
 * length; tile 1 is the identity). Across channels an optional KLT (orthonormal C×C matrix U, y = Uᵀx per position)
 * is applied first. A block is a slab of {@code rowsPerBlock} indices along the first transformed axis (fewer in the
 * last slab) times all later axes and channels, for one index of the leading untransformed axes, so every block is a
 * contiguous run of samples in file order and holds whole tiles.
 *
 * <p>The tile transform and its edge rule are {@link SeparableDct}'s; coefficients are grouped into bands of
 * similar frequency by {@link BandPartition} (four bands per octave). A cell is one band of one channel component
 * in one block; its variance is sent as a {@link io.latq.ecdq.quantizer.VarianceCode}.
 */
public final class TransformPlan {
    public static final int MAX_AXES = 3;
    public static final int MAX_TILE = 1024;
    public static final int MAX_TILE_BINS = 4096;
    public static final int MAX_CHANNELS = 64;

    private final long[] timeShape;
    private final int channels;
    private final int axes;
    private final int[] tiles;
    private final long rowsPerBlock;
    private final double[] klt;        // C×C row-major, column k = k-th eigenvector; null = none
    private final long lead;
    private final long height;
    private final long width;          // product of the transformed axes after the first
    private final long[] innerDims;    // timeShape[m−axes+1 .. m)
    private final BandPartition partition;
    private final int bands;

    /** Band rules: radial ({@link BandPartition#forTiles}) or separable ({@link BandPartition#separable}). */
    public static final int BANDS_RADIAL = 0;
    public static final int BANDS_SEPARABLE = 1;

    private final int bandMode;
    private final int bandsPerOctave;

    public TransformPlan(long[] timeShape, int channels, int axes, int[] tiles, long rowsPerBlock, double[] klt) {
        this(timeShape, channels, axes, tiles, rowsPerBlock, klt, BANDS_RADIAL, BandPartition.DEFAULT_BANDS_PER_OCTAVE);
    }

    /**
     * @param bandMode       {@link #BANDS_RADIAL} or {@link #BANDS_SEPARABLE}
     * @param bandsPerOctave bands per octave of frequency, 1..8
     */
    public TransformPlan(long[] timeShape, int channels, int axes, int[] tiles, long rowsPerBlock, double[] klt,
                         int bandMode, int bandsPerOctave) {
        this.timeShape = timeShape.clone();
        this.channels = channels;
        this.axes = axes;
        this.tiles = tiles.clone();
        this.rowsPerBlock = rowsPerBlock;
        this.klt = klt == null ? null : klt.clone();
        int m = timeShape.length;
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channel count " + channels + " outside 1.." + MAX_CHANNELS);
        }
        if (axes < 1 || axes > MAX_AXES || axes > m || tiles.length != axes) {
            throw new IllegalArgumentException("invalid transform axes " + axes + " for a " + m + "-d array");
        }
        long bins = 1;
        for (int t : tiles) {
            if (t < 1 || t > MAX_TILE || Integer.bitCount(t) != 1) {
                throw new IllegalArgumentException("tile size " + t + " is not a power of two in 1.." + MAX_TILE);
            }
            bins *= t;
        }
        if (bins > MAX_TILE_BINS) {
            throw new IllegalArgumentException("tile of " + bins + " bins exceeds " + MAX_TILE_BINS);
        }
        if (klt != null && (klt.length != channels * channels)) {
            throw new IllegalArgumentException("KLT matrix size does not match " + channels + " channels");
        }
        long l = 1;
        long w = 1;
        try {
            for (int i = 0; i < m - axes; i++) {
                l = Math.multiplyExact(l, nonNegative(timeShape[i]));
            }
            for (int i = m - axes + 1; i < m; i++) {
                w = Math.multiplyExact(w, nonNegative(timeShape[i]));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("array shape overflows");
        }
        this.lead = l;
        this.height = nonNegative(timeShape[m - axes]);
        this.width = w;
        this.innerDims = Arrays.copyOfRange(timeShape, m - axes + 1, m);
        if (rowsPerBlock < 1 || (rowsPerBlock % tiles[0] != 0 && rowsPerBlock < height)) {
            throw new IllegalArgumentException("rows per block " + rowsPerBlock + " must be a positive multiple of "
                    + tiles[0]);
        }
        if ((bandMode != BANDS_RADIAL && bandMode != BANDS_SEPARABLE) || bandsPerOctave < 1 || bandsPerOctave > 8) {
            throw new IllegalArgumentException("invalid band rule " + bandMode + " with " + bandsPerOctave
                    + " bands per octave");
        }
        this.bandMode = bandMode;
        this.bandsPerOctave = bandsPerOctave;
        this.partition = bandMode == BANDS_RADIAL ? BandPartition.forTiles(tiles, bandsPerOctave)
                : BandPartition.separable(tiles, bandsPerOctave);
        this.bands = partition.bandCount();
    }

    private static long nonNegative(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative array dimension");
        }
        return v;
    }

    /** The identity plan: no transform, blocks of {@code rowsPerBlock} positions of a flat stream. */
    public static TransformPlan identity(long positions, int channels, long rowsPerBlock, double[] klt) {
        return new TransformPlan(new long[]{positions}, channels, 1, new int[]{1}, rowsPerBlock, klt);
    }

    public int bandMode() {
        return bandMode;
    }

    public int bandsPerOctave() {
        return bandsPerOctave;
    }

    public long[] timeShape() {
        return timeShape.clone();
    }

    public int channels() {
        return channels;
    }

    public int axes() {
        return axes;
    }

    public int[] tiles() {
        return tiles.clone();
    }

    public long rowsPerBlock() {
        return rowsPerBlock;
    }

    /** The KLT matrix (row-major C×C, columns are the eigenvectors) or null. */
    public double[] klt() {
        return klt == null ? null : klt.clone();
    }

    public boolean hasKlt() {
        return klt != null;
    }

    /** True when nothing is transformed in time or space (every tile is 1). */
    public boolean isIdentityInTime() {
        for (int t : tiles) {
            if (t != 1) {
                return false;
            }
        }
        return true;
    }

    /** Number of bands K; a block has C·K cells. */
    public int bands() {
        return bands;
    }

    public int cellsPerBlock() {
        return channels * bands;
    }

    /** Slabs along the first transformed axis. */
    public long slabs() {
        return height == 0 ? 0 : (height + rowsPerBlock - 1) / rowsPerBlock;
    }

    /** Number of blocks; ArithmeticException on overflow. */
    public long blockCount() {
        return Math.multiplyExact(lead, slabs());
    }

    /** Positions (samples per channel) in one row of the first transformed axis. */
    public long rowPositions() {
        return width;
    }

    /** Rows in block b. */
    public long rowsInBlock(long b) {
        long s = b % slabs();
        return Math.min(rowsPerBlock, height - s * rowsPerBlock);
    }

    /** Samples (all channels) in block b. */
    public long samplesInBlock(long b) {
        return rowsInBlock(b) * width * channels;
    }

    /** Largest block in samples (all channels), capped by the whole array. */
    public long maxBlockSamples() {
        return Math.min(rowsPerBlock, height) * width * channels;
    }

    /**
     * The band of every position of a block with {@code rows} rows, positions in C order over
     * (rows, innerDims...): the {@link BandPartition} band of the position's {@link SeparableDct} tile bin.
     */
    public int[] bandMap(int rows) {
        int[] out = binMap(rows);
        for (int pos = 0; pos < out.length; pos++) {
            out[pos] = bandOfBin(out[pos]);
        }
        return out;
    }

    /** The band of a tile bin. */
    public int bandOfBin(int bin) {
        return partition.bandOfBin(bin);
    }

    /** The tile bin of every position of a block with {@code rows} rows (see {@link SeparableDct#binOf}). */
    public int[] binMap(int rows) {
        if (isIdentityInTime()) { // tiles of 1: every position is bin 0 (no per-position tile walk to build)
            int size = 1;
            for (int d : blockShape(rows)) {
                size = Math.multiplyExact(size, d);
            }
            return new int[size];
        }
        SeparableDct t = new SeparableDct(blockShape(rows), tiles);
        int[] out = new int[t.size()];
        for (int pos = 0; pos < out.length; pos++) {
            out[pos] = t.binOf(pos);
        }
        return out;
    }

    /** {@link #blockDims} as ints, for {@link SeparableDct}. */
    public int[] blockShape(long rows) {
        long[] d = blockDims(rows);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.toIntExact(d[i]);
        }
        return out;
    }

    /** Shape of a block with {@code rows} rows, without the channel axis: (rows, innerDims...). */
    public long[] blockDims(long rows) {
        long[] dims = new long[axes];
        dims[0] = rows;
        for (int j = 1; j < axes; j++) {
            dims[j] = innerDims[j - 1];
        }
        return dims;
    }

    /** A short description for messages and inspect: e.g. {@code dct 256 x1 klt} or {@code none}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(isIdentityInTime() ? "none" : "dct");
        if (!isIdentityInTime()) {
            for (int j = 0; j < axes; j++) {
                sb.append(j == 0 ? " " : "x").append(tiles[j]);
            }
        }
        if (bandMode == BANDS_SEPARABLE) {
            sb.append(" separable");
        }
        if (klt != null) {
            sb.append(" + klt");
        }
        return sb.toString();
    }
}

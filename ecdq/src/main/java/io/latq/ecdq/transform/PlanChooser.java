package io.latq.ecdq.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate {@link TransformPlan}s for an array, and the choice among them by predicted rate (docs/transform.md,
 * "Choosing the transform"): for each candidate, reverse water-filling over the cell variances of the file at the
 * target distortion gives Σ ½log2(v/θ) bits over the coded cells, plus the fixed cost of every block (8 bits per
 * cell code, 24 bytes of frame, CRC and rANS state, the padding of the last lattice vector). The candidate with the
 * smallest prediction wins; a transform must beat the identity by {@value #MIN_GAIN} bits per sample, so i.i.d. data
 * keeps the identity.
 */
public final class PlanChooser {
    /** Smallest predicted saving (bits/sample) for which a transform is chosen over the identity. */
    public static final double MIN_GAIN = 0.02;
    static final int[] FRAMES_1D = {16, 64, 256, 1024};
    static final int[] TILES_ND = {4, 8, 16, 32};
    /** Block sizes tried (samples); the largest halves the framing cost of the next at 2^20 samples and more. */
    static final long[] BLOCK_SAMPLES = {8192, 65536, 262144};

    private PlanChooser() {
    }

    /** The shape coded: the container's shape without axes of length 1 and without the channel axis. */
    public static long[] timeShape(long[] shape, long count, int channels, boolean arrayShape) {
        if (!arrayShape || channels != 1) {
            return new long[] {count / channels};
        }
        List<Long> dims = new ArrayList<>();
        for (long d : shape) {
            if (d != 1) {
                dims.add(d);
            }
        }
        if (dims.isEmpty()) {
            dims.add(count);
        }
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dims.get(i);
        }
        return out;
    }

    /**
     * Candidate plans: the identity, and DCT tiles on the trailing (up to three) axes. {@code mode} is
     * {@code auto}, {@code none}, {@code dct} or {@code dct:B}; {@code blockRows} &gt; 0 fixes the rows per block.
     */
    public static List<TransformPlan> candidates(long[] timeShape, int channels, double[] klt, String mode,
                                                 long blockRows, long maxBlockSamples) {
        List<TransformPlan> out = new ArrayList<>();
        int m = timeShape.length;
        int axes = Math.min(m, TransformPlan.MAX_AXES);
        long width = 1;
        for (int i = m - axes + 1; i < m; i++) {
            width *= timeShape[i];
        }
        long height = timeShape[m - axes];
        boolean none = mode.equals("none");
        boolean auto = mode.equals("auto");
        int forced = mode.startsWith("dct:") ? Integer.parseInt(mode.substring(4)) : 0;
        long positions = 1;
        for (long d : timeShape) {
            positions *= d;
        }
        if (none || auto) {
            for (long bs : BLOCK_SAMPLES) {
                long rows = blockRows > 0 ? blockRows : Math.max(1, bs / channels);
                if (rows * channels <= maxBlockSamples) {
                    out.add(TransformPlan.identity(positions, channels, rows, klt));
                }
                if (blockRows > 0) {
                    break;
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("blocks of " + blockRows + " rows of " + channels
                        + " channels exceed " + maxBlockSamples + " samples");
            }
            if (none) {
                return out;
            }
        }
        if (forced > 0 && (forced > TransformPlan.MAX_TILE || Integer.bitCount(forced) != 1)) {
            throw new IllegalArgumentException("dct tile " + forced + " is not a power of two in 1.."
                    + TransformPlan.MAX_TILE);
        }
        int[] sizes = forced > 0 ? new int[] {forced} : (axes == 1 ? FRAMES_1D : TILES_ND);
        int dct = 0;
        for (int b : sizes) {
            if (axes == 1 && b > height && forced == 0) {
                continue;
            }
            int[] tiles = new int[axes];
            long bins = 1;
            for (int j = 0; j < axes; j++) {
                tiles[j] = b;
                bins *= b;
            }
            if (bins > TransformPlan.MAX_TILE_BINS) {
                continue;
            }
            long perRow = width * channels;
            for (long bs : BLOCK_SAMPLES) {
                long rows = blockRows > 0 ? ceilTo(blockRows, b) : Math.max(b, ceilTo((bs + perRow - 1) / perRow, b));
                if (rows * perRow > maxBlockSamples) {
                    continue;
                }
                out.add(new TransformPlan(timeShape, channels, axes, tiles, rows, klt));
                if (axes > 1) {
                    // arrays may be correlated along some axes only: separable bands keep directions apart
                    out.add(new TransformPlan(timeShape, channels, axes, tiles, rows, klt,
                            TransformPlan.BANDS_SEPARABLE, 2));
                }
                dct++;
                if (blockRows > 0) {
                    break;
                }
            }
        }
        if (dct == 0 && !auto) {
            throw new IllegalArgumentException("no DCT tile fits this array (" + mode + ": at most "
                    + TransformPlan.MAX_TILE_BINS + " bins per tile and " + maxBlockSamples + " samples per block)");
        }
        return out;
    }

    private static long ceilTo(long v, long mult) {
        return (v + mult - 1) / mult * mult;
    }

    /**
     * Predicted rate in bits per sample of a plan from its cell statistics at normalized distortion {@code d} per
     * channel component ({@code perChannel}: one water level per channel, else one shared level).
     */
    /**
     * Predicted rate in bits per sample of a plan from its cell statistics at normalized distortion {@code d} per
     * channel component ({@code perChannel}: one water level per channel, else one shared level), with the fixed
     * cost of every block: its cell codes (8 bits each), its frame and CRC (20 bytes) and
     * rANS state (4 bytes), and the padding of its last lattice vector (about n/2 coordinates at about a quarter of a
     * bit each) for a lattice of dimension n.
     */
    public static double predictedRate(CellStatistics s, double d, boolean perChannel, int channels, int n) {
        double bits = 0;
        if (perChannel) {
            for (int c = 0; c < channels; c++) {
                double[][] vw = s.ofChannel(c);
                double total = 0;
                for (double w : vw[1]) {
                    total += w;
                }
                if (total > 0) {
                    bits += ReverseWaterFilling.solve(vw[0], vw[1], d).rate() * total;
                }
            }
        } else {
            bits = s.samples == 0 ? 0 : ReverseWaterFilling.solve(s.variance, s.weight, d).rate() * s.samples;
        }
        bits += (8.0 * s.cells + 8.0 * 24 + n / 8.0) * s.blocks;
        return bits / Math.max(1, s.samples);
    }
}

package io.latq.ecdq.transform;

import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The mean square of every cell (band of a channel component in a block) of a file under a {@link TransformPlan}:
 * the variances reverse water-filling works on. One sequential pass; blocks outside the selection are read and
 * skipped. Optionally keeps the raw samples of some blocks for trial encodings.
 */
public final class CellStatistics {
    /** Mean square of each evaluated cell, block-major then (channel, band). */
    public final double[] variance;
    /** Coefficients in each evaluated cell. */
    public final double[] weight;
    /** Channel component of each evaluated cell. */
    public final int[] channel;
    public final int cells;
    public final long blocks;
    public final long samples;
    /** Raw samples of the kept blocks (in block order), and their block indices. */
    public final List<double[]> keptSamples;
    public final List<Long> keptBlocks;
    /** Mean square of every tile bin per channel component over the evaluated blocks, [channel][bin]. */
    public final double[][] binMeanSquare;
    /** Coefficients behind each entry of {@link #binMeanSquare}. */
    public final double[][] binWeight;
    /** Welch spectrum of every channel component (one-axis plans over all blocks), else null. */
    public final SpectrumEstimator[] spectra;

    private CellStatistics(double[] v, double[] w, int[] ch, int cells, long blocks, long samples,
                           List<double[]> kept, List<Long> keptBlocks, double[][] bins, double[][] binWeight,
                           SpectrumEstimator[] spectra) {
        this.variance = v;
        this.weight = w;
        this.channel = ch;
        this.cells = cells;
        this.blocks = blocks;
        this.samples = samples;
        this.keptSamples = kept;
        this.keptBlocks = keptBlocks;
        this.binMeanSquare = bins;
        this.binWeight = binWeight;
        this.spectra = spectra;
    }

    /** Samples the Welch estimate of a one-axis signal takes at most (whole blocks, evenly spread). */
    public static final long SPECTRUM_SAMPLES = 1L << 22;

    /**
     * Computes the statistics of the blocks b with {@code select.test(b)}, normalizing with mean/scale per channel
     * (non-finite samples count as the mean), and keeps the raw samples of the blocks with {@code keep.test(b)}.
     */
    public static CellStatistics compute(Path input, String type, TransformPlan plan, double[] mean, double[] scale,
                                         LongPredicate select, LongPredicate keep) throws IOException {
        return compute(input, type, plan, mean, scale, select, keep, n -> { });
    }

    /** As above, reporting the samples read to {@code progress} after every block. */
    public static CellStatistics compute(Path input, String type, TransformPlan plan, double[] mean, double[] scale,
                                         LongPredicate select, LongPredicate keep,
                                         java.util.function.LongConsumer progress) throws IOException {
        return compute(input, type, plan, mean, scale, select, keep, progress, false);
    }

    /**
     * As above; with {@code sampledSpectrum} a one-axis plan gets its Welch spectrum from the selected blocks
     * (each its own signal) even when they are not every block: the statistics of a sampled large file.
     */
    public static CellStatistics compute(Path input, String type, TransformPlan plan, double[] mean, double[] scale,
                                         LongPredicate select, LongPredicate keep,
                                         java.util.function.LongConsumer progress, boolean sampledSpectrum)
            throws IOException {
        return compute(input, type, plan, mean, scale, select, keep, progress, sampledSpectrum, Parts.BOTH);
    }

    /** What a pass computes. */
    public enum Parts {
        /** The cell and tile-bin statistics and the kept blocks, no spectrum. */
        CELLS,
        /** The Welch spectrum of a one-axis plan only (the same estimate as {@link #BOTH} gives). */
        SPECTRUM,
        /** Both. */
        BOTH
    }

    /**
     * As above, computing only {@code parts}: the compressor needs the cells before it codes and the spectrum only
     * for the bound it prints afterwards, so it runs the two as separate passes, the second beside the coding.
     */
    public static CellStatistics compute(Path input, String type, TransformPlan plan, double[] mean, double[] scale,
                                         LongPredicate select, LongPredicate keep,
                                         java.util.function.LongConsumer progress, boolean sampledSpectrum,
                                         Parts parts) throws IOException {
        long blocks = plan.blockCount();
        int maxS = (int) plan.maxBlockSamples();
        double[] x = new double[maxS];
        double[] coef = new double[maxS];
        BlockTransform t = new BlockTransform(plan);
        int k = plan.bands();
        int c = plan.channels();
        List<double[]> vs = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        List<Long> keptIdx = new ArrayList<>();
        long samples = 0;
        long evaluated = 0;
        int[] cachedRows = {-1};
        int[][] cachedBin = new int[1][];
        int nbins = 1;
        for (int tile : plan.tiles()) {
            nbins *= tile;
        }
        double[][] binSum = new double[c][nbins];
        long[][] binCount = new long[c][nbins];
        // the Welch estimate needs the signal in order: only for one-axis plans evaluated on every block
        boolean all = selectsAll(select, blocks);
        boolean welch = parts != Parts.CELLS && plan.timeShape().length == 1 && (all || sampledSpectrum);
        SpectrumEstimator[] spectra = null;
        // the spectrum only feeds the printed process bound: evenly spread blocks of about SPECTRUM_SAMPLES in all
        // estimate it as well as the whole file would (every block up to that size, so small files are unchanged);
        // a sampled pass uses every block it reads, each apart from the others
        long spectrumStride = !all ? 1 : Math.max(1, blocks / Math.max(1, SPECTRUM_SAMPLES / Math.max(1, maxS)));
        boolean apart = spectrumStride > 1 || !all;
        if (welch) {
            long perChannel = plan.timeShape()[0];
            int m = SpectrumEstimator.segmentLengthFor(perChannel, SpectrumEstimator.DEFAULT_SEGMENT_LENGTH);
            spectra = new SpectrumEstimator[c];
            for (int ch = 0; ch < c; ch++) {
                spectra[ch] = new SpectrumEstimator(m);
            }
        }
        try (SampleReader r = SampleFiles.open(input, type)) {
            for (long b = 0; b < blocks; b++) {
                int count = (int) plan.samplesInBlock(b);
                boolean sel = select.test(b);
                boolean keepIt = keep.test(b);
                if (!sel && !keepIt) {
                    r.skip(count); // a sampled pass (the transform choice) reads a few blocks, not the file
                    progress.accept(count);
                    continue;
                }
                r.readFully(x, count);
                progress.accept(count);
                if (keepIt) {
                    kept.add(java.util.Arrays.copyOf(x, count));
                    keptIdx.add(b);
                }
                if (!sel) {
                    continue;
                }
                replaceNonFinite(x, count, mean, c);
                int rows = (int) plan.rowsInBlock(b);
                int p = count / c;
                t.mix(x, rows, mean, scale, coef);
                if (spectra != null && b % spectrumStride == 0) {
                    for (int ch = 0; ch < c; ch++) {
                        if (apart) {
                            spectra[ch].endSignal(); // blocks apart: no segment spans the gap
                        }
                        spectra[ch].accumulate(coef, ch * p, p);
                    }
                }
                if (parts == Parts.SPECTRUM) {
                    continue;
                }
                t.tiles(coef, rows, true);
                if (cachedRows[0] != rows) {
                    cachedRows[0] = rows;
                    cachedBin[0] = plan.binMap(rows);
                }
                int[] bin = cachedBin[0];
                double[] sum = new double[c * k];
                double[] cnt = new double[c * k];
                for (int ch = 0; ch < c; ch++) {
                    accumulate(plan, coef, ch * p, p, bin, ch * k, sum, cnt, binSum[ch], binCount[ch]);
                }
                double[] row = new double[2 * c * k];
                for (int i = 0; i < c * k; i++) {
                    row[i] = cnt[i] > 0 ? sum[i] / cnt[i] : 0;
                    row[c * k + i] = cnt[i];
                }
                vs.add(row);
                samples += count;
                evaluated++;
            }
        }
        int cells = c * k;
        double[] v = new double[vs.size() * cells];
        double[] w = new double[vs.size() * cells];
        int[] ch = new int[vs.size() * cells];
        for (int i = 0; i < vs.size(); i++) {
            double[] row = vs.get(i);
            for (int j = 0; j < cells; j++) {
                v[i * cells + j] = row[j];
                w[i * cells + j] = row[cells + j];
                ch[i * cells + j] = j / k;
            }
        }
        double[][] binW = new double[c][nbins];
        for (int a = 0; a < c; a++) {
            for (int j = 0; j < nbins; j++) {
                binW[a][j] = binCount[a][j];
                binSum[a][j] = binCount[a][j] > 0 ? binSum[a][j] / binCount[a][j] : 0;
            }
        }
        return new CellStatistics(v, w, ch, cells, evaluated, samples, kept, keptIdx, binSum, binW, spectra);
    }

    // the per-sample loops live in small methods: compiled once, not recompiled inside the whole pass for every plan

    /** Non-finite samples count as their channel's mean. */
    private static void replaceNonFinite(double[] x, int count, double[] mean, int c) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(x[i])) {
                x[i] = mean[i % c];
            }
        }
    }

    /** One channel component's squares into its cells (offset {@code cell0}) and its tile bins. */
    private static void accumulate(TransformPlan plan, double[] coef, int off, int p, int[] bin, int cell0,
                                   double[] sum, double[] cnt, double[] binSum, long[] binCount) {
        for (int pos = 0; pos < p; pos++) {
            double v = coef[off + pos];
            int cell = cell0 + plan.bandOfBin(bin[pos]);
            sum[cell] += v * v;
            cnt[cell] += 1;
            binSum[bin[pos]] += v * v;
            binCount[bin[pos]]++;
        }
    }

    private static boolean selectsAll(LongPredicate select, long blocks) {
        for (long b = 0; b < blocks; b++) {
            if (!select.test(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Gaussian-process bound at mean distortion {@code mse} (data units) from this pass's spectrum estimate, in
     * bits per sample: reverse water-filling over the Welch PSD bins of every channel component (one-axis plans),
     * else over the mean squares of the tile bins (a transform estimate of the spectrum, exact for a stationary
     * source as the tile grows). Components are scaled back to data units by {@code scale²} of their channel (the
     * KLT is orthonormal, so its components share the channels' units when the scales are equal).
     */
    public double processBound(double[] scale, double mse) {
        if (!(mse > 0)) {
            return Double.NaN;
        }
        int c = binMeanSquare.length;
        double[][][] parts = new double[c][][];
        int total = 0;
        for (int a = 0; a < c; a++) {
            parts[a] = spectrum(a, scale[a]);
            total += parts[a][0].length;
        }
        double[] v = new double[total];
        double[] w = new double[total];
        int at = 0;
        for (double[][] p : parts) {
            System.arraycopy(p[0], 0, v, at, p[0].length);
            System.arraycopy(p[1], 0, w, at, p[1].length);
            at += p[0].length;
        }
        return ReverseWaterFilling.solve(v, w, mse).rate();
    }

    /**
     * Channel component a's spectrum estimate in data units: (variances, weights), the Welch PSD bins with equal
     * weights, or the tile bins' mean squares weighted by their coefficient counts.
     */
    private double[][] spectrum(int a, double scale) {
        double[] psd = spectra != null ? spectra[a].psd() : binMeanSquare[a];
        double[] v = new double[psd.length];
        double[] w = new double[psd.length];
        for (int j = 0; j < psd.length; j++) {
            v[j] = psd[j] * scale * scale;
            w[j] = spectra != null ? 1.0 : binWeight[a][j];
        }
        return new double[][] {v, w};
    }

    /**
     * The bound for a per-channel target (an SNR in every channel): each channel component's own process bound at
     * its own achieved distortion {@code mse[c]} (data units), averaged with the channels' sample counts
     * {@code count[c]} as weights. Water-filling across channels would be the MSE-optimal bound, which a per-channel
     * constraint may not reach.
     */
    public double processBoundPerChannel(double[] scale, double[] mse, long[] count) {
        int c = binMeanSquare.length;
        double bits = 0;
        long total = 0;
        for (int a = 0; a < c; a++) {
            if (count[a] == 0 || !(mse[a] > 0)) {
                continue;
            }
            double[][] vw = spectrum(a, scale[a]);
            bits += ReverseWaterFilling.solve(vw[0], vw[1], mse[a]).rate() * count[a];
            total += count[a];
        }
        return total == 0 ? Double.NaN : bits / total;
    }

    /** The cells of channel component {@code c}: (variances, weights) packed. */
    public double[][] ofChannel(int c) {
        int m = 0;
        for (int x : channel) {
            if (x == c) {
                m++;
            }
        }
        double[] v = new double[m];
        double[] w = new double[m];
        int j = 0;
        for (int i = 0; i < channel.length; i++) {
            if (channel[i] == c) {
                v[j] = variance[i];
                w[j++] = weight[i];
            }
        }
        return new double[][] {v, w};
    }
}

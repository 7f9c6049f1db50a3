package io.latq.ecdq.transform;

import io.latq.common.LatqException;
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

    private CellStatistics(double[] v, double[] w, int[] ch, int cells, long blocks, long samples,
                           List<double[]> kept, List<Long> keptBlocks) {
        this.variance = v;
        this.weight = w;
        this.channel = ch;
        this.cells = cells;
        this.blocks = blocks;
        this.samples = samples;
        this.keptSamples = kept;
        this.keptBlocks = keptBlocks;
    }

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
        int[][] cachedBand = new int[1][];
        try (SampleReader r = SampleFiles.open(input, type)) {
            for (long b = 0; b < blocks; b++) {
                int count = (int) plan.samplesInBlock(b);
                readFully(r, x, count);
                progress.accept(count);
                boolean sel = select.test(b);
                if (keep.test(b)) {
                    kept.add(java.util.Arrays.copyOf(x, count));
                    keptIdx.add(b);
                }
                if (!sel) {
                    continue;
                }
                for (int i = 0; i < count; i++) {
                    if (!Double.isFinite(x[i])) {
                        x[i] = mean[i % c];
                    }
                }
                int rows = (int) plan.rowsInBlock(b);
                t.forward(x, rows, mean, scale, coef);
                if (cachedRows[0] != rows) {
                    cachedRows[0] = rows;
                    cachedBand[0] = plan.bandMap(rows);
                }
                int[] band = cachedBand[0];
                int p = count / c;
                double[] sum = new double[c * k];
                double[] cnt = new double[c * k];
                for (int ch = 0; ch < c; ch++) {
                    for (int pos = 0; pos < p; pos++) {
                        double v = coef[ch * p + pos];
                        sum[ch * k + band[pos]] += v * v;
                        cnt[ch * k + band[pos]] += 1;
                    }
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
        return new CellStatistics(v, w, ch, cells, evaluated, samples, kept, keptIdx);
    }

    private static void readFully(SampleReader r, double[] buf, int count) throws IOException {
        int got = 0;
        while (got < count) {
            int n = r.read(buf, got, count - got);
            if (n < 0) {
                throw new LatqException("input changed while it was read (fewer samples than counted)");
            }
            got += n;
        }
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

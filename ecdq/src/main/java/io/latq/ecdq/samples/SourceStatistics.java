package io.latq.ecdq.samples;

import io.latq.common.LatqException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Pass 1 over a sample file: the container format, the sample count, per-channel count, mean and variance of the
 * finite samples (Welford's update in file order, so the result is the same on every run), the co-moment matrix of
 * the channels over time steps whose channels are all finite (for the KLT), and the first non-finite sample.
 */
public final class SourceStatistics {
    public SampleFormat format;
    public long count;
    public int channels;
    public long nonFinite;
    public long firstNonFinite = -1;
    public double firstNonFiniteValue;
    public long[] finite;
    public double[] mean;
    public double[] m2;
    /** Co-moment Σ (x_i − mean_i)(x_j − mean_j) over complete time steps, C×C row-major; null for one channel. */
    public double[] comoment;
    public long completeSteps;

    /** Number of interleaved channels coded as such: WAV channels, CSV columns, else 1 (at most {@code max}). */
    public static int channelsOf(SampleFormat f, int max) {
        int c = switch (f.container()) {
            case WAV -> f.channels();
            case CSV -> Math.max(1, f.csvColumns());
            default -> 1;
        };
        return c <= max && f.sampleCount() % c == 0 ? c : 1;
    }

    /** Scans {@code input}; stops at the first non-finite sample unless {@code keepNonFinite}. */
    public static SourceStatistics scan(Path input, String type, boolean keepNonFinite, int maxChannels,
                                        java.util.function.LongConsumer progress) throws IOException {
        return scan(input, type, keepNonFinite, maxChannels, 0, progress);
    }

    /** Samples per chunk of a sampled scan (rounded down to whole time steps). */
    public static final int CHUNK = 1 << 16;

    /**
     * As {@link #scan(Path, String, boolean, int, java.util.function.LongConsumer)}, but a fixed-width file of more
     * than 2·{@code sampleLimit} samples ({@code sampleLimit} &gt; 0, non-finite samples refused) is described by
     * {@code sampleLimit} of its samples only: ⌊sampleLimit/{@value #CHUNK}⌋ chunks of {@value #CHUNK} samples (whole
     * time steps) starting at time steps i·⌊S/K⌋ (S time steps, K chunks), skipped to by seeking. Then
     * {@link #sampled} is true, {@link #count} is still the file's count, the mean, variance and co-moments are
     * those of the chunks, and a non-finite sample outside them is left to the coder, which refuses it. A CSV file
     * is always read whole.
     */
    public static SourceStatistics scan(Path input, String type, boolean keepNonFinite, int maxChannels,
                                        long sampleLimit, java.util.function.LongConsumer progress)
            throws IOException {
        SourceStatistics st = new SourceStatistics();
        double[] buf = new double[CHUNK];
        // a CSV file's column count, hence its channels, is final only once it has been read to the end: read it
        // once for that (the other containers say it in their header)
        try (SampleReader r = SampleFiles.open(input, type)) {
            if (r.format().container() == ContainerType.CSV) {
                while (r.read(buf, 0, buf.length) > 0) {
                    // counting only
                }
            }
            st.format = r.format();
        }
        int c = channelsOf(st.format, maxChannels);
        st.channels = c;
        st.finite = new long[c];
        st.mean = new double[c];
        st.m2 = new double[c];
        if (c > 1) {
            st.comoment = new double[c * c];
        }
        long total = st.format.sampleCount();
        long steps = total / c;
        long stepsPerChunk = CHUNK / c;
        long chunks = sampleLimit / CHUNK;
        st.sampled = sampleLimit > 0 && !keepNonFinite && st.format.container() != ContainerType.CSV
                && chunks > 0 && stepsPerChunk > 0 && total > 2 * sampleLimit;
        Accumulator acc = new Accumulator(st, c, keepNonFinite);
        try (SampleReader r = SampleFiles.open(input, type)) {
            if (st.sampled) {
                long stride = steps / chunks; // ≥ 2·stepsPerChunk: chunks never overlap
                long at = 0;
                for (long i = 0; i < chunks && st.firstNonFinite < 0; i++) {
                    long first = i * stride * c;
                    r.skip(first - at);
                    int len = (int) (stepsPerChunk * c);
                    r.readFully(buf, len);
                    progress.accept(len);
                    acc.accept(buf, len, first);
                    at = first + len;
                }
                st.count = total;
                return st;
            }
            int got;
            while ((got = r.read(buf, 0, buf.length)) > 0) {
                progress.accept(got);
                if (!acc.accept(buf, got, st.count)) {
                    return st;
                }
            }
            if (st.format.container() != ContainerType.CSV) {
                st.format = r.format();
            }
        }
        if (st.count != st.format.sampleCount()) {
            throw new LatqException("input changed while it was read (sample count)");
        }
        return st;
    }

    /** True when {@link #scan(Path, String, boolean, int, long, java.util.function.LongConsumer)} sampled. */
    public boolean sampled;

    /** The per-sample updates, in file order over the samples it is given. */
    private static final class Accumulator {
        private final SourceStatistics st;
        private final int c;
        private final boolean keepNonFinite;
        private final double[] stepMean;
        private final double[] step;
        private final double[] delta;
        private int inStep;
        private boolean stepFinite = true;

        Accumulator(SourceStatistics st, int c, boolean keepNonFinite) {
            this.st = st;
            this.c = c;
            this.keepNonFinite = keepNonFinite;
            this.stepMean = new double[c];
            this.step = new double[c];
            this.delta = new double[c];
        }

        /**
         * Updates with x[0..got), whose first sample has file index {@code first} (a whole time step); false when
         * it stopped at a refused non-finite sample. {@code st.count} counts the samples given.
         */
        boolean accept(double[] buf, int got, long first) {
            if (c == 1 && st.firstNonFinite < 0 && allFinite(buf, got)) {
                // one channel, finite: the same updates as below without the channel bookkeeping
                long k = st.finite[0];
                double mean = st.mean[0];
                double m2 = st.m2[0];
                for (int i = 0; i < got; i++) {
                    double x = buf[i];
                    double d = x - mean;
                    mean += d / ++k;
                    m2 += d * (x - mean);
                }
                st.finite[0] = k;
                st.mean[0] = mean;
                st.m2[0] = m2;
                st.count += got;
                return true;
            }
            for (int i = 0, ch = (int) (first % c); i < got; i++, ch = ch + 1 == c ? 0 : ch + 1) {
                double x = buf[i];
                if (Double.isFinite(x)) {
                    long k = ++st.finite[ch];
                    double d = x - st.mean[ch];
                    st.mean[ch] += d / k;
                    st.m2[ch] += d * (x - st.mean[ch]);
                } else {
                    st.nonFinite++;
                    stepFinite = false;
                    if (st.firstNonFinite < 0) {
                        st.firstNonFinite = first + i;
                        st.firstNonFiniteValue = x;
                        if (!keepNonFinite) {
                            return false;
                        }
                    }
                }
                st.count++;
                if (c > 1) {
                    step[inStep++] = x;
                    if (inStep == c) {
                        if (stepFinite) {
                            long k = ++st.completeSteps;
                            for (int a = 0; a < c; a++) {
                                delta[a] = step[a] - stepMean[a];
                                stepMean[a] += delta[a] / k;
                            }
                            for (int a = 0; a < c; a++) {
                                for (int b = 0; b < c; b++) {
                                    st.comoment[a * c + b] += delta[a] * (step[b] - stepMean[b]);
                                }
                            }
                        }
                        inStep = 0;
                        stepFinite = true;
                    }
                }
            }
            return true;
        }
    }

    private static boolean allFinite(double[] x, int n) {
        boolean ok = true;
        for (int i = 0; i < n; i++) {
            ok &= Double.isFinite(x[i]);
        }
        return ok;
    }

    /** Standard deviation of channel c (0 without finite samples). */
    public double sigma(int c) {
        return finite[c] > 0 ? Math.sqrt(m2[c] / finite[c]) : 0;
    }

    /** Standard deviation over all finite samples about the overall mean. */
    public double overallSigma() {
        long n = 0;
        double mu = 0;
        for (int c = 0; c < channels; c++) {
            n += finite[c];
            mu += finite[c] * mean[c];
        }
        if (n == 0) {
            return 0;
        }
        mu /= n;
        double ss = 0;
        for (int c = 0; c < channels; c++) {
            double d = mean[c] - mu;
            ss += m2[c] + finite[c] * d * d;
        }
        return Math.sqrt(ss / n);
    }
}

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
        SourceStatistics st = new SourceStatistics();
        double[] buf = new double[1 << 16];
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
        double[] stepMean = new double[c];
        double[] step = new double[c];
        double[] delta = new double[c];
        if (c > 1) {
            st.comoment = new double[c * c];
        }
        int inStep = 0;
        boolean stepFinite = true;
        try (SampleReader r = SampleFiles.open(input, type)) {
            int got;
            while ((got = r.read(buf, 0, buf.length)) > 0) {
                progress.accept(got);
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
                    continue;
                }
                for (int i = 0; i < got; i++) {
                    double x = buf[i];
                    int ch = (int) (st.count % c);
                    if (Double.isFinite(x)) {
                        long k = ++st.finite[ch];
                        double d = x - st.mean[ch];
                        st.mean[ch] += d / k;
                        st.m2[ch] += d * (x - st.mean[ch]);
                    } else {
                        st.nonFinite++;
                        stepFinite = false;
                        if (st.firstNonFinite < 0) {
                            st.firstNonFinite = st.count;
                            st.firstNonFiniteValue = x;
                            if (!keepNonFinite) {
                                return st;
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

package io.latq.ecdq.transform;

import java.util.Arrays;

/**
 * Streaming power-spectral-density estimate of a stationary signal by Welch's method (P. D. Welch, "The use of
 * fast Fourier transform for the estimation of power spectra", IEEE Trans. Audio Electroacoust. 15(2), 1967).
 *
 * <p><b>Method.</b> Segments of M samples (M a power of two), hop M/2 (50 % overlap), periodic Hann window
 * w_n = ½ − ½·cos(2πn/M) (n = 0..M−1; StrictMath table), FFT X_k = Σ_n w_n (x_n − c) e^{−2πi·kn/M} with c the
 * first sample seen (a fixed shift for numerical range), accumulated in one pass: Σ|X_k|², Σ X_k over segments.
 * At the end the <b>global</b> sample mean x̄ is removed exactly, as if it had been subtracted before the analysis:
 * with a = x̄ − c and W_k the DFT of the window (computed with the same FFT),
 * Σ_seg |X_k − a·W_k|² = Σ|X_k|² − 2a·Re(conj(W_k)·ΣX_k) + K·a²·|W_k|²  (K segments).
 *
 * <p><b>Normalization.</b> The result is two-sided over the M bins ω_k = 2πk/M, k = 0..M−1 (bin 0 = DC, symmetric
 * S_k = S_{M−k}), in variance per unit of normalized frequency, i.e. the discrete analogue of S(ω) in
 * docs/theory.md, so that the mean over bins equals the variance: P_k = Σ_seg |X_k − a·W_k|² / (K·Σ_n w_n²) (whose
 * mean over k is the window-weighted power), then every bin is multiplied by one factor so that (1/M)·Σ_k S_k
 * equals exactly the sample variance (1/n)·Σ (x − x̄)² of all samples accumulated (population variance, including
 * a final partial segment).
 *
 * <p><b>Long signals in pieces.</b> {@link #accumulate} may be called with any split of the sequence; results do
 * not depend on the split. {@link #endSignal()} discards the partial segment so that the next samples start an
 * independent sequence (e.g. each row along the last axis of an array, or one file after another) while keeping
 * the averages; {@link #accumulate(double[], int, int, int)} reads a strided channel of interleaved data.
 *
 * <p>Accuracy: with K segments, each bin's estimate has relative variance ≈ (1 + 2·c²)/K where c ≈ 0.167 is the
 * correlation of adjacent Hann segments at 50 % overlap (Welch 1967, eq. for overlapping segments), i.e. ≈ 1.06/K;
 * adjacent bins are correlated (Hann main lobe ±2 bins), so M must resolve the spectrum's narrowest feature.
 *
 * <p>Samples must be finite (a NaN or infinity poisons the estimate; latq's compressor substitutes the mean for
 * non-finite samples). Deterministic (fixed order everywhere). Not thread-safe.
 */
public final class SpectrumEstimator {
    /** Default (maximum) segment length. */
    public static final int DEFAULT_SEGMENT_LENGTH = 1024;
    /** Largest segment length. */
    public static final int MAX_SEGMENT_LENGTH = 1 << 16;

    private final int m;
    private final Fft fft;
    private final double[] window;
    private final double windowEnergy;
    private final double[] windowRe;   // W_k
    private final double[] windowIm;
    private final double[] buffer;
    private int fill;
    private final double[] re;
    private final double[] im;
    private final double[] power;      // Σ |X_k|²
    private final double[] sumRe;      // Σ Re X_k
    private final double[] sumIm;      // Σ Im X_k
    private long segments;
    private long samples;
    private double shift;
    private double s1;
    private double s2;

    /** @param segmentLength M, a power of two in 2..{@value #MAX_SEGMENT_LENGTH} */
    public SpectrumEstimator(int segmentLength) {
        if (segmentLength < 2 || segmentLength > MAX_SEGMENT_LENGTH || Integer.bitCount(segmentLength) != 1) {
            throw new IllegalArgumentException("segment length must be a power of two in 2.." + MAX_SEGMENT_LENGTH
                    + ", got " + segmentLength);
        }
        m = segmentLength;
        fft = new Fft(m);
        window = new double[m];
        double e = 0.0;
        for (int i = 0; i < m; i++) {
            window[i] = 0.5 - 0.5 * StrictMath.cos(2.0 * StrictMath.PI * i / m);
            e += window[i] * window[i];
        }
        windowEnergy = e;
        windowRe = window.clone();
        windowIm = new double[m];
        fft.transform(windowRe, windowIm, false);
        buffer = new double[m];
        re = new double[m];
        im = new double[m];
        power = new double[m];
        sumRe = new double[m];
        sumIm = new double[m];
    }

    /**
     * A segment length for a signal of n samples: the largest power of two ≤ min(maxLength, n/8) (so there are at
     * least ~15 overlapped segments), but at least 2.
     */
    public static int segmentLengthFor(long n, int maxLength) {
        long cap = Math.max(2, Math.min(Math.min(maxLength, MAX_SEGMENT_LENGTH), n / 8));
        return (int) Long.highestOneBit(cap);
    }

    public int segmentLength() {
        return m;
    }

    /** Samples accumulated. */
    public long sampleCount() {
        return samples;
    }

    /** Complete segments analysed. */
    public long segmentCount() {
        return segments;
    }

    /** Adds x[off..off+len). */
    public void accumulate(double[] x, int off, int len) {
        accumulate(x, off, len, 1);
    }

    /** Adds len samples x[off], x[off + stride], … (one channel of interleaved data). */
    public void accumulate(double[] x, int off, int len, int stride) {
        if (len < 0 || stride < 1 || off < 0 || (len > 0 && off + (long) (len - 1) * stride >= x.length)) {
            throw new IndexOutOfBoundsException("bad range: off=" + off + " len=" + len + " stride=" + stride);
        }
        for (int i = 0; i < len; i++) {
            double v = x[off + i * stride];
            if (samples == 0) {
                shift = v;
            }
            double d = v - shift;
            s1 += d;
            s2 += d * d;
            samples++;
            buffer[fill++] = d;
            if (fill == m) {
                analyse();
                int h = m >>> 1;
                System.arraycopy(buffer, h, buffer, 0, h);
                fill = h;
            }
        }
    }

    /** Ends the current sequence: the partial segment is dropped and the next sample starts a new segment. */
    public void endSignal() {
        fill = 0;
    }

    private void analyse() {
        for (int i = 0; i < m; i++) {
            re[i] = window[i] * buffer[i];
        }
        Arrays.fill(im, 0.0);
        fft.transform(re, im, false);
        for (int k = 0; k < m; k++) {
            power[k] += re[k] * re[k] + im[k] * im[k];
            sumRe[k] += re[k];
            sumIm[k] += im[k];
        }
        segments++;
    }

    /** Sample mean of everything accumulated. */
    public double mean() {
        return samples == 0 ? 0.0 : shift + s1 / samples;
    }

    /** Population variance (1/n)Σ(x − x̄)² of everything accumulated (0 if no samples). */
    public double variance() {
        if (samples == 0) {
            return 0.0;
        }
        double mu = s1 / samples;
        return Math.max(0.0, s2 / samples - mu * mu);
    }

    /**
     * The two-sided PSD over M bins ω_k = 2πk/M, normalized so that its mean equals {@link #variance()}.
     *
     * @throws IllegalStateException if no complete segment has been seen (fewer than M samples in one sequence)
     */
    public double[] psd() {
        if (segments == 0) {
            throw new IllegalStateException("need at least one full segment of " + m + " samples, have " + samples);
        }
        double a = s1 / samples;   // x̄ − c
        double k = segments;
        double[] p = new double[m];
        double mean = 0.0;
        for (int i = 0; i < m; i++) {
            double cross = windowRe[i] * sumRe[i] + windowIm[i] * sumIm[i];
            double w2 = windowRe[i] * windowRe[i] + windowIm[i] * windowIm[i];
            double v = power[i] - 2.0 * a * cross + k * a * a * w2;
            p[i] = Math.max(0.0, v / (k * windowEnergy));
            mean += p[i];
        }
        mean /= m;
        double var = variance();
        if (mean > 0.0) {
            double scale = var / mean;
            for (int i = 0; i < m; i++) {
                p[i] *= scale;
            }
        } else {
            Arrays.fill(p, var);   // no fluctuation seen inside segments: flat at the sample variance
        }
        return p;
    }
}

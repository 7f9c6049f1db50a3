package io.latq.ecdq.samples;

import io.latq.common.LatqException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Distortion of one sample file against a reference, streamed in file order so memory does not depend on the size:
 * MSE = Σ(yᵢ − xᵢ)²/N over the finite pairs, the largest |yᵢ − xᵢ|, and the SNR 10·log10(σ²/MSE) with σ² the
 * variance of the finite reference samples about their mean (Welford's update). A non-finite sample must be matched
 * by the same kind of value (NaN with NaN, +∞ with +∞, −∞ with −∞); it is counted but adds no error.
 *
 * @param samples          samples in each file
 * @param nonFinite        samples that are non-finite in both files
 * @param mse              mean squared error over the finite pairs (0 if there are none)
 * @param maxAbsError      largest absolute error
 * @param referenceMean    mean of the finite reference samples
 * @param referenceVariance variance of the finite reference samples (population, divided by their count)
 */
public record SampleComparison(long samples, long nonFinite, double mse, double maxAbsError, double referenceMean,
                               double referenceVariance) {

    public double rmse() {
        return Math.sqrt(mse);
    }

    /** 10·log10(σ²/MSE); +∞ for identical files. */
    public double snrDb() {
        return 10 * StrictMath.log10(referenceVariance / mse);
    }

    /**
     * Compares {@code other} against {@code reference}; type names as in {@link SampleFiles#open} (null: by
     * extension).
     */
    public static SampleComparison compare(Path reference, String referenceType, Path other, String otherType)
            throws IOException {
        try (SampleReader ra = SampleFiles.open(reference, referenceType);
             SampleReader rb = SampleFiles.open(other, otherType)) {
            double[] x = new double[1 << 14];
            double[] y = new double[1 << 14];
            double sse = 0;
            double maxAbs = 0;
            double mean = 0;
            double m2 = 0;
            long finite = 0;
            long nonFinite = 0;
            long index = 0;
            int got;
            while ((got = ra.read(x, 0, x.length)) > 0) {
                int have = 0;
                while (have < got) {
                    int k = rb.read(y, have, got - have);
                    if (k < 0) {
                        throw new LatqException(other.getFileName() + " holds fewer samples (" + (index + have)
                                + ") than " + reference.getFileName());
                    }
                    have += k;
                }
                for (int i = 0; i < got; i++) {
                    double a = x[i];
                    double b = y[i];
                    if (Double.isFinite(a) && Double.isFinite(b)) {
                        double e = b - a;
                        sse += e * e;
                        maxAbs = Math.max(maxAbs, Math.abs(e));
                        finite++;
                        double d = a - mean;
                        mean += d / finite;
                        m2 += d * (a - mean);
                    } else if (Double.compare(a, b) == 0 || (Double.isNaN(a) && Double.isNaN(b))) {
                        nonFinite++;
                    } else {
                        throw new LatqException("sample " + (index + i) + " is " + a + " in "
                                + reference.getFileName() + " but " + b + " in " + other.getFileName());
                    }
                }
                index += got;
            }
            if (rb.read(y, 0, 1) > 0) {
                throw new LatqException(other.getFileName() + " holds more samples than " + reference.getFileName()
                        + " (" + index + ")");
            }
            if (index == 0) {
                throw new LatqException(reference.getFileName() + " holds no samples");
            }
            return new SampleComparison(index, nonFinite, finite > 0 ? sse / finite : 0, maxAbs, mean,
                    finite > 0 ? m2 / finite : 0);
        }
    }

    /** One line: {@code samples=… mse=… rmse=… snr_db=… max_abs_error=…}. */
    public String line() {
        return String.format(Locale.ROOT, "samples=%d mse=%.6g rmse=%.6g snr_db=%.4f max_abs_error=%.6g%s", samples,
                mse, rmse(), snrDb(), maxAbsError, nonFinite > 0 ? " non_finite=" + nonFinite : "");
    }
}

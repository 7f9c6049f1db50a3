package io.latq.ecdq.transform;

/**
 * Per-band statistics of transform coefficients: counts, sums and sums of squares accumulated in a fixed
 * sequential order (so results do not depend on the JVM, and do not depend on how the caller splits the data into
 * {@link #accumulate} calls as long as the coefficient order is the same).
 *
 * <p>{@link #meanSquare(int)} = Σ c² / n is the second moment about zero. That is the variance to use for reverse
 * water-filling on orthonormal coefficients when the coder does not subtract a band mean (for all AC bands of a
 * zero-mean-ish signal the mean is ≈ 0 anyway; the DC band carries the signal mean). {@link #variance(int)} is the
 * second moment about the band mean, for a coder that sends the mean separately. Not thread-safe.
 */
public final class BandStatistics {
    private final long[] count;
    private final double[] sum;
    private final double[] sumSq;

    public BandStatistics(int bandCount) {
        if (bandCount < 1) {
            throw new IllegalArgumentException("need at least one band, got " + bandCount);
        }
        count = new long[bandCount];
        sum = new double[bandCount];
        sumSq = new double[bandCount];
    }

    /** Statistics of all coefficients of a transformed array, with bands from {@link BandPartition#bandsOf}. */
    public static BandStatistics of(double[] coefficients, int[] bandOfCoefficient, int bandCount) {
        BandStatistics s = new BandStatistics(bandCount);
        s.accumulate(coefficients, 0, bandOfCoefficient, 0, coefficients.length);
        return s;
    }

    /** Adds one coefficient. */
    public void add(double c, int band) {
        count[band]++;
        sum[band] += c;
        sumSq[band] += c * c;
    }

    /** Adds c[off + i] to band bands[bandOff + i] for i = 0..len−1, in order. */
    public void accumulate(double[] c, int off, int[] bands, int bandOff, int len) {
        for (int i = 0; i < len; i++) {
            add(c[off + i], bands[bandOff + i]);
        }
    }

    /** Adds another accumulator (in this fixed order: this, then other). */
    public void merge(BandStatistics other) {
        if (other.count.length != count.length) {
            throw new IllegalArgumentException("band counts differ");
        }
        for (int b = 0; b < count.length; b++) {
            count[b] += other.count[b];
            sum[b] += other.sum[b];
            sumSq[b] += other.sumSq[b];
        }
    }

    public int bandCount() {
        return count.length;
    }

    public long count(int band) {
        return count[band];
    }

    /** Σ c² / n (0 for an empty band). */
    public double meanSquare(int band) {
        return count[band] == 0 ? 0.0 : sumSq[band] / count[band];
    }

    /** Σ c / n (0 for an empty band). */
    public double mean(int band) {
        return count[band] == 0 ? 0.0 : sum[band] / count[band];
    }

    /** Σ c²/n − (Σ c/n)², clamped at 0. */
    public double variance(int band) {
        double m = mean(band);
        return Math.max(0.0, meanSquare(band) - m * m);
    }

    /** meanSquare of every band. */
    public double[] meanSquares() {
        double[] v = new double[count.length];
        for (int b = 0; b < v.length; b++) {
            v[b] = meanSquare(b);
        }
        return v;
    }

    /** Coefficient counts as doubles, ready to use as {@link ReverseWaterFilling} weights. */
    public double[] weights() {
        double[] w = new double[count.length];
        for (int b = 0; b < w.length; b++) {
            w[b] = count[b];
        }
        return w;
    }

    /** Reverse water-filling bound over the bands' mean squares weighted by their counts. */
    public ReverseWaterFilling.Solution waterFill(double distortion) {
        return ReverseWaterFilling.solve(meanSquares(), weights(), distortion);
    }
}

package io.latq.ecdq.transform;

/**
 * An orthonormal DCT-II of one fixed length r and its inverse (DCT-III), on contiguous arrays:
 * X_k = s_k·Σ_{i&lt;r} x_i·cos(π(i+½)k/r), s_0 = √(1/r), s_k = √(2/r) (bin 0 is the mean times √r).
 * Instances hold scratch space and are not thread-safe; {@link #of} gives a fresh one.
 */
public interface DctKernel {
    int length();

    void forward(double[] x, int off, double[] out, int outOff);

    void inverse(double[] coef, int off, double[] out, int outOff);

    /**
     * The kernel for length r: the direct O(r²) sum for every length (the oracle, exact orthonormal matrix from
     * StrictMath cosines); a fast kernel replaces it for powers of two where one is available.
     */
    static DctKernel of(int r) {
        return new DirectDct(r);
    }
}

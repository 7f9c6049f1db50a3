package io.latq.ecdq.transform;

/**
 * Iterative radix-2 decimation-in-time complex FFT of a fixed power-of-two size, unscaled in both directions:
 * forward Y_k = Σ_n y_n e^{−2πi·nk/n}, backward the same with e^{+2πi·nk/n}.
 *
 * <p>The twiddle table cos/sin(2πj/n), j &lt; n/2, is built once with {@link StrictMath}; the butterflies run in a
 * fixed order, so results are bit-identical on every JVM. Immutable and thread-safe (works on caller arrays).
 */
final class Fft {
    private final int n;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        bitReverse = new int[n];
        for (int i = 0; i < n; i++) {
            bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        int half = Math.max(1, n / 2);
        cos = new double[half];
        sin = new double[half];
        for (int j = 0; j < half; j++) {
            double a = 2.0 * StrictMath.PI * j / n;
            cos[j] = StrictMath.cos(a);
            sin[j] = StrictMath.sin(a);
        }
    }

    int size() {
        return n;
    }

    /** In-place transform of (re, im)[0..n); {@code inverse} selects the e^{+} kernel (no 1/n scaling). */
    void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1.0 : -1.0;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >>> 1;
            int step = n / len;
            for (int j = 0; j < half; j++) {
                double wr = cos[j * step];
                double wi = sign * sin[j * step];
                for (int i = j; i < n; i += len) {
                    int b = i + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[i] - tr;
                    im[b] = im[i] - ti;
                    re[i] = re[i] + tr;
                    im[i] = im[i] + ti;
                }
            }
        }
    }
}

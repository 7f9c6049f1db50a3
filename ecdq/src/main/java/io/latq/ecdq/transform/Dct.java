package io.latq.ecdq.transform;

/**
 * Orthonormal DCT-II and its inverse (the orthonormal DCT-III) for power-of-two sizes 1..{@value #MAX_SIZE}.
 *
 * <p>Definition (bin 0 is DC, bins in increasing frequency):
 * <pre>
 *   forward:  X_k = s_k · Σ_{n=0}^{N−1} x_n · cos(π(n + ½)k / N),        k = 0..N−1
 *   inverse:  x_n = Σ_{k=0}^{N−1} s_k · X_k · cos(π(n + ½)k / N),        n = 0..N−1
 *   s_0 = √(1/N),  s_k = √(2/N) for k ≥ 1
 * </pre>
 * The matrix is orthogonal, so Σ x_n² = Σ X_k² (Parseval) and MSE is the same in both domains.
 *
 * <p>Algorithm (O(N log N), Makhoul 1980, "A fast cosine transform in one and two dimensions", IEEE TASSP 28(1)):
 * reorder v_n = x_{2n}, v_{N−1−n} = x_{2n+1} (n &lt; N/2); take the length-N complex FFT V_k = Σ v_n e^{−2πi·nk/N};
 * then Σ_n x_n cos(π(2n+1)k/(2N)) = Re(e^{−iπk/(2N)} V_k). For the inverse, with C_k = X_k / s_k and C_N = 0,
 * the half-sample shift gives e^{−iπk/(2N)} V_k = C_k − i·C_{N−k}, so V_k = e^{+iπk/(2N)}(C_k − i·C_{N−k}); an
 * inverse FFT (÷N) gives v and the reorder is undone. The scale factors s_k, 1/s_k and 1/N are folded into the
 * pre/post twiddle tables.
 *
 * <p>Determinism: all tables are built once from {@link StrictMath#cos}/{@link StrictMath#sin} and
 * {@link Math#sqrt}; the arithmetic order is fixed, so outputs are bit-identical on every JVM.
 *
 * <p>Thread safety: an instance holds scratch arrays and is <b>not</b> thread-safe. Use {@link #copy()} (shares the
 * immutable tables, allocates only 2N doubles of scratch) to get one instance per thread. {@code forward} and
 * {@code inverse} do not allocate, and input and output may be the same array region (in-place).
 */
public final class Dct {
    /** Largest supported size. */
    public static final int MAX_SIZE = 4096;

    private final Tables t;
    private final double[] re;
    private final double[] im;

    private static final class Tables {
        final int n;
        final Fft fft;
        final double[] fc;  // s_k cos(πk/2N)
        final double[] fs;  // s_k sin(πk/2N)
        final double[] ic;  // cos(πk/2N) / (s_k N)
        final double[] is;  // sin(πk/2N) / (s_k N)

        Tables(int n) {
            this.n = n;
            fft = new Fft(n);
            fc = new double[n];
            fs = new double[n];
            ic = new double[n];
            is = new double[n];
            double s0 = Math.sqrt(1.0 / n);
            double sk = Math.sqrt(2.0 / n);
            // 1/(s_0 N) = 1/√N ; 1/(s_k N) = 1/√(2N)
            double i0 = 1.0 / Math.sqrt(n);
            double ik = 1.0 / Math.sqrt(2.0 * n);
            for (int k = 0; k < n; k++) {
                double a = StrictMath.PI * k / (2.0 * n);
                double c = StrictMath.cos(a);
                double s = StrictMath.sin(a);
                double scale = k == 0 ? s0 : sk;
                double iscale = k == 0 ? i0 : ik;
                fc[k] = scale * c;
                fs[k] = scale * s;
                ic[k] = iscale * c;
                is[k] = iscale * s;
            }
        }
    }

    /**
     * @param n transform size, a power of two in 1..{@value #MAX_SIZE}
     */
    public Dct(int n) {
        this(new Tables(checkSize(n)));
    }

    private Dct(Tables t) {
        this.t = t;
        this.re = new double[t.n];
        this.im = new double[t.n];
    }

    private static int checkSize(int n) {
        if (n < 1 || n > MAX_SIZE || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("DCT size must be a power of two in 1.." + MAX_SIZE + ", got " + n);
        }
        return n;
    }

    /** A new instance of the same size that shares the immutable tables and has its own scratch. */
    public Dct copy() {
        return new Dct(t);
    }

    /** Transform size N. */
    public int size() {
        return t.n;
    }

    /** Forward orthonormal DCT-II of x[off..off+N) into out[outOff..outOff+N). In-place use is allowed. */
    public void forward(double[] x, int off, double[] out, int outOff) {
        int n = t.n;
        checkRange(x, off, n);
        checkRange(out, outOff, n);
        double[] re = this.re;
        double[] im = this.im;
        int h = n >>> 1;
        if (n == 1) {
            out[outOff] = x[off];
            return;
        }
        for (int i = 0; i < h; i++) {
            re[i] = x[off + 2 * i];
            re[n - 1 - i] = x[off + 2 * i + 1];
        }
        java.util.Arrays.fill(im, 0.0);
        t.fft.transform(re, im, false);
        double[] fc = t.fc;
        double[] fs = t.fs;
        for (int k = 0; k < n; k++) {
            out[outOff + k] = fc[k] * re[k] + fs[k] * im[k];
        }
    }

    /** Inverse (orthonormal DCT-III) of in[off..off+N) into out[outOff..outOff+N). In-place use is allowed. */
    public void inverse(double[] in, int off, double[] out, int outOff) {
        int n = t.n;
        checkRange(in, off, n);
        checkRange(out, outOff, n);
        if (n == 1) {
            out[outOff] = in[off];
            return;
        }
        double[] re = this.re;
        double[] im = this.im;
        double[] ic = t.ic;
        double[] is = t.is;
        re[0] = ic[0] * in[off];
        im[0] = 0.0;
        for (int k = 1; k < n; k++) {
            double a = in[off + k];
            double b = in[off + n - k];
            re[k] = ic[k] * a + is[k] * b;
            im[k] = is[k] * a - ic[k] * b;
        }
        t.fft.transform(re, im, true);
        int h = n >>> 1;
        for (int i = 0; i < h; i++) {
            out[outOff + 2 * i] = re[i];
            out[outOff + 2 * i + 1] = re[n - 1 - i];
        }
    }

    /** Convenience: forward transform into a new array. */
    public double[] forward(double[] x) {
        double[] out = new double[t.n];
        forward(x, 0, out, 0);
        return out;
    }

    /** Convenience: inverse transform into a new array. */
    public double[] inverse(double[] coefficients) {
        double[] out = new double[t.n];
        inverse(coefficients, 0, out, 0);
        return out;
    }

    private static void checkRange(double[] a, int off, int n) {
        if (off < 0 || off > a.length - n) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + off + n + ") outside array of length "
                    + a.length);
        }
    }
}

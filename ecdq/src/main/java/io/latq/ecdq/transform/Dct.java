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
 * <p>Algorithm (O(N log N); Makhoul 1980, "A fast cosine transform in one and two dimensions", IEEE TASSP 28(1),
 * with the real-input FFT done by a half-length complex FFT). Let h = N/2.
 * <ol>
 *   <li>Reorder: v_n = x_{2n}, v_{N−1−n} = x_{2n+1} (n &lt; h). Then with V = DFT_N(v) and W_k = e^{−iπk/(2N)},
 *       Σ_n x_n cos(π(2n+1)k/(2N)) = Re(W_k V_k), and since V_{N−k} = conj(V_k),
 *       X_k = s_k·Re(W_k V_k), X_{N−k} = −s_k·Im(W_k V_k) for 0 ≤ k ≤ h.</li>
 *   <li>V_k for k = 0..h from one complex FFT of length h: z_m = v_{2m} + i·v_{2m+1}, Z = DFT_h(z),
 *       E_k = (Z_k + conj Z_{h−k})/2, O_k = (Z_k − conj Z_{h−k})/(2i), V_k = E_k + e^{−2πik/N}·O_k
 *       (indices of Z mod h).</li>
 *   <li>Inverse: with C_k = X_k/s_k and C_N = 0, W_k V_k = C_k − i·C_{N−k}, so V_k = conj(W_k)(C_k − i·C_{N−k});
 *       then E_k = (V_k + conj V_{h−k})/2, O_k = e^{+2πik/N}(V_k − conj V_{h−k})/2, Z_k = E_k + i·O_k, an
 *       inverse FFT of length h (÷h) gives z, hence v and x.</li>
 * </ol>
 * The factors s_k, 1/s_k, ½ and 1/N are folded into the twiddle tables.
 *
 * <p>Determinism: all tables are built once from {@link StrictMath#cos}/{@link StrictMath#sin} and
 * {@link Math#sqrt}; the arithmetic order is fixed, so outputs are bit-identical on every JVM.
 *
 * <p>Thread safety: an instance holds scratch arrays and is <b>not</b> thread-safe. Use {@link #copy()} (shares the
 * immutable tables, allocates only N doubles of scratch) to get one instance per thread. {@code forward} and
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
        final Fft fft;      // length h = N/2 (null for N = 1)
        final double[] gc;  // ½·s_k·cos(πk/2N), k = 0..h
        final double[] gs;  // ½·s_k·sin(πk/2N)
        final double[] ic;  // cos(πk/2N) / (s_k·N)
        final double[] is;  // sin(πk/2N) / (s_k·N)
        final double[] tc;  // cos(2πk/N), k = 0..h
        final double[] ts;  // sin(2πk/N)

        Tables(int n) {
            this.n = n;
            int h = n / 2;
            fft = h >= 1 ? new Fft(h) : null;
            gc = new double[h + 1];
            gs = new double[h + 1];
            ic = new double[h + 1];
            is = new double[h + 1];
            tc = new double[h + 1];
            ts = new double[h + 1];
            double s0 = Math.sqrt(1.0 / n);
            double sk = Math.sqrt(2.0 / n);
            double i0 = 1.0 / Math.sqrt(n);         // 1/(s_0·N)
            double ik = 1.0 / Math.sqrt(2.0 * n);   // 1/(s_k·N)
            for (int k = 0; k <= h; k++) {
                double a = StrictMath.PI * k / (2.0 * n);
                double c = StrictMath.cos(a);
                double s = StrictMath.sin(a);
                double scale = k == 0 ? s0 : sk;
                double iscale = k == 0 ? i0 : ik;
                gc[k] = 0.5 * (scale * c);
                gs[k] = 0.5 * (scale * s);
                ic[k] = iscale * c;
                is[k] = iscale * s;
                double b = 2.0 * StrictMath.PI * k / n;
                tc[k] = StrictMath.cos(b);
                ts[k] = StrictMath.sin(b);
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
        this.re = new double[Math.max(1, t.n / 2)];
        this.im = new double[Math.max(1, t.n / 2)];
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
        if (n == 1) {
            out[outOff] = x[off];
            return;
        }
        double[] re = this.re;
        double[] im = this.im;
        int h = n >>> 1;
        // z_m = v_{2m} + i v_{2m+1}, v_j = x_{2j} (j < h), x_{2N−1−2j} (j ≥ h)
        for (int m = 0; m < h; m++) {
            int j = 2 * m;
            re[m] = j < h ? x[off + 2 * j] : x[off + 2 * n - 1 - 2 * j];
            j++;
            im[m] = j < h ? x[off + 2 * j] : x[off + 2 * n - 1 - 2 * j];
        }
        t.fft.transform(re, im, false);
        double[] gc = t.gc;
        double[] gs = t.gs;
        double[] tc = t.tc;
        double[] ts = t.ts;
        for (int k = 0; k <= h; k++) {
            int ka = k == h ? 0 : k;
            int kb = k == 0 ? 0 : h - k;
            double ar = re[ka];
            double ai = im[ka];
            double br = re[kb];
            double bi = im[kb];
            // 2E = Z_k + conj Z_{h−k};  2O = −i (Z_k − conj Z_{h−k})
            double er = ar + br;
            double ei = ai - bi;
            double or = ai + bi;
            double oi = br - ar;
            // 2V = 2E + e^{−2πik/N}·2O
            double c = tc[k];
            double s = ts[k];
            double vr = er + (c * or + s * oi);
            double vi = ei + (c * oi - s * or);
            // X_k = s_k Re(W_k V_k), X_{N−k} = −s_k Im(W_k V_k); ½ folded into g
            out[outOff + k] = gc[k] * vr + gs[k] * vi;
            if (k != 0 && k != h) {
                out[outOff + n - k] = gs[k] * vr - gc[k] * vi;
            }
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
        double[] tc = t.tc;
        double[] ts = t.ts;
        int h = n >>> 1;
        // V_k (scaled by 1/N) for k and h − k together, k = 0..h/2, so the output can go straight into z
        for (int k = 0; 2 * k <= h; k++) {
            int q = h - k;
            double xk = in[off + k];
            double xnk = k == 0 ? 0.0 : in[off + n - k];
            double pr = ic[k] * xk + is[k] * xnk;        // V_k
            double pi = is[k] * xk - ic[k] * xnk;
            double xq = in[off + q];
            double xnq = in[off + n - q];                // q ≥ 1
            double qr = ic[q] * xq + is[q] * xnq;        // V_{h−k}
            double qi = is[q] * xq - ic[q] * xnq;
            // Z_k from P = V_k, Q = conj V_{h−k}
            zFrom(re, im, k % h, pr, pi, qr, -qi, tc[k], ts[k]);
            if (q != k && q != h) {
                // Z_{h−k} from P = V_{h−k}, Q = conj V_k
                zFrom(re, im, q, qr, qi, pr, -pi, tc[q], ts[q]);
            }
        }
        t.fft.transform(re, im, true);
        for (int m = 0; m < h; m++) {
            int j = 2 * m;
            if (j < h) {
                out[outOff + 2 * j] = re[m];
            } else {
                out[outOff + 2 * n - 1 - 2 * j] = re[m];
            }
            j++;
            if (j < h) {
                out[outOff + 2 * j] = im[m];
            } else {
                out[outOff + 2 * n - 1 - 2 * j] = im[m];
            }
        }
    }

    /** Z = E + iO with E = P + Q, O = e^{+2πik/N}(P − Q) (the ½ is folded into the inverse tables). */
    private static void zFrom(double[] re, double[] im, int idx, double pr, double pi, double qr, double qi,
                              double c, double s) {
        double er = pr + qr;
        double ei = pi + qi;
        double dr = pr - qr;
        double di = pi - qi;
        double or = c * dr - s * di;
        double oi = c * di + s * dr;
        re[idx] = er - oi;
        im[idx] = ei + or;
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

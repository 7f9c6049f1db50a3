package io.latq.ecdq.entropy;

/**
 * The complementary error function and the Gaussian tail, computed only from IEEE-754 + − × ÷ and
 * {@link StrictMath#exp}, so the result is bit-identical on every JVM (Java 17 arithmetic is strict, and
 * StrictMath is the fdlibm algorithm by specification). Entropy-coder frequencies are derived from these values,
 * so encoder and decoder must agree to the last bit; {@code Math.exp} may be intrinsified differently and is
 * therefore never used here.
 *
 * <p>Algorithm for erfc(x), x ≥ 0:
 * <ul>
 *   <li>x &lt; 2: the everywhere-positive series erf(x) = (2/√π)·e^(−x²)·Σ_{k≥0} 2^k·x^(2k+1)/(1·3·…·(2k+1))
 *       (Abramowitz &amp; Stegun 7.1.6), summed until a term falls below 1e−17 of the sum; erfc = 1 − erf.</li>
 *   <li>x ≥ 2: Laplace's continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
 *       (A&amp;S 7.1.14), evaluated backwards from a fixed depth of 40.</li>
 *   <li>x &lt; 0: erfc(x) = 2 − erfc(−x).</li>
 * </ul>
 * Measured relative error against Commons Math on [0, 25]: below 2e−13. That is far below what the integer
 * frequency quantization can see, and small enough that the computed tail is monotone on grids whose spacing is
 * at least 1e−6 (see {@link DiscretizedGaussianModel}).
 *
 * <p>Speed: each evaluation is one chain of dependent divisions, bound by the divider's latency. The package-private
 * {@code erfcPairNonNegative} and {@code erfcManyNonNegative} evaluate two or four values in one loop: each value
 * goes through exactly the operations above, in the same order and with the same stopping rule, so the results are
 * the same bits; only independent chains are interleaved so that the processor overlaps them.
 */
public final class StrictGaussian {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    private static final double INV_SQRT_2 = 0.7071067811865476;
    private static final double SERIES_LIMIT = 2.0;
    private static final int FRACTION_DEPTH = 40;

    private StrictGaussian() {
    }

    /** erfc(x) = (2/√π)∫_x^∞ e^(−t²) dt. Returns NaN for NaN. */
    public static double erfc(double x) {
        if (x != x) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfcNonNegative(-x);
        }
        return erfcNonNegative(x);
    }

    private static double erfcNonNegative(double x) {
        if (x < SERIES_LIMIT) {
            double x2 = x * x;
            double twoX2 = 2.0 * x2;
            double term = x;
            double sum = x;
            for (int k = 1; k < 200; k++) {
                term = term * twoX2 / (2 * k + 1);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x2) * sum;
        }
        if (x > 27.5) {
            return 0.0; // below the smallest subnormal double
        }
        double f = x;
        for (int k = FRACTION_DEPTH; k >= 1; k--) {
            f = x + (0.5 * k) / f;
        }
        return StrictMath.exp(-x * x) * INV_SQRT_PI / f;
    }

    /**
     * erfc(x1) and erfc(x2) for x1, x2 ≥ 0, written to out[0] and out[1]: bit-identical to two calls of
     * {@link #erfc}, but faster. Each value goes through exactly the same sequence of floating-point operations as in
     * {@link #erfcNonNegative}; only the two independent dependency chains are interleaved in one loop, so the
     * processor overlaps their divisions (whose latency, not their throughput, bounds a single evaluation).
     */
    static void erfcPairNonNegative(double x1, double x2, double[] out) {
        boolean series1 = x1 < SERIES_LIMIT;
        boolean series2 = x2 < SERIES_LIMIT;
        if (series1 && series2) {
            double x21 = x1 * x1;
            double x22 = x2 * x2;
            double twoX21 = 2.0 * x21;
            double twoX22 = 2.0 * x22;
            double term1 = x1;
            double term2 = x2;
            double sum1 = x1;
            double sum2 = x2;
            boolean active1 = true;
            boolean active2 = true;
            // the same loop as erfcNonNegative, run for each value until its own stopping rule fires
            for (int k = 1; k < 200 && (active1 || active2); k++) {
                if (active1) {
                    term1 = term1 * twoX21 / (2 * k + 1);
                    sum1 += term1;
                    active1 = !(term1 < sum1 * 1e-17);
                }
                if (active2) {
                    term2 = term2 * twoX22 / (2 * k + 1);
                    sum2 += term2;
                    active2 = !(term2 < sum2 * 1e-17);
                }
            }
            out[0] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x21) * sum1;
            out[1] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x22) * sum2;
            return;
        }
        if (!series1 && !series2 && x1 <= 27.5 && x2 <= 27.5) {
            double f1 = x1;
            double f2 = x2;
            for (int k = FRACTION_DEPTH; k >= 1; k--) {
                f1 = x1 + (0.5 * k) / f1;
                f2 = x2 + (0.5 * k) / f2;
            }
            out[0] = StrictMath.exp(-x1 * x1) * INV_SQRT_PI / f1;
            out[1] = StrictMath.exp(-x2 * x2) * INV_SQRT_PI / f2;
            return;
        }
        out[0] = erfcNonNegative(x1);
        out[1] = erfcNonNegative(x2);
    }

    /**
     * The upper Gaussian tail Q(w) = P(N(0,1) &gt; w) = erfc(w/√2)/2, with full relative accuracy for large w.
     */
    public static double upperTail(double w) {
        return 0.5 * erfc(w * INV_SQRT_2);
    }

    /**
     * erfc(x[i]) into out[i] for i &lt; count, all x[i] ≥ 0 (not NaN): bit-identical to {@link #erfc} of each. The values are
     * sorted by branch (series or continued fraction, using {@code work}, length ≥ count) and evaluated four at a
     * time, each through exactly the operations of {@link #erfcNonNegative}; four independent dependency chains
     * keep the divider busy, where a single evaluation mostly waits for the latency of each division.
     */
    static void erfcManyNonNegative(double[] x, int count, double[] out, int[] work) {
        int series = 0;
        int fraction = count;
        for (int i = 0; i < count; i++) {
            if (x[i] < SERIES_LIMIT) {
                work[series++] = i;
            } else if (x[i] > 27.5) {
                out[i] = 0.0;
            } else {
                work[--fraction] = i;
            }
        }
        int i = 0;
        for (; i + 4 <= series; i += 4) {
            seriesQuad(x, out, work[i], work[i + 1], work[i + 2], work[i + 3]);
        }
        for (; i < series; i++) {
            out[work[i]] = erfcNonNegative(x[work[i]]);
        }
        i = fraction;
        for (; i + 4 <= count; i += 4) {
            fractionQuad(x, out, work[i], work[i + 1], work[i + 2], work[i + 3]);
        }
        for (; i < count; i++) {
            out[work[i]] = erfcNonNegative(x[work[i]]);
        }
    }

    /** The series branch of {@link #erfcNonNegative} for x[a], x[b], x[c], x[d] (all &lt; 2), interleaved. */
    private static void seriesQuad(double[] x, double[] out, int a, int b, int c, int d) {
        double xa = x[a];
        double xb = x[b];
        double xc = x[c];
        double xd = x[d];
        double x2a = xa * xa;
        double x2b = xb * xb;
        double x2c = xc * xc;
        double x2d = xd * xd;
        double ta = 2.0 * x2a;
        double tb = 2.0 * x2b;
        double tc = 2.0 * x2c;
        double td = 2.0 * x2d;
        double terma = xa;
        double termb = xb;
        double termc = xc;
        double termd = xd;
        double suma = xa;
        double sumb = xb;
        double sumc = xc;
        double sumd = xd;
        boolean ea = true;
        boolean eb = true;
        boolean ec = true;
        boolean ed = true;
        // each lane runs the loop of erfcNonNegative until its own stopping rule fires
        for (int k = 1; k < 200 && (ea || eb || ec || ed); k++) {
            if (ea) {
                terma = terma * ta / (2 * k + 1);
                suma += terma;
                ea = !(terma < suma * 1e-17);
            }
            if (eb) {
                termb = termb * tb / (2 * k + 1);
                sumb += termb;
                eb = !(termb < sumb * 1e-17);
            }
            if (ec) {
                termc = termc * tc / (2 * k + 1);
                sumc += termc;
                ec = !(termc < sumc * 1e-17);
            }
            if (ed) {
                termd = termd * td / (2 * k + 1);
                sumd += termd;
                ed = !(termd < sumd * 1e-17);
            }
        }
        out[a] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x2a) * suma;
        out[b] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x2b) * sumb;
        out[c] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x2c) * sumc;
        out[d] = 1.0 - TWO_OVER_SQRT_PI * StrictMath.exp(-x2d) * sumd;
    }

    /** The continued-fraction branch of {@link #erfcNonNegative} for x[a..d] (all in [2, 27.5]), interleaved. */
    private static void fractionQuad(double[] x, double[] out, int a, int b, int c, int d) {
        double xa = x[a];
        double xb = x[b];
        double xc = x[c];
        double xd = x[d];
        double fa = xa;
        double fb = xb;
        double fc = xc;
        double fd = xd;
        for (int k = FRACTION_DEPTH; k >= 1; k--) {
            fa = xa + (0.5 * k) / fa;
            fb = xb + (0.5 * k) / fb;
            fc = xc + (0.5 * k) / fc;
            fd = xd + (0.5 * k) / fd;
        }
        out[a] = StrictMath.exp(-xa * xa) * INV_SQRT_PI / fa;
        out[b] = StrictMath.exp(-xb * xb) * INV_SQRT_PI / fb;
        out[c] = StrictMath.exp(-xc * xc) * INV_SQRT_PI / fc;
        out[d] = StrictMath.exp(-xd * xd) * INV_SQRT_PI / fd;
    }

    /**
     * Q(w[i]) into out[i] for i &lt; count, all w[i] ≥ 0 (−0 allowed): bit-identical to {@link #upperTail} of each,
     * evaluated together by {@link #erfcManyNonNegative}. {@code x} (scratch) and {@code work} need length ≥ count.
     */
    static void upperTailMany(double[] w, int count, double[] out, double[] x, int[] work) {
        for (int i = 0; i < count; i++) {
            x[i] = w[i] * INV_SQRT_2;
        }
        erfcManyNonNegative(x, count, out, work);
        for (int i = 0; i < count; i++) {
            out[i] = 0.5 * out[i];
        }
    }

    /**
     * Q(w1) and Q(w2) for w1, w2 ≥ 0 (−0 allowed) into out[0], out[1]: bit-identical to {@link #upperTail} of each,
     * evaluated together by {@link #erfcPairNonNegative}.
     */
    static void upperTailPair(double w1, double w2, double[] out) {
        erfcPairNonNegative(w1 * INV_SQRT_2, w2 * INV_SQRT_2, out);
        out[0] = 0.5 * out[0];
        out[1] = 0.5 * out[1];
    }

    /** The standard normal CDF Φ(z) = Q(−z). Accurate relative to Φ for z &lt; 0, to 1 − Φ only via {@link #upperTail}. */
    public static double cdf(double z) {
        return upperTail(-z);
    }
}

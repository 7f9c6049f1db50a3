package io.latq.ecdq.transform;

import java.util.SplittableRandom;

/** Deterministic test signals: Box–Muller Gaussians from SplittableRandom, with StrictMath. */
final class Signals {
    private Signals() {
    }

    /** n i.i.d. N(0, 1) samples. */
    static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = 1.0 - r.nextDouble();   // (0, 1]
            double u2 = r.nextDouble();
            double rad = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double a = 2.0 * StrictMath.PI * u2;
            x[i] = rad * StrictMath.cos(a);
            if (i + 1 < n) {
                x[i + 1] = rad * StrictMath.sin(a);
            }
        }
        return x;
    }

    /** Stationary AR(1): x_0 ~ N(0, σ²), x_t = ρ x_{t−1} + √(1−ρ²)·σ·e_t. */
    static double[] ar1(int n, double rho, double variance, long seed) {
        double[] e = gaussian(n, seed);
        double sd = StrictMath.sqrt(variance);
        double innov = StrictMath.sqrt(1.0 - rho * rho) * sd;
        double[] x = new double[n];
        x[0] = sd * e[0];
        for (int t = 1; t < n; t++) {
            x[t] = rho * x[t - 1] + innov * e[t];
        }
        return x;
    }

    /** Naive O(N²) orthonormal DCT-II, the oracle. */
    static double[] naiveDct(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                // reduce the argument exactly: (2i+1)k mod 4N, angle π·m/(2N)
                long m = ((long) (2 * i + 1) * k) % (4L * n);
                s += x[i] * StrictMath.cos(StrictMath.PI * m / (2.0 * n));
            }
            out[k] = (k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n)) * s;
        }
        return out;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double relErr(double[] got, double[] want) {
        double d = 0;
        for (int i = 0; i < got.length; i++) {
            double e = got[i] - want[i];
            d += e * e;
        }
        return Math.sqrt(d) / Math.max(norm(want), Double.MIN_NORMAL);
    }
}

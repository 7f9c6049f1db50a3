package io.latq.polar.decode;

import io.latq.polar.Llr;
import org.apache.commons.rng.UniformRandomProvider;

final class DecoderTestSupport {

    private DecoderTestSupport() {
    }

    /** Random LLRs: Gaussian around a random mean, with some exact zeros and ±infinities thrown in. */
    static double[] randomLlr(UniformRandomProvider rng, int n, boolean specials) {
        double[] l = new double[n];
        double mean = rng.nextDouble() * 4;
        for (int i = 0; i < n; i++) {
            double z = gaussian(rng);
            l[i] = mean + 2 * z * Math.sqrt(Math.max(mean, 0.5));
            if (specials) {
                int r = rng.nextInt(40);
                if (r == 0) {
                    l[i] = 0.0;
                } else if (r == 1) {
                    l[i] = -0.0;
                } else if (r == 2) {
                    l[i] = 1e-300 * (rng.nextBoolean() ? 1 : -1);
                }
            }
        }
        return l;
    }

    static double gaussian(UniformRandomProvider rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Random frozen mask with roughly the given fraction frozen. */
    static boolean[] randomFrozen(UniformRandomProvider rng, int n, double frozenFraction) {
        boolean[] f = new boolean[n];
        for (int i = 0; i < n; i++) {
            f[i] = rng.nextDouble() < frozenFraction;
        }
        return f;
    }

    /** Channel-level metric Σ_i [x_i ≠ hard(llr_i)]·|llr_i|. */
    static double channelMetric(double[] llr, byte[] x) {
        double s = 0;
        for (int i = 0; i < llr.length; i++) {
            s += Llr.penalty(llr[i], x[i]);
        }
        return s;
    }
}

package io.latq.ecdq.quantizer;

import java.util.Arrays;

/**
 * Reverse water-filling over weighted components (THEORY.md, "Sources with memory"): the level θ with
 * Σ w_k·min(θ, v_k) = D·Σ w_k, and the rate Σ w_k·max(0, ½·log2(v_k/θ)) / Σ w_k in bits per sample.
 * Exact: the components are sorted by variance and θ is found in closed form on the right segment.
 */
public final class WaterLevel {
    private WaterLevel() {
    }

    /**
     * θ for mean distortion {@code d} over components {@code v[0..m)} with weights {@code w} (w ≥ 0). When d is at
     * least the weighted mean variance, every component is under water: the result is max(d, max v), so that no
     * component is coded.
     */
    public static double solve(double[] v, double[] w, int m, double d) {
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("target distortion must be positive and finite, got " + d);
        }
        Integer[] idx = new Integer[m];
        double total = 0;
        double maxV = 0;
        for (int i = 0; i < m; i++) {
            idx[i] = i;
            total += w[i];
            maxV = Math.max(maxV, v[i]);
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double target = d * total;
        // below[k] = Σ_{j<k} w v over the k smallest; components k.. are above θ: θ = (target − below)/wAbove
        double below = 0;
        double wAbove = total;
        for (int k = 0; k < m; k++) {
            int i = idx[k];
            if (wAbove > 0) {
                double theta = (target - below) / wAbove;
                if (theta <= v[i]) {
                    return theta;
                }
            }
            below += w[i] * v[i];
            wAbove -= w[i];
        }
        return Math.max(d, maxV);
    }

    /** The rate Σ w·max(0, ½log2(v/θ)) / Σ w in bits per sample (StrictMath). */
    public static double rate(double[] v, double[] w, int m, double theta) {
        double bits = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += w[i];
            if (v[i] > theta) {
                bits += w[i] * 0.5 * StrictMath.log(v[i] / theta);
            }
        }
        return total == 0 ? 0 : bits / StrictMath.log(2) / total;
    }
}

package io.latq.polar.decode;

import io.latq.polar.Llr;

/** The check-node (f) rule of SC-type decoders. */
public enum CheckNodeRule {
    /** Exact box-plus 2·atanh(tanh(a/2)·tanh(b/2)), see {@link Llr#boxPlus}. */
    EXACT,
    /** Min-sum approximation sign(a)·sign(b)·min(|a|,|b|), see {@link Llr#minSum}. */
    MIN_SUM;

    /** Applies the rule to one pair. */
    public double apply(double a, double b) {
        return this == EXACT ? Llr.boxPlus(a, b) : Llr.minSum(a, b);
    }

    /** out[o+i] = f(in[a+i], in[b+i]) for i in [0, len); the loop is specialised per rule. */
    void applyAll(double[] in, int a, int b, double[] out, int o, int len) {
        if (this == MIN_SUM) {
            for (int i = 0; i < len; i++) {
                double x = in[a + i];
                double y = in[b + i];
                // branch-free: the sign is the XOR of the sign bits (random signs would defeat branch prediction)
                double m = Math.min(Math.abs(x), Math.abs(y));
                long sign = (Double.doubleToRawLongBits(x) ^ Double.doubleToRawLongBits(y)) & Llr.SIGN_BIT;
                out[o + i] = Double.longBitsToDouble(Double.doubleToRawLongBits(m) | sign);
            }
        } else {
            for (int i = 0; i < len; i++) {
                out[o + i] = Llr.boxPlus(in[a + i], in[b + i]);
            }
        }
    }

    /** out[o+i] = g(in[a+i], in[b+i], v[vo+i]) = in[b+i] + (1 − 2v)·in[a+i]. */
    static void gAll(double[] in, int a, int b, byte[] v, int vo, double[] out, int o, int len) {
        for (int i = 0; i < len; i++) {
            // b + (1 − 2v)·a by flipping a's sign bit when v = 1 (exact, branch-free)
            long flip = (long) v[vo + i] << 63;
            out[o + i] = in[b + i] + Double.longBitsToDouble(Double.doubleToRawLongBits(in[a + i]) ^ flip);
        }
    }
}

package io.latq.polar.construct;

import io.latq.polar.PolarTransform;

/**
 * Exact bit-channel erasure probabilities for the BEC(ε) (Arıkan 2009): Z(W^−) = 2Z − Z², Z(W^+) = Z². In natural
 * order the children of channel j at each step are 2j (minus) and 2j+1 (plus), so the first step is the MSB of t.
 *
 * <p>Reported per channel: the erasure probability Z_t as {@code entropy} (for the BEC, H(U_t|Y,U^{t−1}) = Z_t),
 * the error probability Z_t/2 (an erasure is a fair coin) as estimate and as both bounds (it is exact), and the
 * reliability −ln Z_t computed in the log domain so very small Z_t stay distinct.
 */
public final class BecConstruction implements FrozenSetConstruction {

    private final double epsilon;

    /** @param epsilon erasure probability in [0, 1] */
    public BecConstruction(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("BEC erasure probability must be in [0,1], got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "bec";
    }

    @Override
    public BitChannelReliabilities construct(int n) {
        int m = PolarTransform.log2(n);
        double[] logZ = new double[n];
        double[] next = new double[n];
        logZ[0] = StrictMath.log(epsilon);
        for (int step = 0, count = 1; step < m; step++, count <<= 1) {
            for (int j = 0; j < count; j++) {
                double lz = logZ[j];
                double z = StrictMath.exp(lz);
                next[2 * j] = lz + StrictMath.log(2.0 - z); // log(2z − z²)
                next[2 * j + 1] = 2.0 * lz;           // log(z²)
            }
            System.arraycopy(next, 0, logZ, 0, 2 * count);
        }
        double[] rel = new double[n];
        double[] z = new double[n];
        double[] pe = new double[n];
        for (int t = 0; t < n; t++) {
            rel[t] = -logZ[t];
            z[t] = StrictMath.exp(logZ[t]);
            pe[t] = 0.5 * z[t];
        }
        return new BitChannelReliabilities(name(), rel, pe, pe, pe, null, z, null);
    }
}

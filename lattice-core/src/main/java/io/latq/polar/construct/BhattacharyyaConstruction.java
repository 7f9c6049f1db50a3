package io.latq.polar.construct;


/**
 * Bhattacharyya-parameter bounds for any BMS channel of Bhattacharyya parameter Z (Arıkan 2009; Mori &amp; Tanaka):
 * Z(W^−) ≤ 2Z − Z² and Z(W^+) = Z², applied recursively in natural order (children 2j = minus, 2j+1 = plus).
 * The result Z_t is an upper bound on the bit channel's Bhattacharyya parameter and hence on its ML error
 * probability. Exact for the BEC. Computed in the log domain; reliability = −ln Z_t.
 */
public final class BhattacharyyaConstruction implements FrozenSetConstruction {

    private final double z;

    /** @param z the channel's Bhattacharyya parameter Σ_y sqrt(W(y|0)W(y|1)) in [0, 1] */
    public BhattacharyyaConstruction(double z) {
        if (!(z >= 0 && z <= 1)) {
            throw new IllegalArgumentException("Bhattacharyya parameter must be in [0,1], got " + z);
        }
        this.z = z;
    }

    /** For BI-AWGN with noise standard deviation σ (BPSK ±1): Z = exp(−1/(2σ²)). */
    public static BhattacharyyaConstruction forBiAwgn(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
        }
        return new BhattacharyyaConstruction(StrictMath.exp(-1.0 / (2 * sigma * sigma)));
    }

    /** The channel's Z. */
    public double z() {
        return z;
    }

    @Override
    public String name() {
        return "bhattacharyya";
    }

    @Override
    public BitChannelReliabilities construct(int n) {
        BitChannelReliabilities bec = new BecConstruction(z).construct(n);
        // the recursion is the BEC's; only the meaning of the numbers changes (bounds instead of exact values)
        double[] zt = bec.entropy();
        return new BitChannelReliabilities(name(), bec.reliability(), null, null, zt, null, null, null);
    }
}

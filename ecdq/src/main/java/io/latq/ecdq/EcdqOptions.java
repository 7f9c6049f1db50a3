package io.latq.ecdq;

/**
 * Options for {@link EcdqCompressor}.
 *
 * @param target          what to aim for
 * @param targetValue     MSE, SNR in dB, or bits per sample
 * @param latticeSpec     lattice spec for the resolver and the header (e.g. {@code Z1}, {@code E8})
 * @param nsm             normalized second moment G of the lattice quantizer; NaN = look up {@link io.latq.nsm.KnownNsm}
 * @param seed            dither seed
 * @param threads         worker threads (output is identical for any count)
 * @param keepNonFinite   carry NaN/±Inf samples exactly instead of refusing them
 * @param force           replace an existing output
 * @param vectorsPerBlock lattice vectors per block; 0 = about 65536 samples per block
 */
public record EcdqOptions(Target target, double targetValue, String latticeSpec, double nsm, long seed, int threads,
                          boolean keepNonFinite, boolean force, int vectorsPerBlock) {

    /** The kind of target. Codes are stored in the header. */
    public enum Target {
        MSE(0), SNR_DB(1), RATE(2);

        private final int code;

        Target(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static final long DEFAULT_SEED = 0x5EED_ECD0L;

    /** Defaults: lattice Z1, known NSM, default seed, 1 thread, refuse non-finite, no force. */
    public static EcdqOptions mse(double d) {
        return new EcdqOptions(Target.MSE, d, "Z1", Double.NaN, DEFAULT_SEED, 1, false, false, 0);
    }

    public EcdqOptions withLattice(String spec) {
        return new EcdqOptions(target, targetValue, spec, nsm, seed, threads, keepNonFinite, force, vectorsPerBlock);
    }

    public EcdqOptions withTarget(Target t, double value) {
        return new EcdqOptions(t, value, latticeSpec, nsm, seed, threads, keepNonFinite, force, vectorsPerBlock);
    }

    public EcdqOptions withNsm(double g) {
        return new EcdqOptions(target, targetValue, latticeSpec, g, seed, threads, keepNonFinite, force,
                vectorsPerBlock);
    }

    public EcdqOptions withSeed(long s) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, s, threads, keepNonFinite, force,
                vectorsPerBlock);
    }

    public EcdqOptions withThreads(int t) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, t, keepNonFinite, force, vectorsPerBlock);
    }

    public EcdqOptions withKeepNonFinite(boolean k) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, k, force, vectorsPerBlock);
    }

    public EcdqOptions withForce(boolean f) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, f,
                vectorsPerBlock);
    }

    public EcdqOptions withVectorsPerBlock(int v) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, force, v);
    }
}

package io.latq.ecdq;

/**
 * Options for {@link EcdqCompressor}. Immutable; the {@code with…} methods return modified copies.
 *
 * @param target        what to aim for
 * @param targetValue   MSE, SNR in dB, or bits per sample
 * @param latticeSpec   lattice spec (e.g. {@code Z1}, {@code E8}, {@code polar:n=1024})
 * @param nsm           normalized second moment G of the lattice quantizer; NaN = known value or a seeded estimate
 * @param seed          dither seed; null = a random seed (recorded in the header)
 * @param threads       worker threads (output is identical for any count)
 * @param keepNonFinite carry NaN/±Inf samples exactly instead of refusing them
 * @param force         replace an existing output
 * @param transform     {@code auto} (decide from the data), {@code none}, or {@code dct} (the best DCT tile);
 *                      {@code dct:B} forces tile size B on every transformed axis
 * @param blockRows     rows of the first transformed axis per block; 0 = chosen with the plan
 * @param level         the level recorded in the header (1–9, 0 = none); see {@link EcdqLevel}
 * @param coder         the point coder ({@code FileHeader.CODER_*}); the exact Gaussian writes format version 2
 */
public record EcdqOptions(Target target, double targetValue, String latticeSpec, double nsm, Long seed, int threads,
                          boolean keepNonFinite, boolean force, String transform, long blockRows, int level,
                          int coder) {

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

    /** The lattice used when none is given: the N = 1024 polar lattice. */
    public static final String DEFAULT_LATTICE = "polar:n=1024";

    /**
     * Defaults: lattice Z1, known NSM, random seed, 1 thread, refuse non-finite, no force, transform auto, no level,
     * the exact Gaussian coder (format version 2). {@link #withLevel} sets a level's lattice and coder.
     */
    public static EcdqOptions mse(double d) {
        return new EcdqOptions(Target.MSE, d, "Z1", Double.NaN, null, 1, false, false, "auto", 0, 0,
                io.latq.ecdq.file.FileHeader.CODER_EXACT_GAUSSIAN);
    }

    public EcdqOptions withLattice(String spec) {
        return new EcdqOptions(target, targetValue, spec, nsm, seed, threads, keepNonFinite, force, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withTarget(Target t, double value) {
        return new EcdqOptions(t, value, latticeSpec, nsm, seed, threads, keepNonFinite, force, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withNsm(double g) {
        return new EcdqOptions(target, targetValue, latticeSpec, g, seed, threads, keepNonFinite, force, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withSeed(Long s) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, s, threads, keepNonFinite, force, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withThreads(int t) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, t, keepNonFinite, force, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withKeepNonFinite(boolean k) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, k, force, transform, blockRows,
                level, coder);
    }

    public EcdqOptions withForce(boolean f) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, f, transform,
                blockRows, level, coder);
    }

    public EcdqOptions withTransform(String t) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, force, t,
                blockRows, level, coder);
    }

    public EcdqOptions withBlockRows(long rows) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, force, transform,
                rows, level, coder);
    }

    /** The lattice and coder of {@code l}, recorded as level {@code l.number()}. */
    public EcdqOptions withLevel(EcdqLevel l) {
        return new EcdqOptions(target, targetValue, l.lattice(), nsm, seed, threads, keepNonFinite, force, transform,
                blockRows, l.number(), l.coder());
    }

    /** Another point coder ({@code FileHeader.CODER_*}). */
    public EcdqOptions withCoder(int c) {
        return new EcdqOptions(target, targetValue, latticeSpec, nsm, seed, threads, keepNonFinite, force, transform,
                blockRows, level, c);
    }
}

package io.latq.ecdq.entropy;

/**
 * The parity LLR of an integer drawn from a discrete Gaussian, L(y) = log P(λ even)/P(λ odd) for
 * P(λ) ∝ exp(−(λ − y)²/2s²) on Z (the mod-2 Gaussian level channel of a polar lattice at y with noise s), evaluated
 * from a closed form or a per-noise table so that it costs a few flops and gives the same double on every JVM.
 *
 * <p>Definition (the file format depends on every detail). With a = |d|, d = y − 2·⌊y/2 + ½⌋ (the distance from y
 * to the nearest even integer, a ∈ [0, 1]) and c = 1/(2s²), L(y) = T(a) for a ≤ ½ and L(y) = −T(1 − a) for a &gt; ½,
 * where T approximates h(a) = log Σ_k exp(−(a − 2k)²c) − log Σ_k exp(−(a − 1 − 2k)²c) on [0, ½]:
 * <ul>
 *   <li>s &lt; {@value #SHARP_NOISE}: T(a) = (1 − 2a)·c − ℓ(4a·c) + ℓ((4 − 4a)·c), ℓ(v) = log1p(exp(−v)) for
 *       v &lt; 50 and 0 beyond (StrictMath). These are the nearest even point (distance a), the two nearest odd ones
 *       (1 − a, 1 + a) and the second even one (2 − a); the others weigh less than e^(−4c) ≤ e^(−32) relative.
 *       The term ℓ(4a·c) is a feature of width about s²/2 at a = 0, too sharp to tabulate for small s.</li>
 *   <li>{@value #SHARP_NOISE} ≤ s &lt; {@value #UNIFORM_NOISE}: T(a) = H_i + (x − i)·(H_{i+1} − H_i) with
 *       x = a·{@value #CELLS_X2}, i = min(⌊x⌋, {@value #CELLS} − 1), H_j = h(j/{@value #CELLS_X2}) for
 *       j &lt; {@value #CELLS} and H_{CELLS} = 0 (h(½) = 0). H_j sums k over |k| ≤ K, K = ⌊(2 + 9.2·s)/2⌋ + 2 (the
 *       omitted terms are below 2^−60 relative), each sum taken relative to its largest term (a for the even one,
 *       1 − a for the odd one): H_j = log E − log O + ((1 − a)² − a²)·c with StrictMath exp and log, k ascending.
 *       The feature is then at least 64 cells wide and the interpolation error below about 1e−5.</li>
 *   <li>s ≥ {@value #UNIFORM_NOISE}: T = 0. The true |L| is below 4·e^(−π²s²/2) ≈ 1e−8 there, far below the 1/64
 *       grid of {@link LogisticFrequencyTable}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class ModTwoLlrTable {
    /** Interpolation cells over a ∈ [0, ½]. */
    static final int CELLS = 1024;
    /** 2·CELLS: a·CELLS_X2 is the position on the grid. */
    static final int CELLS_X2 = 2 * CELLS;
    /** Noise below which the closed form is used. */
    static final double SHARP_NOISE = 0.25;
    /** Noise from which the parity carries no information at double precision (see the class comment). */
    static final double UNIFORM_NOISE = 2.0;
    private static final double TAIL_CUT = 50.0;

    private final double noise;
    private final double c;
    private final boolean uniform;
    private final double[] h; // null for the closed form and the uniform channel

    /** @param s the noise standard deviation, positive and finite */
    ModTwoLlrTable(double s) {
        if (!(s > 0) || !(s < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("level noise must be positive and finite, got " + s);
        }
        this.noise = s;
        this.c = 1.0 / (2 * s * s);
        this.uniform = s >= UNIFORM_NOISE;
        if (uniform || s < SHARP_NOISE) {
            this.h = null;
            return;
        }
        int terms = (int) StrictMath.floor((2 + 9.2 * s) / 2) + 2;
        double[] t = new double[CELLS + 1];
        for (int j = 0; j < CELLS; j++) {
            double a = (double) j / CELLS_X2;
            double e0 = a * a;
            double o0 = (1 - a) * (1 - a);
            double even = 0;
            double odd = 0;
            for (int k = -terms; k <= terms; k++) {
                double de = a - 2.0 * k;
                double dOdd = a - 1 - 2.0 * k;
                even += StrictMath.exp(-(de * de - e0) * c);
                odd += StrictMath.exp(-(dOdd * dOdd - o0) * c);
            }
            t[j] = StrictMath.log(even) - StrictMath.log(odd) + (o0 - e0) * c;
        }
        t[CELLS] = 0.0;
        this.h = t;
    }

    /** The noise s. */
    double noise() {
        return noise;
    }

    /** L(y) as defined in the class comment. */
    double llr(double y) {
        if (uniform) {
            return 0.0;
        }
        double d = y - 2 * Math.floor(y * 0.5 + 0.5);
        double a = Math.abs(d);
        if (a <= 0.5) {
            return t(a);
        }
        return -t(1 - a);
    }

    private double t(double a) {
        if (h == null) {
            return (1 - 2 * a) * c - tail(4 * a * c) + tail((4 - 4 * a) * c);
        }
        double x = a * CELLS_X2;
        int i = (int) x;
        if (i >= CELLS) {
            i = CELLS - 1;
        }
        return h[i] + (x - i) * (h[i + 1] - h[i]);
    }

    /** log1p(e^(−v)) for v ≥ 0, 0 from {@value #TAIL_CUT} on. */
    private static double tail(double v) {
        return v < TAIL_CUT ? StrictMath.log1p(StrictMath.exp(-v)) : 0.0;
    }
}

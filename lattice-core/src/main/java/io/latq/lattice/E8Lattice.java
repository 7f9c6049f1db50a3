package io.latq.lattice;

/**
 * The Gosset lattice E8 = D8 ∪ (D8 + ½·1), volume 1.
 *
 * <p>Generator (rows), as in Conway &amp; Sloane:
 * <pre>
 *   2  0  0  0  0  0  0  0
 *  −1  1  0  0  0  0  0  0
 *   0 −1  1  0  0  0  0  0
 *   0  0 −1  1  0  0  0  0
 *   0  0  0 −1  1  0  0  0
 *   0  0  0  0 −1  1  0  0
 *   0  0  0  0  0 −1  1  0
 *   ½  ½  ½  ½  ½  ½  ½  ½
 * </pre>
 *
 * <p>Closest point (Conway &amp; Sloane, "Fast quantizing and decoding algorithms for lattice quantizers and codes",
 * IEEE Trans. Inf. Theory 28(2), 1982): decode x in D8 and x − ½·1 in D8 (then add ½·1 back), and keep the closer
 * candidate. Each D8 decoding rounds every coordinate and, if the coordinate sum is odd, re-rounds the worst-rounded
 * coordinate the other way (cost 1 − 2|error|).
 *
 * <p>Tie conventions: rounding is half up ({@link Rounding#roundHalfUp}); within a coset the lowest index is
 * re-rounded among equal largest |error| (as in {@link DnLattice}); between the cosets, at equal computed squared
 * distance, the candidate with the smaller first coordinate wins (the cosets differ by ½ in every coordinate). A shift
 * by λ ∈ D8 + ½·1 swaps the two cosets' computations exactly, so Q(x + λ) = Q(x) + λ holds exactly for every
 * λ ∈ E8 whenever x + λ is exact.
 *
 * <p>Allocation-free and scratch-free: the first pass keeps, per coset, the squared distance, the sum parity and the
 * index/sign of the worst coordinate; the second pass writes the winner.
 */
public final class E8Lattice extends AbstractLattice {

    private static final int N = 8;

    /** Creates E8. */
    public E8Lattice() {
        super("E8", N);
    }

    @Override
    protected double[][] buildGenerator() {
        double[][] b = new double[N][N];
        b[0][0] = 2.0;
        for (int i = 1; i < N - 1; i++) {
            b[i][i - 1] = -1.0;
            b[i][i] = 1.0;
        }
        for (int j = 0; j < N; j++) {
            b[N - 1][j] = 0.5;
        }
        return b;
    }

    @Override
    public double log2Volume() {
        return 0.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        // Coset 0: D8. Coset 1: D8 + ½·1 (decode x − ½ in D8).
        double dist0 = 0.0;
        double dist1 = 0.0;
        long parity0 = 0;
        long parity1 = 0;
        int worst0 = 0;
        int worst1 = 0;
        double worstAbs0 = -1.0;
        double worstAbs1 = -1.0;
        double worstErr0 = 0.0;
        double worstErr1 = 0.0;
        for (int i = 0; i < N; i++) {
            double t0 = x[xOff + i];
            double f0 = Rounding.roundHalfUp(t0);
            double e0 = t0 - f0;
            dist0 += e0 * e0;
            parity0 ^= ((long) f0) & 1L;
            if (Math.abs(e0) > worstAbs0) {
                worstAbs0 = Math.abs(e0);
                worst0 = i;
                worstErr0 = e0;
            }
            double t1 = t0 - 0.5;
            double f1 = Rounding.roundHalfUp(t1);
            double e1 = t1 - f1;
            dist1 += e1 * e1;
            parity1 ^= ((long) f1) & 1L;
            if (Math.abs(e1) > worstAbs1) {
                worstAbs1 = Math.abs(e1);
                worst1 = i;
                worstErr1 = e1;
            }
        }
        double fix0 = 0.0;
        double fix1 = 0.0;
        if (parity0 != 0) {
            dist0 += 1.0 - 2.0 * worstAbs0;
            fix0 = (worstErr0 >= 0.0) ? 1.0 : -1.0;
        }
        if (parity1 != 0) {
            dist1 += 1.0 - 2.0 * worstAbs1;
            fix1 = (worstErr1 >= 0.0) ? 1.0 : -1.0;
        }
        boolean useCoset1;
        if (dist0 != dist1) {
            useCoset1 = dist1 < dist0;
        } else {
            double first0 = Rounding.roundHalfUp(x[xOff]) + (worst0 == 0 ? fix0 : 0.0);
            double first1 = Rounding.roundHalfUp(x[xOff] - 0.5) + 0.5 + (worst1 == 0 ? fix1 : 0.0);
            useCoset1 = first1 < first0;
        }
        double shift = useCoset1 ? 0.5 : 0.0;
        int worst = useCoset1 ? worst1 : worst0;
        double fix = useCoset1 ? fix1 : fix0;
        for (int i = 0; i < N; i++) {
            out[outOff + i] = Rounding.roundHalfUp(x[xOff + i] - shift) + shift;
        }
        out[outOff + worst] += fix;
    }
}

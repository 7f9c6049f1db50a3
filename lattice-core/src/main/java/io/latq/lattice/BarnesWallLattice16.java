package io.latq.lattice;

/**
 * The Barnes–Wall lattice BW16 = Λ16 in the integral scaling √2·Λ16 = ∪_{c ∈ RM(1,4)} (c + 2·D16): minimum squared
 * norm 8 (4320 minimal vectors), volume 2^12 (log2 V = 12). Conway &amp; Sloane, <i>Sphere Packings, Lattices and
 * Groups</i>, §4.10, give Λ16 with minimum norm 4 and volume 16, i.e. this lattice scaled by 1/√2; the normalized
 * second moment G ≈ 0.06830 does not depend on the scale.
 *
 * <p>Derivation: Construction D with the Reed–Muller codes RM(1,4) ⊂ RM(3,4) gives RM(1,4) + 2·RM(3,4) + 4·Z^16, and
 * RM(3,4) (the even-weight code) + 2·Z^16 = D16, so the lattice is the union of the 32 cosets c + 2·D16. It is closed
 * under addition because c1 + c2 = (c1 ⊕ c2) + 2·(c1 ∧ c2) and c1 ∧ c2 has even weight for codewords of RM(1,4).
 * Coordinate i ∈ 0..15 is the point (i_3 i_2 i_1 i_0) of F_2^4 and the codewords are the affine functions
 * c_i = a·i ⊕ b.
 *
 * <p>Closest point: the D16 rule of Conway &amp; Sloane (IEEE Trans. Inf. Theory 28(2), 1982) on each of the 32
 * cosets, keeping the nearest; see {@link CodeCosetQuantizer} for the table-driven evaluation and the tie rules
 * (D_n rules inside a coset, lexicographically smallest point between cosets), which make Q(x + λ) = Q(x) + λ exact
 * on dyadic inputs.
 *
 * <p>Generator: the Hermite-form basis (upper triangular) of the rows of RM(1,4) and of 2·D16.
 */
public final class BarnesWallLattice16 extends AbstractLattice {

    private static final int N = 16;

    private static final CodeCosetQuantizer QUANTIZER =
            new CodeCosetQuantizer(N, 4, reedMuller14(), 1, 2, new int[] {0}, new int[] {0});

    /** Creates BW16 (integral scaling, minimum norm 8). */
    public BarnesWallLattice16() {
        super("BW16", N);
    }

    /** The 32 codewords of RM(1,4): c_i = (a·i mod 2) ⊕ b for a ∈ F_2^4, b ∈ F_2; bit i is coordinate i. */
    static int[] reedMuller14() {
        int[] code = new int[32];
        for (int a = 0; a < 16; a++) {
            int word = 0;
            for (int i = 0; i < N; i++) {
                word |= (Integer.bitCount(a & i) & 1) << i;
            }
            code[2 * a] = word;
            code[2 * a + 1] = word ^ 0xffff;
        }
        return code;
    }

    @Override
    protected double[][] buildGenerator() {
        long[][] rows = new long[5 + N][N];
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < N; i++) {
                rows[g][i] = (i >>> g) & 1; // the coordinate function i_g
            }
        }
        java.util.Arrays.fill(rows[4], 1L);
        // 2·D16: 2·(−1,−1,0,…), 2·(e_{i−1} − e_i)
        rows[5][0] = -2;
        rows[5][1] = -2;
        for (int i = 1; i < N; i++) {
            rows[5 + i][i - 1] = 2;
            rows[5 + i][i] = -2;
        }
        return CodeCosetQuantizer.basisOf(rows, N);
    }

    /** log2 V = 17 − 5: 2·D16 has volume 2^16·2 and 32 cosets of it make up the lattice. */
    @Override
    public double log2Volume() {
        return 12.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        QUANTIZER.quantize(x, xOff, out, outOff);
    }
}

package io.latq.lattice;

/**
 * The Leech lattice Λ24 in the integral scaling √8·Λ24 of Conway &amp; Sloane (<i>Sphere Packings, Lattices and
 * Groups</i>, ch. 4 §11): the integer vectors x with x_i ≡ m (mod 2) for all i, Σx_i ≡ 4m (mod 8), and for each
 * residue ν the set {i : x_i ≡ ν (mod 4)} a support of a word of the extended Golay code C24. Minimum squared norm
 * 32 (196560 minimal vectors), volume 8^12 = 2^36 (log2 V = 36); the unimodular Λ24 (minimum norm 4) is this
 * lattice scaled by 1/√8. The normalized second moment G = 0.0657710 does not depend on the scale.
 *
 * <p>Derivation of the coset form: the even vectors (m = 0) are 2c + 4y with c ∈ C24 and y ∈ Z^24, and since every
 * Golay weight is a multiple of 4, Σx ≡ 0 (mod 8) means Σy even: the even half is ∪_{c ∈ C24} (2c + 4·D24). The odd
 * half is that plus v = (−3, 1, …, 1) = 1 + 4·(−e_0), i.e. ∪_c (1 + 2c + 4·(D24 + e_0)), where D24 + e_0 is the set of
 * integer vectors with odd sum. So Λ is 2·4096 cosets of 4·D24.
 *
 * <p>Closest point: the D24 rule of Conway &amp; Sloane (IEEE Trans. Inf. Theory 28(2), 1982) on each of the 8192
 * cosets, keeping the nearest (exact: the cosets partition Λ). {@link CodeCosetQuantizer} evaluates a coset with
 * three look-ups in per-call tables of the 256 patterns of each block of 8 coordinates, and skips, by a branch and
 * bound over the Turyn structure of the code, the cosets whose distance before the parity fix is bounded below by
 * more than the best one found. Ties: D_n rules inside a coset, lexicographically smallest
 * point between cosets; Q(x + λ) = Q(x) + λ exactly on dyadic inputs. Faster decoders exist (Conway–Sloane's
 * hexacode-based one, Vardy–Be'ery's with a few thousand operations per point); this one trades speed for a short,
 * checkable derivation.
 *
 * <p>The Golay code, by the Turyn construction (MacWilliams &amp; Sloane, <i>The Theory of Error-Correcting Codes</i>,
 * ch. 18 §7.4): C24 = {(a ⊕ x, b ⊕ x, a ⊕ b ⊕ x) : a, b ∈ H, x ∈ H'}, where H and H' are the [8,4,4] extended
 * Hamming codes from the cyclic Hamming codes of length 7 with generator polynomials 1 + x + x^3 and 1 + x^2 + x^3
 * (each extended by a parity bit at position 7), so that H ∩ H' = {0, 1}. Coordinates 0–7, 8–15 and 16–23 are the
 * three blocks. Generator: the Hermite-form basis of 2·(Golay generators), 4·D24 and v.
 */
public final class LeechLattice extends AbstractLattice {

    private static final int N = 24;

    private static final CodeCosetQuantizer QUANTIZER = CodeCosetQuantizer.turyn24(
            hamming8(0b1011), hamming8(0b1101), 2, 4, new int[] {0, 1}, new int[] {0, 1});

    /** Creates Λ24 (integral scaling, minimum norm 32). */
    public LeechLattice() {
        super("Leech", N);
    }

    /**
     * The 16 words of the [8,4,4] extended Hamming code from the cyclic [7,4] code with generator polynomial g
     * (bit k = coefficient of x^k), each extended by its parity bit 7.
     */
    static int[] hamming8(int g) {
        int[] code = new int[16];
        for (int m = 1; m < 16; m++) {
            int low = Integer.numberOfTrailingZeros(m);
            code[m] = code[m & (m - 1)] ^ (g << low);
        }
        for (int m = 0; m < 16; m++) {
            code[m] |= (Integer.bitCount(code[m]) & 1) << 7;
        }
        return code;
    }

    /** The Turyn codeword (a ⊕ x, b ⊕ x, a ⊕ b ⊕ x), blocks at bits 0, 8 and 16. */
    private static int turyn(int a, int b, int x) {
        return (a ^ x) | ((b ^ x) << 8) | ((a ^ b ^ x) << 16);
    }

    /** 12 generators of C24: (h, 0, h) and (0, h, h) for h in a basis of H, (h', h', h') for h' in a basis of H'. */
    static int[] golayGenerators() {
        int[] h = hamming8(0b1011);
        int[] hp = hamming8(0b1101);
        int[] rows = new int[12];
        for (int j = 0; j < 4; j++) {
            rows[j] = turyn(h[1 << j], 0, 0);
            rows[4 + j] = turyn(0, h[1 << j], 0);
            rows[8 + j] = turyn(0, 0, hp[1 << j]);
        }
        return rows;
    }

    /** All 4096 codewords of the extended Golay code C24 (bit i = coordinate i), from the Turyn construction. */
    static int[] golayCode() {
        int[] h = hamming8(0b1011);
        int[] hp = hamming8(0b1101);
        int[] code = new int[1 << 12];
        int k = 0;
        for (int x : hp) {
            for (int a : h) {
                for (int b : h) {
                    code[k++] = turyn(a, b, x);
                }
            }
        }
        return code;
    }

    @Override
    protected double[][] buildGenerator() {
        int[] g = golayGenerators();
        long[][] rows = new long[12 + N + 1][N];
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < N; i++) {
                rows[j][i] = 2L * ((g[j] >>> i) & 1);
            }
        }
        // 4·D24: 4·(−1,−1,0,…), 4·(e_{i−1} − e_i)
        rows[12][0] = -4;
        rows[12][1] = -4;
        for (int i = 1; i < N; i++) {
            rows[12 + i][i - 1] = 4;
            rows[12 + i][i] = -4;
        }
        java.util.Arrays.fill(rows[12 + N], 1L);
        rows[12 + N][0] = -3;
        return CodeCosetQuantizer.basisOf(rows, N);
    }

    /** log2 V = 49 − 13: 4·D24 has volume 4^24·2 and 2·4096 cosets of it make up the lattice. */
    @Override
    public double log2Volume() {
        return 36.0;
    }

    @Override
    public void quantize(double[] x, int xOff, double[] out, int outOff) {
        QUANTIZER.quantize(x, xOff, out, outOff);
    }
}

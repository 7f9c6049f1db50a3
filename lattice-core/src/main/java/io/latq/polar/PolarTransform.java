package io.latq.polar;

/**
 * The polar transform x = u·F^{⊗m} with F = [[1,0],[1,1]] in natural order (no bit reversal), over GF(2) and over Z.
 *
 * <p>Splitting u into halves u = [u1, u2] gives x = [x(u1) + x(u2), x(u2)], where + is XOR over GF(2) and integer
 * addition over Z. The factors of the Kronecker power commute, so every butterfly stage may be applied in any order;
 * the loops below run the stages from span 1 upwards. All methods work in place in O(N log N) and never allocate.
 *
 * <p>Over GF(2) the transform is an involution ((F^{⊗m})² = I mod 2), so {@link #transformGf2} also inverts it.
 * Over Z the inverse is (F^{-1})^{⊗m} with F^{-1} = [[1,0],[−1,1]], i.e. recursively [v1 − v2, v2]; the polar-lattice
 * Construction D uses the integer forward transform c = u·F^{⊗m} (Barnes–Sloane form) and its inverse for membership.
 */
public final class PolarTransform {

    /** SUPERSETS[j] has bit t set iff t ⊇ j (as bit sets), t, j &lt; 64: column j of F^{⊗6}. */
    private static final long[] SUPERSETS = supersetMasks();

    private PolarTransform() {
    }

    private static long[] supersetMasks() {
        long[] m = new long[64];
        for (int j = 0; j < 64; j++) {
            for (int t = 0; t < 64; t++) {
                if ((t & j) == j) {
                    m[j] |= 1L << t;
                }
            }
        }
        return m;
    }

    /** u·F^{⊗6} over GF(2) of the 64 bits of w (bit i = u_i): u_i ^= u_{i+h} for every i with bit h of i clear. */
    public static long transformGf2Word(long w) {
        w ^= (w >>> 1) & 0x5555_5555_5555_5555L;
        w ^= (w >>> 2) & 0x3333_3333_3333_3333L;
        w ^= (w >>> 4) & 0x0F0F_0F0F_0F0F_0F0FL;
        w ^= (w >>> 8) & 0x00FF_00FF_00FF_00FFL;
        w ^= (w >>> 16) & 0x0000_FFFF_0000_FFFFL;
        w ^= (w >>> 32) & 0x0000_0000_FFFF_FFFFL;
        return w;
    }

    /**
     * The integer partial sums of a GF(2) codeword given as bits: u = x·F^{⊗k} over GF(2), then out = u·F^{⊗k} over Z
     * on {@code out[off .. off+n)} (the same numbers as {@link #transformGf2(int[], int, int)} followed by
     * {@link #transformZ(int[], int, int)} on the 0/1 word). Bit i of {@code words[i / 64]} is x_i; for n &lt; 64 the
     * bits from n on must be 0. The words are overwritten with u. Inside each 64-block c_j = popcount(u ∧ column j of
     * F^{⊗6}), then integer butterflies across blocks.
     *
     * @param words x as bits, ⌈n/64⌉ words (overwritten with u)
     * @param n     a power of two
     * @param out   receives c
     * @param off   where c starts in out
     */
    public static void codewordBitsToZ(long[] words, int n, int[] out, int off) {
        int wordCount = (n + 63) >>> 6;
        for (int w = 0; w < wordCount; w++) {
            words[w] = transformGf2Word(words[w]);
        }
        for (int h = 1; h < wordCount; h <<= 1) {
            for (int b = 0; b < wordCount; b += 2 * h) {
                for (int w = b; w < b + h; w++) {
                    words[w] ^= words[w + h];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            out[off + j] = Long.bitCount(words[j >>> 6] & SUPERSETS[j & 63]);
        }
        for (int h = 64; h < n; h <<= 1) {
            for (int b = off; b < off + n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    out[i] += out[i + h];
                }
            }
        }
    }

    /** True iff n is a positive power of two (1, 2, 4, ...). */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /**
     * log2(n) for a power of two n ≥ 1.
     *
     * @throws IllegalArgumentException if n is not a positive power of two
     */
    public static int log2(int n) {
        if (!isPowerOfTwo(n)) {
            throw new IllegalArgumentException("block length must be a power of 2, got " + n);
        }
        return Integer.numberOfTrailingZeros(n);
    }

    /** In place x = u·F^{⊗m} over GF(2) on {@code v[off .. off+n)} (entries 0/1); n must be a power of two. */
    public static void transformGf2(byte[] v, int off, int n) {
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = off; b < off + n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] ^= v[i + h];
                }
            }
        }
    }

    /** In place x = u·F^{⊗m} over GF(2) on the whole array; it is its own inverse. */
    public static void transformGf2(byte[] v) {
        transformGf2(v, 0, v.length);
    }

    /**
     * In place c = u·F^{⊗m} over Z on the whole array (recursively [v1 + v2, v2]). Entries grow by at most a factor
     * N = 2^m in absolute value; use the {@code long[]} overload if that could overflow an int.
     */
    public static void transformZ(int[] v) {
        transformZ(v, 0, v.length);
    }

    /** In place c = u·F^{⊗k} over Z on {@code v[off .. off+n)}; n must be a power of two. */
    public static void transformZ(int[] v, int off, int n) {
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = off; b < off + n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] += v[i + h];
                }
            }
        }
    }

    /**
     * In place x = u·F^{⊗k} over GF(2) on {@code v[off .. off+n)} holding 0/1 ints (an involution, so it also maps a
     * codeword to its u); n must be a power of two.
     */
    public static void transformGf2(int[] v, int off, int n) {
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = off; b < off + n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] ^= v[i + h];
                }
            }
        }
    }

    /** In place c = u·F^{⊗m} over Z on the whole array (recursively [v1 + v2, v2]). */
    public static void transformZ(long[] v) {
        int n = v.length;
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = 0; b < n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] += v[i + h];
                }
            }
        }
    }

    /** In place inverse over Z: u = c·(F^{-1})^{⊗m}, F^{-1} = [[1,0],[−1,1]] (recursively [v1 − v2, v2]). */
    public static void inverseTransformZ(int[] v) {
        int n = v.length;
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = 0; b < n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] -= v[i + h];
                }
            }
        }
    }

    /** In place inverse over Z: u = c·(F^{-1})^{⊗m}, F^{-1} = [[1,0],[−1,1]] (recursively [v1 − v2, v2]). */
    public static void inverseTransformZ(long[] v) {
        int n = v.length;
        log2(n);
        for (int h = 1; h < n; h <<= 1) {
            for (int b = 0; b < n; b += 2 * h) {
                for (int i = b; i < b + h; i++) {
                    v[i] -= v[i + h];
                }
            }
        }
    }
}

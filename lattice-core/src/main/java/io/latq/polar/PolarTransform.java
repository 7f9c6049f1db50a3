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

    private PolarTransform() {
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

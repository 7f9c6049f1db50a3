package io.latq.polar;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolarTransformTest {

    /** F^{⊗m} built literally as a Kronecker power of [[1,0],[1,1]]. */
    static int[][] kroneckerPower(int m) {
        int[][] g = {{1}};
        for (int step = 0; step < m; step++) {
            int s = g.length;
            int[][] next = new int[2 * s][2 * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    next[i][j] = g[i][j];          // F[0][0] = 1
                    next[s + i][j] = g[i][j];      // F[1][0] = 1
                    next[s + i][s + j] = g[i][j];  // F[1][1] = 1
                }
            }
            g = next;
        }
        return g;
    }

    @Test
    void gf2TransformMatchesExplicitMatrixProduct() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (int m = 0; m <= 6; m++) {
            int n = 1 << m;
            int[][] g = kroneckerPower(m);
            for (int rep = 0; rep < 20; rep++) {
                byte[] u = new byte[n];
                for (int i = 0; i < n; i++) {
                    u[i] = (byte) rng.nextInt(2);
                }
                byte[] expect = new byte[n];
                for (int j = 0; j < n; j++) {
                    int s = 0;
                    for (int i = 0; i < n; i++) {
                        s ^= u[i] & g[i][j];
                    }
                    expect[j] = (byte) s;
                }
                byte[] x = u.clone();
                PolarTransform.transformGf2(x);
                assertArrayEquals(expect, x);
                PolarTransform.transformGf2(x);
                assertArrayEquals(u, x, "GF(2) transform is an involution");
            }
        }
    }

    @Test
    void naturalOrderRowWeightsAndHalfRecursion() {
        // row t of F^{⊗m} has weight 2^popcount(t): the last index is the all-ones row
        int m = 5;
        int n = 1 << m;
        for (int t = 0; t < n; t++) {
            byte[] u = new byte[n];
            u[t] = 1;
            PolarTransform.transformGf2(u);
            int w = 0;
            for (byte b : u) {
                w += b;
            }
            assertEquals(1 << Integer.bitCount(t), w);
        }
        // x(u) = [x(u1) xor x(u2), x(u2)]
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        byte[] u = new byte[n];
        for (int i = 0; i < n; i++) {
            u[i] = (byte) rng.nextInt(2);
        }
        byte[] x = u.clone();
        PolarTransform.transformGf2(x);
        byte[] x1 = java.util.Arrays.copyOfRange(u, 0, n / 2);
        byte[] x2 = java.util.Arrays.copyOfRange(u, n / 2, n);
        PolarTransform.transformGf2(x1);
        PolarTransform.transformGf2(x2);
        for (int i = 0; i < n / 2; i++) {
            assertEquals(x1[i] ^ x2[i], x[i]);
            assertEquals(x2[i], x[n / 2 + i]);
        }
    }

    @Test
    void integerTransformMatchesMatrixAndInverts() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (int m = 0; m <= 6; m++) {
            int n = 1 << m;
            int[][] g = kroneckerPower(m);
            for (int rep = 0; rep < 10; rep++) {
                int[] v = new int[n];
                long[] w = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rng.nextInt(21) - 10;
                    w[i] = v[i] * 1_000_000_007L;
                }
                int[] c = v.clone();
                PolarTransform.transformZ(c);
                for (int j = 0; j < n; j++) {
                    int s = 0;
                    for (int i = 0; i < n; i++) {
                        s += v[i] * g[i][j];
                    }
                    assertEquals(s, c[j]);
                }
                PolarTransform.inverseTransformZ(c);
                assertArrayEquals(v, c);
                long[] cw = w.clone();
                PolarTransform.transformZ(cw);
                for (int j = 0; j < n; j++) {
                    assertEquals(1_000_000_007L * c(v, g, j), cw[j]);
                }
                PolarTransform.inverseTransformZ(cw);
                assertArrayEquals(w, cw);
            }
        }
    }

    private static long c(int[] v, int[][] g, int j) {
        long s = 0;
        for (int i = 0; i < v.length; i++) {
            s += (long) v[i] * g[i][j];
        }
        return s;
    }

    @Test
    void rejectsNonPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> PolarTransform.transformGf2(new byte[6]));
        assertThrows(IllegalArgumentException.class, () -> PolarTransform.log2(0));
        assertEquals(10, PolarTransform.log2(1024));
    }

    @Test
    void encoderPlacesInformationBitsInIncreasingOrder() {
        boolean[] frozen = {true, true, false, true, false, false, true, false};
        byte[] fv = {1, 0, 0, 1, 0, 0, 0, 0};
        PolarEncoder enc = new PolarEncoder(frozen, fv);
        assertArrayEquals(new int[] {2, 4, 5, 7}, enc.informationSet());
        byte[] u = new byte[8];
        byte[] x = new byte[8];
        enc.encode(new byte[] {1, 0, 1, 1}, u, x);
        assertArrayEquals(new byte[] {1, 0, 1, 1, 0, 1, 0, 1}, u);
        byte[] expect = u.clone();
        PolarTransform.transformGf2(expect);
        assertArrayEquals(expect, x);
        byte[] info = new byte[4];
        enc.extractInformation(u, info);
        assertArrayEquals(new byte[] {1, 0, 1, 1}, info);
    }

    @Test
    void codewordBitsToZIsTheGf2ThenIntegerTransform() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (int m = 1; m <= 10; m++) {
            int n = 1 << m;
            for (int rep = 0; rep < 30; rep++) {
                int[] want = new int[n + 3];
                long[] words = new long[(n + 63) / 64];
                for (int i = 0; i < n; i++) {
                    int bit = rep == 0 ? 1 : rng.nextInt(2);
                    want[3 + i] = bit;
                    words[i >>> 6] |= (long) bit << i;
                }
                PolarTransform.transformGf2(want, 3, n);
                PolarTransform.transformZ(want, 3, n);
                int[] got = new int[n + 3];
                PolarTransform.codewordBitsToZ(words, n, got, 3);
                assertArrayEquals(want, got, "n=" + n);
            }
        }
    }
}

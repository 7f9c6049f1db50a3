package io.latq.polarlattice;

import io.latq.polar.PolarTransform;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScLevelDecoderTest {

    /** Frozen masks of several shapes: random, reliability-like (tail free), all frozen, none frozen. */
    private static boolean[] mask(SplittableRandom rnd, int n, int kind) {
        boolean[] f = new boolean[n];
        for (int t = 0; t < n; t++) {
            f[t] = switch (kind) {
                case 0 -> rnd.nextDouble() < 0.5;
                case 1 -> Integer.bitCount(t) < rnd.nextInt(Integer.numberOfTrailingZeros(n) + 1);
                case 2 -> true;
                case 3 -> false;
                default -> rnd.nextDouble() < 0.9;
            };
        }
        return f;
    }

    @Test
    void matchesThePlainRecursiveScAndItsIntegerTransform() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (CheckNodeKernel kernel : CheckNodeKernel.values()) {
            for (int n : new int[] {1, 2, 4, 8, 32, 128, 512}) {
                for (int kind = 0; kind < 5; kind++) {
                    boolean[] frozen = mask(rnd, n, kind);
                    ScLevelDecoder pruned = new ScLevelDecoder(frozen, kernel, true);
                    ScLevelDecoder plain = new ScLevelDecoder(frozen, kernel, false);
                    int[] c1 = new int[n];
                    int[] c2 = new int[n];
                    for (int trial = 0; trial < 20; trial++) {
                        double[] llr = new double[n];
                        double scale = trial % 2 == 0 ? 1 : 20;
                        for (int j = 0; j < n; j++) {
                            llr[j] = scale * (rnd.nextDouble() - 0.5);
                        }
                        int[] u = ReferencePolarQuantizer.sc(llr, frozen, kernel::apply);
                        long[] c = ReferencePolarQuantizer.integerTransform(u);
                        pruned.decode(llr, c1);
                        byte[] uPruned = pruned.lastU().clone();
                        plain.decode(llr, c2);
                        String ctx = kernel + " n=" + n + " kind=" + kind;
                        for (int j = 0; j < n; j++) {
                            assertEquals(u[j], uPruned[j], ctx + " u" + j);
                            assertEquals(u[j], plain.lastU()[j], ctx + " plain u" + j);
                            assertEquals(c[j], c1[j], ctx + " c" + j);
                            assertEquals(c[j], c2[j], ctx + " plain c" + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rateOneNodeWithAZeroLlrFallsBackToSc() {
        // g = b − a can be exactly 0; the rate-1 shortcut must then decide as SC does.
        boolean[] frozen = new boolean[8];
        double[] llr = {1.5, -2.0, 0.0, 3.0, 1.5, 2.0, -0.0, -3.0};
        int[] u = ReferencePolarQuantizer.sc(llr, frozen, CheckNodeKernel.EXACT::apply);
        long[] c = ReferencePolarQuantizer.integerTransform(u);
        ScLevelDecoder d = new ScLevelDecoder(frozen, CheckNodeKernel.EXACT, true);
        int[] out = new int[8];
        d.decode(llr, out);
        long[] got = new long[8];
        for (int j = 0; j < 8; j++) {
            got[j] = out[j];
        }
        assertArrayEquals(c, got);
    }

    /** Plain SC (prune = false, the kernel's own loops) and the fast decoder on the same LLRs: c must be equal. */
    private static void assertSameAsPlain(boolean[] frozen, CheckNodeKernel kernel, double[][] llrs, String ctx) {
        int n = frozen.length;
        ScLevelDecoder fast = new ScLevelDecoder(frozen, kernel, true);
        ScLevelDecoder plain = new ScLevelDecoder(frozen, kernel, false);
        int[] c1 = new int[n];
        int[] c2 = new int[n];
        for (int s = 0; s < llrs.length; s++) {
            fast.decode(llrs[s], c1);
            plain.decode(llrs[s], c2);
            assertArrayEquals(c2, c1, ctx + " input " + s);
        }
    }

    /** LLR vectors: continuous, and from {−2, −1, −0, 0, 1, 2} so that f sees zeros and g = b − a hits 0 exactly. */
    private static double[][] llrInputs(SplittableRandom rnd, int n, int count) {
        double[] ties = {-2, -1, -0.0, 0.0, 1, 2};
        double[][] in = new double[count][n];
        for (int s = 0; s < count; s++) {
            for (int j = 0; j < n; j++) {
                in[s][j] = switch (s % 3) {
                    case 0 -> 8 * (rnd.nextDouble() - 0.5);
                    case 1 -> ties[rnd.nextInt(ties.length)];
                    default -> rnd.nextDouble() < 0.05 ? 0.0 : 40 * (rnd.nextDouble() - 0.5);
                };
            }
        }
        return in;
    }

    @Test
    void fastDecoderMakesPlainScDecisionsOnEveryShippedDesignAndOnTies() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int m = ShippedDesigns.MIN_LOG_N; m <= ShippedDesigns.MAX_LOG_N; m++) {
            int n = 1 << m;
            PolarLatticeDesign d = ShippedDesigns.forN(n, 1);
            double[][] in = llrInputs(rnd, n, n >= 4096 ? 6 : 12);
            for (int i = 1; i <= d.levels(); i++) {
                boolean[] frozen = new boolean[n];
                java.util.Arrays.fill(frozen, true);
                for (int t : d.informationSet(i)) {
                    frozen[t] = false;
                }
                assertSameAsPlain(frozen, CheckNodeKernel.TABULATED, in, "shipped n=" + n + " level " + i);
            }
        }
        for (CheckNodeKernel kernel : CheckNodeKernel.values()) {
            for (int n : new int[] {2, 16, 256, 2048}) {
                for (int kind = 0; kind < 5; kind++) {
                    assertSameAsPlain(mask(rnd, n, kind), kernel, llrInputs(rnd, n, 6), kernel + " n=" + n);
                }
            }
        }
    }

    @Test
    void fastTabulatedBoxPlusIsTheKernelsBitForBit() {
        SplittableRandom rnd = new SplittableRandom(22);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 0.0625, 1, 39.9375,
            Math.nextDown(40.0), 40, Math.nextUp(40.0), 80, 1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -1, -40, -Math.nextDown(40.0)};
        for (double a : special) {
            for (double b : special) {
                assertBitIdentical(a, b);
            }
        }
        for (int i = 0; i < 200_000; i++) {
            double a = Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(-8, 8));
            double b = switch (i % 4) {
                case 0 -> Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(-8, 8));
                case 1 -> -a;  // equal magnitudes: ||a| − |b|| = 0
                case 2 -> rnd.nextInt(-700, 700) / 16.0; // on the φ grid, around 40
                default -> Math.nextUp(a);
            };
            assertBitIdentical(a, b);
        }
    }

    private static void assertBitIdentical(double a, double b) {
        double want = CheckNodeKernel.TABULATED.apply(a, b);
        double got = ScLevelDecoder.boxPlusTabulated(a, b);
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got),
                () -> "f(" + a + ", " + b + "): kernel " + want + ", fast " + got);
    }

    @Test
    void wordTransformIsTheGf2Transform() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int trial = 0; trial < 500; trial++) {
            long w = rnd.nextLong();
            byte[] u = new byte[64];
            for (int i = 0; i < 64; i++) {
                u[i] = (byte) ((w >>> i) & 1);
            }
            PolarTransform.transformGf2(u);
            long got = PolarTransform.transformGf2Word(w);
            for (int i = 0; i < 64; i++) {
                assertEquals(u[i], (got >>> i) & 1, "bit " + i);
            }
        }
        assertTrue(PolarTransform.transformGf2Word(1L << 63) == -1L, "the last row of F^(x6) is all ones");
    }
}

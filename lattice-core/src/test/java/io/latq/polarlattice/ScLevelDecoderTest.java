package io.latq.polarlattice;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeparableDctTest {

    /** Oracle: along each axis, naive DCT on each segment of the documented edge rule. */
    private static double[] oracle(double[] x, int[] shape, int[] tile) {
        double[] a = x.clone();
        int k = shape.length;
        int size = a.length;
        for (int axis = 0; axis < k; axis++) {
            int st = 1;
            for (int i = axis + 1; i < k; i++) {
                st *= shape[i];
            }
            int d = shape[axis];
            int[][] seg = expectedSegments(d, tile[axis]);
            for (int base = 0; base < size; base++) {
                if ((base / st) % d != 0) {
                    continue;   // only line starts
                }
                for (int j = 0; j < seg[0].length; j++) {
                    int len = seg[1][j];
                    double[] v = new double[len];
                    for (int f = 0; f < len; f++) {
                        v[f] = a[base + (seg[0][j] + f) * st];
                    }
                    double[] c = Signals.naiveDct(v);
                    for (int f = 0; f < len; f++) {
                        a[base + (seg[0][j] + f) * st] = c[f];
                    }
                }
            }
        }
        return a;
    }

    /** The edge rule written independently: full tiles, then remainder by descending powers of two. */
    private static int[][] expectedSegments(int d, int t) {
        java.util.List<int[]> s = new java.util.ArrayList<>();
        int pos = 0;
        while (d - pos >= t) {
            s.add(new int[] {pos, t});
            pos += t;
        }
        for (int len = t / 2; len >= 1; len /= 2) {
            if (d - pos >= len) {
                s.add(new int[] {pos, len});
                pos += len;
            }
        }
        assertEquals(d, pos);
        int[][] out = new int[2][s.size()];
        for (int i = 0; i < s.size(); i++) {
            out[0][i] = s.get(i)[0];
            out[1][i] = s.get(i)[1];
        }
        return out;
    }

    private static final int[][][] CASES = {
        {{1000}, {64}},          // 1-D framing, partial last frame 1000 = 15·64 + 32 + 8
        {{4096}, {4096}},
        {{13}, {16}},            // tile larger than the axis
        {{1}, {8}},
        {{37, 50}, {8, 16}},
        {{16, 16}, {16, 16}},
        {{5, 7, 9}, {4, 2, 8}},
        {{3, 64, 20}, {1, 32, 4}},
    };

    @Test
    void segmentsFollowTheEdgeRule() {
        for (int d = 1; d < 80; d++) {
            for (int t : new int[] {1, 2, 8, 32}) {
                int[][] got = SeparableDct.segments(d, t);
                int[][] want = expectedSegments(d, t);
                assertArrayEquals(want[0], got[0], "d=" + d + " t=" + t);
                assertArrayEquals(want[1], got[1], "d=" + d + " t=" + t);
            }
        }
    }

    @Test
    void matchesPerAxisOracle() {
        for (int[][] c : CASES) {
            SeparableDct t = new SeparableDct(c[0], c[1]);
            double[] x = Signals.gaussian(t.size(), t.size());
            double[] got = new double[t.size()];
            t.forward(x, 0, got, 0);
            double err = Signals.relErr(got, oracle(x, c[0], c[1]));
            assertTrue(err < 1e-12, java.util.Arrays.deepToString(c) + " rel err " + err);
        }
    }

    @Test
    void roundTripAndEnergy() {
        for (int[][] c : CASES) {
            SeparableDct t = new SeparableDct(c[0], c[1]);
            double[] x = Signals.gaussian(t.size(), 17 + t.size());
            double[] y = x.clone();
            t.forward(y, 0);
            assertEquals(1.0, Signals.norm(y) / Signals.norm(x), 1e-12);
            t.inverse(y, 0);
            assertTrue(Signals.relErr(y, x) < 1e-12, java.util.Arrays.deepToString(c));
        }
    }

    @Test
    void mseIsTheSameInBothDomains() {
        SeparableDct t = new SeparableDct(new int[] {40, 24}, new int[] {16, 8});
        double[] x = Signals.gaussian(t.size(), 1);
        double[] noise = Signals.gaussian(t.size(), 2);
        double[] cx = new double[t.size()];
        t.forward(x, 0, cx, 0);
        double[] cy = cx.clone();
        for (int i = 0; i < cy.length; i++) {
            cy[i] += 0.01 * noise[i];
        }
        double[] y = new double[t.size()];
        t.inverse(cy, 0, y, 0);
        double mseCoef = 0;
        double mseSamp = 0;
        for (int i = 0; i < y.length; i++) {
            mseCoef += (cy[i] - cx[i]) * (cy[i] - cx[i]);
            mseSamp += (y[i] - x[i]) * (y[i] - x[i]);
        }
        assertEquals(1.0, mseSamp / mseCoef, 1e-9);
    }

    @Test
    void binsOfFullAndPartialTiles() {
        SeparableDct t = new SeparableDct(new int[] {20}, new int[] {8});   // 8, 8, 4
        int[] bins = t.bins();
        int[] want = {0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 2, 4, 6};
        assertArrayEquals(want, bins);
        for (int i = 0; i < bins.length; i++) {
            assertEquals(bins[i], t.binOf(i));
        }
        SeparableDct t2 = new SeparableDct(new int[] {3, 5}, new int[] {2, 4});
        // axis 0: segments [0,2) L=2, [2] L=1 ; axis 1: [0,4) L=4, [4] L=1
        int[] b2 = t2.bins();
        assertEquals(t2.size(), b2.length);
        assertEquals(0 * 4 + 3, b2[3]);          // p = (0, 3)
        assertEquals(1 * 4 + 2, b2[5 + 2]);      // p = (1, 2)
        assertEquals(0, b2[2 * 5 + 4]);          // p = (2, 4): both length-1 segments → DC
        for (int i = 0; i < b2.length; i++) {
            assertTrue(b2[i] >= 0 && b2[i] < t2.binCount());
            assertEquals(b2[i], t2.binOf(i));
        }
    }

    @Test
    void copyIsIndependentAndIdentical() {
        SeparableDct t = new SeparableDct(new int[] {33, 17}, new int[] {8, 8});
        double[] x = Signals.gaussian(t.size(), 5);
        double[] a = new double[t.size()];
        double[] b = new double[t.size()];
        t.forward(x, 0, a, 0);
        t.copy().forward(x, 0, b, 0);
        assertArrayEquals(a, b);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SeparableDct(new int[] {8}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new SeparableDct(new int[] {8, 8}, new int[] {8}));
        assertThrows(IllegalArgumentException.class, () -> new SeparableDct(new int[] {0}, new int[] {8}));
        assertThrows(IllegalArgumentException.class, () -> new SeparableDct(new int[] {8}, new int[] {8192}));
    }
}

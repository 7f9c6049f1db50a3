package io.latq.polar.decode;

import io.latq.polar.NodeKind;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.PolarTransform;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FastSscDecoderTest {

    private static final EnumSet<NodeKind> NO_SPC = EnumSet.of(NodeKind.RATE_0, NodeKind.RATE_1,
            NodeKind.REPETITION);

    /** Frozen masks that look like real polar codes (many special nodes) or are random. */
    private static boolean[] mask(UniformRandomProvider rng, int n, int kind) {
        if (kind == 0) {
            return DecoderTestSupport.randomFrozen(rng, n, rng.nextDouble());
        }
        // reliability ~ popcount with noise: produces long rate-0 / rate-1 / REP / SPC runs
        boolean[] f = new boolean[n];
        double thr = Math.log(n) / Math.log(2) * rng.nextDouble();
        for (int t = 0; t < n; t++) {
            f[t] = Integer.bitCount(t) + 0.7 * rng.nextDouble() < thr;
        }
        return f;
    }

    @Test
    void withoutSpcEqualsScDecisionForDecision() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
        for (CheckNodeKernel rule : CheckNodeKernel.values()) {
            for (int m = 0; m <= 9; m++) {
                int n = 1 << m;
                for (int rep = 0; rep < 40; rep++) {
                    boolean[] frozen = mask(rng, n, rep % 2);
                    byte[] fv = null;
                    if (rep % 5 == 0) {
                        fv = new byte[n];
                        for (int i = 0; i < n; i++) {
                            fv[i] = (byte) rng.nextInt(2);
                        }
                    }
                    double[] llr = DecoderTestSupport.randomLlr(rng, n, rep % 3 == 0);
                    byte[] uSc = new byte[n];
                    byte[] xSc = new byte[n];
                    double mSc = new PolarScDecoder(frozen, fv, rule).decode(llr, uSc, xSc);
                    byte[] u = new byte[n];
                    byte[] x = new byte[n];
                    double mFast = new FastSscDecoder(frozen, fv, rule, NO_SPC).decode(llr, u, x);
                    assertArrayEquals(uSc, u, "u, rule " + rule + ", N=" + n);
                    assertArrayEquals(xSc, x);
                    if (rule == CheckNodeKernel.MIN_SUM) {
                        assertEquals(mSc, mFast, 1e-9 * (1 + mSc), "min-sum node metric equals SC metric");
                    }
                }
            }
        }
    }

    @Test
    void spcAndRepetitionRootsAreMaximumLikelihood() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(22L);
        for (int n : new int[] {4, 8, 16}) {
            boolean[] spc = new boolean[n];
            spc[0] = true;
            boolean[] rep = new boolean[n];
            java.util.Arrays.fill(rep, true);
            rep[n - 1] = false;
            int trials = n == 16 ? 20 : 200; // brute force over 2^(N−1) words
            for (int trial = 0; trial < trials; trial++) {
                double[] llr = DecoderTestSupport.randomLlr(rng, n, false);
                for (boolean[] frozen : new boolean[][] {spc, rep}) {
                    FastSscDecoder dec = new FastSscDecoder(frozen, CheckNodeKernel.EXACT);
                    byte[] u = new byte[n];
                    byte[] x = new byte[n];
                    double metric = dec.decode(llr, u, x);
                    byte[] best = bruteForceMl(llr, frozen);
                    assertArrayEquals(best, x);
                    assertEquals(DecoderTestSupport.channelMetric(llr, best), metric, 1e-9 * (1 + metric));
                    byte[] enc = u.clone();
                    PolarTransform.transformGf2(enc);
                    assertArrayEquals(x, enc);
                    assertEquals(0, u[0], "frozen bit stays 0");
                }
            }
        }
    }

    static byte[] bruteForceMl(double[] llr, boolean[] frozen) {
        int n = llr.length;
        int[] info = io.latq.polar.PolarEncoder.informationSetOf(frozen);
        double bestMetric = Double.POSITIVE_INFINITY;
        byte[] best = null;
        for (int msg = 0; msg < (1 << info.length); msg++) {
            byte[] u = new byte[n];
            for (int j = 0; j < info.length; j++) {
                u[info[j]] = (byte) ((msg >> j) & 1);
            }
            PolarTransform.transformGf2(u);
            double metric = DecoderTestSupport.channelMetric(llr, u);
            if (metric < bestMetric) {
                bestMetric = metric;
                best = u;
            }
        }
        return best;
    }
}

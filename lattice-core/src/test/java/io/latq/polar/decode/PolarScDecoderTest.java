package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.PolarTransform;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PolarScDecoderTest {

    @Test
    void equalsPlainRecursiveReferenceDecisionForDecision() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (CheckNodeKernel rule : CheckNodeKernel.values()) {
            for (int m = 0; m <= 8; m++) {
                int n = 1 << m;
                for (int rep = 0; rep < 30; rep++) {
                    boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, rng.nextDouble());
                    byte[] fv = null;
                    if (rep % 3 == 0) {
                        fv = new byte[n];
                        for (int i = 0; i < n; i++) {
                            fv[i] = (byte) rng.nextInt(2);
                        }
                    }
                    double[] llr = DecoderTestSupport.randomLlr(rng, n, rep % 2 == 0);
                    byte[] uRef = new byte[n];
                    double[] dRef = new double[n];
                    byte[] xRef = ReferenceSc.decode(llr, frozen, fv, rule, 0, uRef, dRef);

                    PolarScDecoder dec = new PolarScDecoder(frozen, fv, rule);
                    byte[] u = new byte[n];
                    byte[] x = new byte[n];
                    double[] d = new double[n];
                    double[] llrCopy = llr.clone();
                    double metric = dec.decode(llr, u, x, d);
                    assertArrayEquals(llrCopy, llr, "input not modified");
                    assertArrayEquals(uRef, u);
                    assertArrayEquals(xRef, x);
                    assertArrayEquals(dRef, d, 0.0, "decision LLRs bit-identical");
                    assertEquals(ReferenceSc.metric(dRef, uRef), metric, 0.0);
                    byte[] enc = u.clone();
                    PolarTransform.transformGf2(enc);
                    assertArrayEquals(enc, x, "x = u F");
                    // reuse: a second decode with the same instance gives the same answer
                    byte[] u2 = new byte[n];
                    dec.decode(llr, u2, new byte[n]);
                    assertArrayEquals(u, u2);
                }
            }
        }
    }

    @Test
    void minSumMetricEqualsChannelLevelDiscrepancy() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        for (int rep = 0; rep < 200; rep++) {
            int n = 1 << (1 + rng.nextInt(8));
            boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, 0.5);
            double[] llr = DecoderTestSupport.randomLlr(rng, n, false);
            PolarScDecoder dec = new PolarScDecoder(frozen, CheckNodeKernel.MIN_SUM);
            byte[] u = new byte[n];
            byte[] x = new byte[n];
            double metric = dec.decode(llr, u, x);
            double expect = DecoderTestSupport.channelMetric(llr, x);
            assertEquals(expect, metric, 1e-9 * (1 + expect));
        }
    }

    @Test
    void noiselessCodewordIsRecovered() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        int n = 64;
        boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, 0.5);
        byte[] u = new byte[n];
        for (int i = 0; i < n; i++) {
            u[i] = frozen[i] ? 0 : (byte) rng.nextInt(2);
        }
        byte[] x = u.clone();
        PolarTransform.transformGf2(x);
        double[] llr = new double[n];
        for (int i = 0; i < n; i++) {
            llr[i] = x[i] == 0 ? 3.0 : -3.0;
        }
        for (CheckNodeKernel rule : CheckNodeKernel.values()) {
            byte[] ud = new byte[n];
            byte[] xd = new byte[n];
            assertEquals(0.0, new PolarScDecoder(frozen, rule).decode(llr, ud, xd), 1e-12);
            assertArrayEquals(u, ud);
            assertArrayEquals(x, xd);
        }
    }
}

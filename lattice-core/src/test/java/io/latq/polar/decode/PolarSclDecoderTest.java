package io.latq.polar.decode;

import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.Crc;
import io.latq.polar.PolarEncoder;
import io.latq.polar.PolarTransform;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarSclDecoderTest {

    @Test
    void listOfOneEqualsSc() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        for (CheckNodeKernel rule : CheckNodeKernel.values()) {
            for (int rep = 0; rep < 200; rep++) {
                int n = 1 << (1 + rng.nextInt(8));
                boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, rng.nextDouble());
                double[] llr = DecoderTestSupport.randomLlr(rng, n, rep % 2 == 0);
                byte[] fv = null;
                if (rep % 3 == 0) {
                    fv = new byte[n];
                    for (int i = 0; i < n; i++) {
                        fv[i] = (byte) rng.nextInt(2);
                    }
                }
                byte[] uSc = new byte[n];
                byte[] xSc = new byte[n];
                double mSc = new PolarScDecoder(frozen, fv, rule).decode(llr, uSc, xSc);
                byte[] u = new byte[n];
                byte[] x = new byte[n];
                double mScl = new PolarSclDecoder(frozen, fv, 1, rule, null).decode(llr, u, x);
                assertArrayEquals(uSc, u);
                assertArrayEquals(xSc, x);
                assertEquals(mSc, mScl, 0.0);
            }
        }
    }

    @Test
    void fullListIsMaximumLikelihoodOnSmallCodes() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(32L);
        for (int n : new int[] {8, 16}) {
            for (int rep = 0; rep < 150; rep++) {
                boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, 0.55);
                int k = PolarEncoder.informationSetOf(frozen).length;
                if (k > 7) {
                    continue;
                }
                int listSize = 1 << k; // also tries a larger list than needed
                if (rep % 4 == 0) {
                    listSize *= 2;
                }
                double[] llr = DecoderTestSupport.randomLlr(rng, n, false);
                // brute force over all 2^K codewords
                int[] info = PolarEncoder.informationSetOf(frozen);
                double[] allMetrics = new double[1 << k];
                Set<String> allCodewords = new HashSet<>();
                for (int msg = 0; msg < (1 << k); msg++) {
                    byte[] u = new byte[n];
                    for (int j = 0; j < k; j++) {
                        u[info[j]] = (byte) ((msg >> j) & 1);
                    }
                    PolarTransform.transformGf2(u);
                    allMetrics[msg] = DecoderTestSupport.channelMetric(llr, u);
                    allCodewords.add(Arrays.toString(u));
                }
                double[] sorted = allMetrics.clone();
                Arrays.sort(sorted);
                byte[] ml = FastSscDecoderTest.bruteForceMl(llr, frozen);

                // min-sum SCL with L >= 2^K: the list is the whole code and its metrics are the ML metrics
                PolarSclDecoder dec = new PolarSclDecoder(frozen, listSize, CheckNodeKernel.MIN_SUM);
                byte[][] us = new byte[listSize][n];
                byte[][] xs = new byte[listSize][n];
                double[] metrics = new double[listSize];
                int count = dec.decodeList(llr, us, xs, metrics);
                assertEquals(1 << k, count);
                Set<String> listed = new HashSet<>();
                for (int j = 0; j < count; j++) {
                    listed.add(Arrays.toString(xs[j]));
                    assertEquals(sorted[j], metrics[j], 1e-9 * (1 + sorted[j]), "metric rank " + j);
                    assertEquals(DecoderTestSupport.channelMetric(llr, xs[j]), metrics[j], 1e-9 * (1 + metrics[j]));
                    byte[] enc = us[j].clone();
                    PolarTransform.transformGf2(enc);
                    assertArrayEquals(xs[j], enc);
                }
                assertEquals(allCodewords, listed);
                byte[] u = new byte[n];
                byte[] x = new byte[n];
                dec.decode(llr, u, x);
                if (sorted.length < 2 || sorted[1] - sorted[0] > 1e-9) {
                    assertArrayEquals(ml, x, "ML codeword");
                }
                // exact-rule SCL with a full list also holds the whole code
                PolarSclDecoder exact = new PolarSclDecoder(frozen, listSize, CheckNodeKernel.EXACT);
                count = exact.decodeList(llr, us, xs, metrics);
                listed.clear();
                for (int j = 0; j < count; j++) {
                    listed.add(Arrays.toString(xs[j]));
                }
                assertEquals(allCodewords, listed);
            }
        }
    }

    @Test
    void listIsSortedAndCrcSelectsAPassingPath() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(33L);
        int n = 64;
        boolean[] frozen = new boolean[n];
        for (int t = 0; t < n; t++) {
            frozen[t] = Integer.bitCount(t) < 3;
        }
        Crc crc = Crc.crc8();
        PolarEncoder enc = new PolarEncoder(frozen);
        int k = enc.k();
        PolarSclDecoder dec = new PolarSclDecoder(frozen, null, 8, CheckNodeKernel.MIN_SUM, crc);
        int passes = 0;
        for (int trial = 0; trial < 200; trial++) {
            byte[] info = new byte[k];
            for (int j = 0; j < k - 8; j++) {
                info[j] = (byte) rng.nextInt(2);
            }
            crc.append(info, k - 8);
            byte[] u = new byte[n];
            byte[] x = new byte[n];
            enc.encode(info, u, x);
            double[] llr = new double[n];
            for (int i = 0; i < n; i++) {
                llr[i] = 2 * ((1 - 2 * x[i]) + 0.6 * DecoderTestSupport.gaussian(rng)) / 0.36;
            }
            byte[][] us = new byte[8][n];
            double[] metrics = new double[8];
            int count = dec.decodeList(llr, us, null, metrics);
            for (int j = 1; j < count; j++) {
                assertTrue(metrics[j - 1] <= metrics[j]);
            }
            byte[] ud = new byte[n];
            byte[] xd = new byte[n];
            dec.decode(llr, ud, xd);
            boolean anyPass = false;
            for (int j = 0; j < count; j++) {
                anyPass |= dec.crcHolds(us[j]);
            }
            if (anyPass) {
                assertTrue(dec.crcHolds(ud));
                passes++;
                // the chosen one is the first passing candidate of the sorted list
                for (int j = 0; j < count; j++) {
                    if (dec.crcHolds(us[j])) {
                        assertArrayEquals(us[j], ud);
                        break;
                    }
                }
            } else {
                assertArrayEquals(us[0], ud);
            }
        }
        assertTrue(passes > 150, "most frames decode to a CRC-valid word: " + passes);
    }

    @Test
    void sharedCoreEqualsTheHistoricalLeafByLeafDecoderBitForBit() {
        // Oracle: the pre-merge SCL decoder (test sources), leaf by leaf with its own path pool and bit trace-back.
        // The shared core visits the same leaves with the same f and g values, sums the same penalties in the same
        // order and breaks ties the same way, so every listed candidate and metric must agree exactly.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(34L);
        for (CheckNodeKernel rule : new CheckNodeKernel[] {CheckNodeKernel.EXACT, CheckNodeKernel.MIN_SUM}) {
            for (int rep = 0; rep < 120; rep++) {
                int n = 1 << (1 + rng.nextInt(8));
                int list = 1 << rng.nextInt(6);
                boolean[] frozen = DecoderTestSupport.randomFrozen(rng, n, rng.nextDouble());
                double[] llr = DecoderTestSupport.randomLlr(rng, n, rep % 2 == 0);
                byte[] fv = null;
                if (rep % 3 == 0) {
                    fv = new byte[n];
                    for (int i = 0; i < n; i++) {
                        fv[i] = (byte) rng.nextInt(2);
                    }
                }
                PolarSclDecoder mine = new PolarSclDecoder(frozen, fv, list, rule, null);
                ReferencePolarSclDecoder ref = new ReferencePolarSclDecoder(frozen, fv, list, rule, null);
                byte[][] us = new byte[list][n];
                byte[][] xs = new byte[list][n];
                double[] ms = new double[list];
                byte[][] usRef = new byte[list][n];
                byte[][] xsRef = new byte[list][n];
                double[] msRef = new double[list];
                int count = mine.decodeList(llr, us, xs, ms);
                assertEquals(ref.decodeList(llr, usRef, xsRef, msRef), count);
                for (int j = 0; j < count; j++) {
                    String ctx = rule + " n=" + n + " L=" + list + " rep " + rep + " cand " + j;
                    assertEquals(msRef[j], ms[j], 0.0, ctx);
                    assertArrayEquals(usRef[j], us[j], ctx);
                    assertArrayEquals(xsRef[j], xs[j], ctx);
                }
            }
        }
    }
}

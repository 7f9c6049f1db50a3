package io.latq.polarlattice;

import io.latq.polar.PolarTransform;
import io.latq.polar.decode.PolarSclDecoder;
import io.latq.polar.list.LeafCost;
import io.latq.polar.list.ListNodes;
import io.latq.polar.list.SclCore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared list core on single codes: oracles are the reference decoders, brute force and the chain rule. */
class SclCoreTest {

    /** The core as the old lattice level decoder was configured: prune = rate-0/1/repetition nodes. */
    static SclCore dec(boolean[] frozen, int list, CheckNodeKernel kernel, boolean prune, boolean exactMetric) {
        return new SclCore(frozen, null, list, kernel,
                exactMetric ? LeafCost.NEG_LOG_LIKELIHOOD : LeafCost.LLR_DISAGREEMENT,
                prune ? ListNodes.SCL : ListNodes.LEAVES);
    }


    private static boolean[] randomMask(SplittableRandom rnd, int n, double pFrozen) {
        boolean[] f = new boolean[n];
        for (int t = 0; t < n; t++) {
            f[t] = rnd.nextDouble() < pFrozen;
        }
        return f;
    }

    private static long[] toLong(int[] c) {
        long[] r = new long[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = c[i];
        }
        return r;
    }

    @Test
    void unprunedSingleInputEqualsThePolarCodeSclDecoder() {
        // Oracle: io.latq.polar's leaf-by-leaf SCL with the exact box-plus; the integer codeword of each candidate
        // is u·F over Z.
        SplittableRandom rnd = new SplittableRandom(21);
        for (int n : new int[] {2, 8, 64, 256}) {
            for (int list : new int[] {1, 2, 4, 8}) {
                for (int trial = 0; trial < 10; trial++) {
                    boolean[] frozen = randomMask(rnd, n, 0.5);
                    SclCore mine = dec(frozen, list, CheckNodeKernel.EXACT, false, false);
                    PolarSclDecoder ref = new PolarSclDecoder(frozen, list, CheckNodeKernel.EXACT);
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 4 * (rnd.nextDouble() - 0.5);
                    }
                    System.arraycopy(llr, 0, mine.inputLlr(), 0, n);
                    int count = mine.decode(1, new double[] {0.0});
                    byte[][] us = new byte[list][n];
                    double[] metrics = new double[list];
                    int refCount = ref.decodeList(llr, us, null, metrics);
                    assertEquals(refCount, count);
                    for (int k = 0; k < count; k++) {
                        int[] u = new int[n];
                        for (int j = 0; j < n; j++) {
                            u[j] = us[k][j];
                        }
                        long[] c = ReferencePolarQuantizer.integerTransform(u);
                        String ctx = "n=" + n + " L=" + list + " trial " + trial + " cand " + k;
                        assertEquals(metrics[k], mine.metric(k), 1e-12, ctx);
                        assertArrayEquals(c, toLong(mine.codeword(k)), ctx);
                        assertEquals(0, mine.origin(k));
                    }
                }
            }
        }
    }

    /** All 2^K codewords of a small code with their node-level metric, sorted. */
    private static List<double[]> bruteForce(boolean[] frozen, double[] llr) {
        int n = frozen.length;
        List<Integer> info = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (!frozen[t]) {
                info.add(t);
            }
        }
        List<double[]> all = new ArrayList<>();
        for (int mask = 0; mask < (1 << info.size()); mask++) {
            byte[] u = new byte[n];
            for (int b = 0; b < info.size(); b++) {
                u[info.get(b)] = (byte) ((mask >> b) & 1);
            }
            byte[] x = u.clone();
            PolarTransform.transformGf2(x);
            double met = 0;
            for (int j = 0; j < n; j++) {
                if (x[j] != (llr[j] < 0 ? 1 : 0)) {
                    met += Math.abs(llr[j]);
                }
            }
            double[] row = new double[n + 1];
            row[0] = met;
            int[] ui = new int[n];
            for (int j = 0; j < n; j++) {
                ui[j] = u[j];
            }
            long[] c = ReferencePolarQuantizer.integerTransform(ui);
            for (int j = 0; j < n; j++) {
                row[j + 1] = c[j];
            }
            all.add(row);
        }
        all.sort((a, b) -> Double.compare(a[0], b[0]));
        return all;
    }

    @Test
    void rateOneNodeGivesTheLBestWordsByNodeMetric() {
        // A rate-1 code (nothing frozen) is decided by the flip search; it must return exactly the L best words.
        SplittableRandom rnd = new SplittableRandom(22);
        for (int n : new int[] {2, 4, 8}) {
            boolean[] frozen = new boolean[n];
            for (int list : new int[] {2, 3, 5, 8}) {
                for (int trial = 0; trial < 30; trial++) {
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 4 * (rnd.nextDouble() - 0.5);
                    }
                    SclCore d = dec(frozen, list, CheckNodeKernel.MIN_SUM, true, false);
                    System.arraycopy(llr, 0, d.inputLlr(), 0, n);
                    int count = d.decode(1, new double[] {0.0});
                    List<double[]> best = bruteForce(frozen, llr);
                    assertEquals(Math.min(list, best.size()), count);
                    for (int k = 0; k < count; k++) {
                        assertEquals(best.get(k)[0], d.metric(k), 1e-12, "n=" + n + " L=" + list + " k=" + k);
                        double[] c = Arrays.copyOfRange(best.get(k), 1, n + 1);
                        for (int j = 0; j < n; j++) {
                            assertEquals(c[j], d.codeword(k)[j], 0.0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void prunedMinSumMatchesUnprunedOnRateZeroAndMixedCodes() {
        // With min-sum, node-level rate-0 metrics equal the leaf sums and rate-1 flips give the L best words, so the
        // pruned list has the same metrics (to rounding) as the plain one on codes mixing both node types.
        SplittableRandom rnd = new SplittableRandom(23);
        for (int n : new int[] {16, 64, 256}) {
            for (int list : new int[] {1, 4, 8}) {
                for (int trial = 0; trial < 10; trial++) {
                    boolean[] frozen = new boolean[n];
                    for (int t = 0; t < n; t++) {
                        frozen[t] = Integer.bitCount(t) < Integer.numberOfTrailingZeros(n) / 2;
                    }
                    SclCore plain = dec(frozen, list, CheckNodeKernel.MIN_SUM, false, false);
                    SclCore fast = dec(frozen, list, CheckNodeKernel.MIN_SUM, true, false);
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 4 * (rnd.nextDouble() - 0.5);
                    }
                    System.arraycopy(llr, 0, plain.inputLlr(), 0, n);
                    System.arraycopy(llr, 0, fast.inputLlr(), 0, n);
                    int c1 = plain.decode(1, new double[] {0.0});
                    int c2 = fast.decode(1, new double[] {0.0});
                    assertEquals(c1, c2);
                    // the best metric can only improve (the rate-1 search is exact per node); with min-sum SCL it is
                    // the same list, metrics equal to rounding
                    for (int k = 0; k < c1; k++) {
                        assertEquals(plain.metric(k), fast.metric(k), 1e-9, "n=" + n + " L=" + list + " k=" + k);
                    }
                }
            }
        }
    }

    @Test
    void exactMetricRateZeroShortcutIsTheChainRuleOfTheLeaves() {
        // With the exact box-plus and the exact metric, a rate-0 node's cost Σ −log P(0 | α_i) equals the sum of its
        // leaves' costs (chain rule). Masks without rate-1 nodes (every even position frozen) isolate that shortcut.
        SplittableRandom rnd = new SplittableRandom(25);
        for (int n : new int[] {8, 64, 256}) {
            for (int list : new int[] {1, 4, 8}) {
                for (int trial = 0; trial < 8; trial++) {
                    boolean[] frozen = new boolean[n];
                    for (int t = 0; t < n; t++) {
                        frozen[t] = t % 2 == 0 || rnd.nextDouble() < 0.6;
                    }
                    SclCore plain = dec(frozen, list, CheckNodeKernel.EXACT, false, true);
                    SclCore fast = dec(frozen, list, CheckNodeKernel.EXACT, true, true);
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 3 * (rnd.nextDouble() - 0.5);
                    }
                    System.arraycopy(llr, 0, plain.inputLlr(), 0, n);
                    System.arraycopy(llr, 0, fast.inputLlr(), 0, n);
                    int c1 = plain.decode(1, new double[] {0.0});
                    int c2 = fast.decode(1, new double[] {0.0});
                    assertEquals(c1, c2);
                    for (int k = 0; k < c1; k++) {
                        // the metric's log(1 + e^-|x|) comes from a table accurate to 5e-9 per term
                        assertEquals(plain.metric(k), fast.metric(k), 1e-6, "n=" + n + " L=" + list + " k=" + k);
                        assertArrayEquals(plain.codeword(k), fast.codeword(k));
                    }
                }
            }
        }
    }

    @Test
    void exactMetricIsMinusLogPosteriorOfTheWord() {
        // For a rate-1 code the exact metric of a word x is Σ_j log(1 + exp(−(1 − 2x_j)·λ_j)).
        SplittableRandom rnd = new SplittableRandom(26);
        int n = 8;
        boolean[] frozen = new boolean[n];
        SclCore d = dec(frozen, 4, CheckNodeKernel.EXACT, true, true);
        for (int trial = 0; trial < 20; trial++) {
            double[] llr = new double[n];
            for (int j = 0; j < n; j++) {
                llr[j] = 3 * (rnd.nextDouble() - 0.5);
            }
            System.arraycopy(llr, 0, d.inputLlr(), 0, n);
            int count = d.decode(1, new double[] {0.5});
            for (int k = 0; k < count; k++) {
                // recover x from the integer codeword: x = c mod 2
                double expected = 0.5;
                for (int j = 0; j < n; j++) {
                    int x = d.codeword(k)[j] & 1;
                    expected += Math.log1p(Math.exp(-(1 - 2 * x) * llr[j]));
                }
                assertEquals(expected, d.metric(k), 1e-7);
            }
        }
    }

    @Test
    void severalInputsCompeteForOneList() {
        // Two inputs with the same LLRs but metrics 0 and 100: every survivor must descend from input 0 when the list
        // can be filled from it alone.
        SplittableRandom rnd = new SplittableRandom(24);
        int n = 64;
        boolean[] frozen = randomMask(rnd, n, 0.5);
        SclCore d = dec(frozen, 4, CheckNodeKernel.TABULATED, true, true);
        double[] llr = new double[n];
        for (int j = 0; j < n; j++) {
            llr[j] = 2 * (rnd.nextDouble() - 0.5);
        }
        System.arraycopy(llr, 0, d.inputLlr(), 0, n);
        System.arraycopy(llr, 0, d.inputLlr(), n, n);
        int count = d.decode(2, new double[] {0.0, 100.0});
        assertEquals(4, count);
        for (int k = 0; k < count; k++) {
            assertEquals(0, d.origin(k));
            assertTrue(d.metric(k) < 100);
        }
        // swapping the starting metrics swaps the origins
        System.arraycopy(llr, 0, d.inputLlr(), 0, n);
        System.arraycopy(llr, 0, d.inputLlr(), n, n);
        d.decode(2, new double[] {100.0, 0.0});
        for (int k = 0; k < count; k++) {
            assertEquals(1, d.origin(k));
        }
    }

    /** Random LLRs for {@code inputs} input paths written into both decoders' input areas, and starting metrics. */
    private static double[] fillInputs(SplittableRandom rnd, int n, int inputs, double[] a, double[] b) {
        double[] metrics = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            metrics[k] = k == 0 ? 0.0 : 3 * rnd.nextDouble();
            for (int j = 0; j < n; j++) {
                double v = 3 * (rnd.nextDouble() - 0.5);
                a[k * n + j] = v;
                b[k * n + j] = v;
            }
        }
        return metrics;
    }

    @Test
    void leafLevelCoreEqualsTheReferenceListQuantizerBitForBit() {
        // Oracle: the historical lattice list decoder without node shortcuts (test sources). Same f, same g values,
        // same sums in the same order and the same tie rules: every survivor, origin and metric must agree exactly.
        SplittableRandom rnd = new SplittableRandom(31);
        for (CheckNodeKernel kernel : CheckNodeKernel.values()) {
            for (int n : new int[] {2, 16, 128}) {
                for (int list : new int[] {1, 2, 8, 32}) {
                    for (int trial = 0; trial < 4; trial++) {
                        boolean[] frozen = randomMask(rnd, n, 0.5);
                        boolean exact = trial % 2 == 0;
                        SclCore mine = dec(frozen, list, kernel, false, exact);
                        ReferenceSclLevelDecoder ref = new ReferenceSclLevelDecoder(frozen, list, kernel, false, exact);
                        int inputs = 1 + rnd.nextInt(list);
                        double[] start = fillInputs(rnd, n, inputs, mine.inputLlr(), ref.inputLlr());
                        int count = mine.decode(inputs, start);
                        assertEquals(ref.decode(inputs, start), count);
                        for (int k = 0; k < count; k++) {
                            String ctx = kernel + " n=" + n + " L=" + list + " trial " + trial + " out " + k;
                            assertEquals(ref.metric(k), mine.metric(k), 0.0, ctx);
                            assertEquals(ref.origin(k), mine.origin(k), ctx);
                            assertArrayEquals(ref.codeword(k), mine.codeword(k), ctx);
                        }
                    }
                }
            }
        }
    }

    @Test
    void nodeLevelCoreMatchesTheReferenceListQuantizerUpToRounding() {
        // Oracle: the historical lattice list decoder with its rate-0/rate-1 shortcuts. ListNodes.SCL adds the
        // repetition node, whose node-level cost equals the leaf-level chain in exact arithmetic (exact box-plus and
        // exact metric); the table of log(1 + e^-x) (error 5e-9 per term) and summation order make metrics differ in
        // the last digits, so survivors are compared where no two metrics are within the tolerance (a near tie may
        // legitimately order differently). Exact ties inside a node are broken differently (node level: fewer flips
        // first; leaf level: agreement bit by bit); they arise when deep f chains drive |α| below 1e-16 of the metric,
        // so the channel LLRs here have |λ| in [1.5, 4] and N ≤ 64, where that does not happen.
        SplittableRandom rnd = new SplittableRandom(32);
        double tol = 1e-6;
        int compared = 0;
        for (int n : new int[] {8, 32, 64}) {
            for (int list : new int[] {2, 3, 16, 32}) {
                for (int trial = 0; trial < 8; trial++) {
                    boolean[] frozen = randomMask(rnd, n, 0.5);
                    SclCore mine = dec(frozen, list, CheckNodeKernel.EXACT, true, true);
                    ReferenceSclLevelDecoder ref = new ReferenceSclLevelDecoder(frozen, list, CheckNodeKernel.EXACT,
                            true, true);
                    int inputs = 1 + rnd.nextInt(list);
                    double[] start = new double[inputs];
                    for (int k = 0; k < inputs; k++) {
                        start[k] = k == 0 ? 0.0 : 3 * rnd.nextDouble();
                        for (int j = 0; j < n; j++) {
                            double v = (1.5 + 2.5 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
                            mine.inputLlr()[k * n + j] = v;
                            ref.inputLlr()[k * n + j] = v;
                        }
                    }
                    int count = mine.decode(inputs, start);
                    assertEquals(ref.decode(inputs, start), count);
                    for (int k = 0; k < count; k++) {
                        String ctx = "n=" + n + " L=" + list + " trial " + trial + " out " + k;
                        assertEquals(ref.metric(k), mine.metric(k), tol, ctx);
                        boolean nearTie = (k > 0 && ref.metric(k) - ref.metric(k - 1) < tol)
                                || (k + 1 < count && ref.metric(k + 1) - ref.metric(k) < tol);
                        if (!nearTie) {
                            assertEquals(ref.origin(k), mine.origin(k), ctx);
                            assertArrayEquals(ref.codeword(k), mine.codeword(k), ctx);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 500, "survivors compared: " + compared);
    }

    @Test
    void spcNodeGivesTheLBestEvenWordsByNodeMetric() {
        // An SPC code (only u_0 frozen) is one SPC node under FAST_SSCL; the best-first enumeration must return the
        // L best even-weight words by the node metric Σ_j [x_j ≠ hard(λ_j)]·|λ_j|, i.e. the brute-force list.
        SplittableRandom rnd = new SplittableRandom(27);
        for (int n : new int[] {4, 8, 16}) {
            boolean[] frozen = new boolean[n];
            frozen[0] = true;
            for (int list : new int[] {1, 2, 3, 5, 8, 16}) {
                for (int trial = 0; trial < 20; trial++) {
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 4 * (rnd.nextDouble() - 0.5);
                    }
                    SclCore d = new SclCore(frozen, null, list, CheckNodeKernel.MIN_SUM, LeafCost.LLR_DISAGREEMENT,
                            ListNodes.FAST_SSCL);
                    System.arraycopy(llr, 0, d.inputLlr(), 0, n);
                    int count = d.decode(1, new double[] {0.0});
                    List<double[]> best = bruteForce(frozen, llr);
                    assertEquals(Math.min(list, best.size()), count);
                    for (int k = 0; k < count; k++) {
                        String ctx = "n=" + n + " L=" + list + " k=" + k;
                        assertEquals(best.get(k)[0], d.metric(k), 1e-12, ctx);
                        double[] c = Arrays.copyOfRange(best.get(k), 1, n + 1);
                        for (int j = 0; j < n; j++) {
                            assertEquals(c[j], d.codeword(k)[j], 0.0, ctx);
                        }
                    }
                }
            }
        }
    }

    @Test
    void spcEnumerationAcrossPathsKeepsTheLBestPairs() {
        // Several input paths entering one SPC code: the survivors are the L best (input, even word) pairs by
        // starting metric + node metric, again against brute force over all pairs.
        SplittableRandom rnd = new SplittableRandom(28);
        int n = 8;
        boolean[] frozen = new boolean[n];
        frozen[0] = true;
        for (int list : new int[] {2, 4, 8}) {
            for (int trial = 0; trial < 20; trial++) {
                SclCore d = new SclCore(frozen, null, list, CheckNodeKernel.MIN_SUM, LeafCost.LLR_DISAGREEMENT,
                        ListNodes.FAST_SSCL);
                int inputs = 1 + rnd.nextInt(list);
                double[] start = new double[inputs];
                List<double[]> all = new ArrayList<>();
                for (int k = 0; k < inputs; k++) {
                    start[k] = 2 * rnd.nextDouble();
                    double[] llr = new double[n];
                    for (int j = 0; j < n; j++) {
                        llr[j] = 4 * (rnd.nextDouble() - 0.5);
                    }
                    System.arraycopy(llr, 0, d.inputLlr(), k * n, n);
                    for (double[] row : bruteForce(frozen, llr)) {
                        row[0] += start[k];
                        all.add(row);
                    }
                }
                all.sort((a, b) -> Double.compare(a[0], b[0]));
                int count = d.decode(inputs, start);
                assertEquals(Math.min(list, all.size()), count);
                for (int k = 0; k < count; k++) {
                    assertEquals(all.get(k)[0], d.metric(k), 1e-12, "L=" + list + " trial " + trial + " k=" + k);
                }
            }
        }
    }
}

package io.latq.ecdq.entropy;

import io.latq.common.LatqFormatException;
import io.latq.ecdq.dither.CounterDither;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.CellDesign;
import io.latq.polar.Llr;
import io.latq.polar.PolarTransform;
import io.latq.polarlattice.PolarLattice;
import io.latq.polarlattice.PolarLatticeDesign;
import io.latq.polarlattice.ShippedDesigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PolarLatticePointCoderTest {

    /** A stream of encoded points with what is needed to decode them. */
    private record Coded(byte[] bytes, long[][] a, double[][] dither, double[][] spreads) {
    }

    private static PolarLattice shipped(int n) {
        return new PolarLattice(ShippedDesigns.forN(n, 1));
    }

    private static TriangularBasis basisOf(PolarLattice lattice) {
        return TriangularBasis.of(lattice.generator());
    }

    private static double gaussian(SplittableRandom rnd) {
        double r = StrictMath.sqrt(-2 * StrictMath.log(1 - rnd.nextDouble()));
        return r * StrictMath.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Spreads as cells give them: 13 values log-spaced over [0.05, 50]. */
    private static double spreadLevel(SplittableRandom rnd) {
        return 0.05 * StrictMath.pow(10, rnd.nextInt(13) / 4.0);
    }

    /**
     * Points as the ECDQ coder makes them: λ = Q(u + σ·g) with model spreads s = √(σ² + 0.3) (σ² + the lattice's
     * second moment), s per vector or per coordinate in [0.05, 50] (or σ = 0 and s down to 0.05 when
     * {@code mismatched}: a model far too confident); every 7th vector gets a few heavy-tail coordinates (1e6·s)
     * that must escape.
     */
    private static Coded encodeRandom(PolarLattice lattice, PolarLatticePointCoder coder, int vectors, long seed) {
        return encodeRandom(lattice, coder, vectors, seed, true);
    }

    private static Coded encodeRandom(PolarLattice lattice, PolarLatticePointCoder coder, int vectors, long seed,
                                      boolean mismatched) {
        int n = lattice.dimension();
        TriangularBasis basis = basisOf(lattice);
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] a = new long[vectors][n];
        double[][] us = new double[vectors][n];
        double[][] ss = new double[vectors][n];
        double[] z = new double[n];
        double[] q = new double[n];
        double[] work = new double[2 * n];
        RansEncoder enc = new RansEncoder();
        CounterDither dither = new CounterDither(1);
        for (int v = 0; v < vectors; v++) {
            dither.position(seed, v);
            lattice.sampleFundamentalRegion(dither, us[v], 0);
            boolean constant = v % 3 == 0;
            double s0 = spreadLevel(rnd);
            for (int k = 0; k < n; k++) {
                ss[v][k] = constant ? s0 : spreadLevel(rnd);
                double sigma = mismatched ? ss[v][k] : StrictMath.sqrt(ss[v][k] * ss[v][k] + 0.3);
                double g = gaussian(rnd);
                if (v % 7 == 6 && k % 97 == 5) {
                    g *= 1e6;
                }
                z[k] = us[v][k] + sigma * g;
                if (!mismatched) {
                    ss[v][k] = StrictMath.sqrt(sigma * sigma + 0.3);
                }
            }
            lattice.quantize(z, 0, q, 0);
            basis.coordinates(q, 0, work, a[v]);
            coder.encode(a[v], us[v], ss[v], enc);
        }
        int len = enc.finish();
        return new Coded(Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len), a, us, ss);
    }

    private static void decodeAll(PolarLatticePointCoder coder, Coded c, byte[] bytes, int len)
            throws LatqFormatException {
        RansDecoder dec = new RansDecoder();
        dec.reset(bytes, 0, len);
        long[] back = new long[c.a[0].length];
        for (int v = 0; v < c.a.length; v++) {
            coder.decode(c.dither[v], c.spreads[v], dec, back);
            assertArrayEquals(c.a[v], back, "vector " + v);
        }
        dec.finish();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 256, 1024})
    void roundTripsShippedDesigns(int n) throws LatqFormatException {
        PolarLattice lattice = shipped(n);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        Coded c = encodeRandom(lattice, coder, n == 1024 ? 14 : 28, 11L * n);
        decodeAll(coder, c, c.bytes, c.bytes.length);
    }

    @Test
    void roundTripsRandomIntegerCoordinates() throws LatqFormatException {
        PolarLattice lattice = shipped(256);
        TriangularBasis basis = basisOf(lattice);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basis);
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 256;
        long[][] a = new long[6][n];
        double[][] us = new double[6][n];
        double[][] ss = new double[6][n];
        RansEncoder enc = new RansEncoder();
        for (int v = 0; v < a.length; v++) {
            for (int k = 0; k < n; k++) {
                a[v][k] = rnd.nextLong(-(1L << (4 * v)), 1L << (4 * v)) - 1;
                us[v][k] = 4 * rnd.nextDouble();
                ss[v][k] = 0.3 + 2 * k;
            }
            coder.encode(a[v], us[v], ss[v], enc);
        }
        int len = enc.finish();
        byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
        decodeAll(coder, new Coded(bytes, a, us, ss), bytes, len);
    }

    /** Designs with extreme sets: nothing free, everything free, and free only at the last level. */
    @ParameterizedTest
    @ValueSource(strings = {"none", "all", "none,all", "none,none,all", "all,all"})
    void roundTripsCornerDesigns(String kind) throws LatqFormatException {
        int n = 64;
        String[] levels = kind.split(",");
        int[][] sets = new int[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            sets[i] = levels[i].equals("all") ? IntStream.range(0, n).toArray() : new int[0];
        }
        PolarLattice lattice = new PolarLattice(new PolarLatticeDesign(n, 0.5, sets, null, null, 1, null));
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        Coded c = encodeRandom(lattice, coder, 12, 99);
        decodeAll(coder, c, c.bytes, c.bytes.length);
    }

    @Test
    void truncatedPayloadIsRefused() {
        PolarLattice lattice = shipped(256);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        Coded c = encodeRandom(lattice, coder, 8, 5);
        for (int cut : new int[] {1, 2, 7, c.bytes.length / 2, c.bytes.length - 4}) {
            assertThrows(LatqFormatException.class, () -> decodeAll(coder, c, c.bytes, c.bytes.length - cut),
                    "cut " + cut);
        }
    }

    /** Corrupt payloads decode to something or fail with LatqFormatException, never anything else. */
    @Test
    void corruptPayloadFailsCleanly() {
        PolarLattice lattice = shipped(64);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        Coded c = encodeRandom(lattice, coder, 14, 8);
        SplittableRandom rnd = new SplittableRandom(17);
        int refused = 0;
        for (int trial = 0; trial < 200; trial++) {
            byte[] bad = c.bytes.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            RansDecoder dec = new RansDecoder();
            long[] back = new long[64];
            try {
                dec.reset(bad, 0, bad.length);
                for (int v = 0; v < c.a.length; v++) {
                    coder.decode(c.dither[v], c.spreads[v], dec, back);
                }
                dec.finish();
            } catch (LatqFormatException e) {
                refused++;
            } catch (RuntimeException e) {
                fail("corrupt payload raised " + e, e);
            }
        }
        assertTrue(refused > 150, "only " + refused + " of 200 corrupt payloads refused");
    }

    /** Escaped coarse values carry 64 raw bits: a forged huge value is refused instead of overflowing. */
    @Test
    void forgedHugeCoarseValueIsRefused() throws LatqFormatException {
        int n = 64;
        // one level, nothing free: λ = 2z, so the payload is just the N coarse values
        PolarLattice lattice = new PolarLattice(new PolarLatticeDesign(n, 0.5, new int[][] {{}}, null, null, 1, null));
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        double[] u = new double[n];
        double[] s = new double[n];
        Arrays.fill(u, 1.0);
        Arrays.fill(s, 0.4);
        for (long forged : new long[] {1L << 40, 1L << 61, Long.MIN_VALUE}) {
            RansEncoder enc = new RansEncoder();
            DiscretizedGaussianModel model = new DiscretizedGaussianModel();
            for (int k = 0; k < n; k++) {
                model.configure(0.5, 0.2); // centre u/2, spread s/2 in coarse cells
                if (k == 5) {
                    enc.push(model, model.escapeSymbol());
                    enc.pushRaw64(forged);
                } else {
                    enc.push(model, model.symbolOf(0));
                }
            }
            int len = enc.finish();
            byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
            RansDecoder dec = new RansDecoder();
            dec.reset(bytes, 0, len);
            long[] back = new long[n];
            if (forged == 1L << 40) {
                coder.decode(u, s, dec, back);
                dec.finish();
                double[] point = new double[n];
                basisOf(lattice).point(back, point, 0);
                double[] want = new double[n];
                want[5] = 2.0 * forged; // λ = 2z
                assertArrayEquals(want, point);
            } else {
                assertThrows(LatqFormatException.class, () -> coder.decode(u, s, dec, back));
            }
        }
        long[] tooBig = new long[n];
        tooBig[n - 1] = 1L << 61;
        assertThrows(IllegalArgumentException.class, () -> coder.encode(tooBig, u, s, new RansEncoder()));
    }

    @Test
    void rejectsBadArguments() {
        PolarLattice lattice = shipped(64);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        double[] u = new double[64];
        double[] s = new double[64];
        Arrays.fill(s, 1.0);
        s[3] = 0.0;
        assertThrows(IllegalArgumentException.class, () -> coder.encode(new long[64], u, s, new RansEncoder()));
        s[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> coder.encode(new long[64], u, s, new RansEncoder()));
        PolarLattice other = shipped(128);
        assertThrows(IllegalArgumentException.class, () -> new PolarLatticePointCoder(lattice, basisOf(other)));
        PolarLattice otherSets = new PolarLattice(new PolarLatticeDesign(64, 0.5,
                new int[][] {IntStream.range(0, 64).toArray()}, null, null, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new PolarLatticePointCoder(lattice, basisOf(otherSets)));
    }

    /**
     * The Fast-SSC node rules change which symbols are coded but not the model probability: the pruned coder, the
     * unpruned one and an independent recursive soft SC over every leaf (exact box-plus) agree on −log2 P.
     */
    @ParameterizedTest
    @ValueSource(ints = {64, 256, 1024})
    void fastNodesKeepTheModelProbability(int n) {
        PolarLattice lattice = shipped(n);
        TriangularBasis basis = basisOf(lattice);
        PolarLatticePointCoder fast = new PolarLatticePointCoder(lattice.design(), basis, null, true);
        PolarLatticePointCoder plain = new PolarLatticePointCoder(lattice.design(), basis, null, false);
        Coded c = encodeRandom(lattice, fast, 6, 21L + n);
        for (int v = 0; v < c.a.length; v++) {
            double pf = fast.log2Cost(c.a[v], c.dither[v], c.spreads[v]);
            double pp = plain.log2Cost(c.a[v], c.dither[v], c.spreads[v]);
            assertEquals(pp, pf, 1e-7 * pp, "vector " + v);
        }
        // level by level against the oracle, on every shipped level and on random LLRs
        SplittableRandom rnd = new SplittableRandom(n);
        PolarLatticeDesign d = lattice.design();
        for (int level = 1; level <= d.levels(); level++) {
            boolean[] frozen = new boolean[n];
            Arrays.fill(frozen, true);
            for (int t : d.informationSet(level)) {
                frozen[t] = false;
            }
            SoftScLevelCoder coder = new SoftScLevelCoder(frozen, true);
            for (int trial = 0; trial < 4; trial++) {
                double[] llr = new double[n];
                byte[] u = new byte[n];
                for (int k = 0; k < n; k++) {
                    llr[k] = 3 * (trial + 1) * gaussian(rnd);
                    u[k] = frozen[k] ? 0 : (byte) rnd.nextInt(2);
                }
                byte[] x = u.clone();
                PolarTransform.transformGf2(x);
                double want = oracleLog2Cost(frozen, llr, u);
                double got = coder.log2Cost(llr, x);
                assertEquals(want, got, 1e-6 * (1 + want), "level " + level + " trial " + trial);
            }
        }
    }

    /** Fast-SSC nodes of every kind in one small code, against the oracle. */
    @Test
    void everyNodeTypeMatchesTheOracle() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 << (1 + rnd.nextInt(6));
            boolean[] frozen = new boolean[n];
            double p = rnd.nextDouble();
            for (int t = 0; t < n; t++) {
                frozen[t] = rnd.nextDouble() < p;
            }
            double[] llr = new double[n];
            byte[] u = new byte[n];
            for (int k = 0; k < n; k++) {
                llr[k] = 5 * gaussian(rnd);
                u[k] = frozen[k] ? 0 : (byte) rnd.nextInt(2);
            }
            byte[] x = u.clone();
            PolarTransform.transformGf2(x);
            double want = oracleLog2Cost(frozen, llr, u);
            assertEquals(want, new SoftScLevelCoder(frozen, true).log2Cost(llr, x), 1e-6 * (1 + want));
            assertEquals(want, new SoftScLevelCoder(frozen, false).log2Cost(llr, x), 1e-6 * (1 + want));
        }
    }

    /**
     * Oracle: −Σ_{t free} log2 P(u_t | u_{&lt;t}) by the textbook recursion of the bit-channel LLR (Arıkan's L_N^(t)
     * computed from scratch for every t, exact box-plus), O(N² ) and independent of the coder's buffers.
     */
    static double oracleLog2Cost(boolean[] frozen, double[] llr, byte[] u) {
        double bits = 0;
        for (int t = 0; t < frozen.length; t++) {
            if (frozen[t]) {
                continue;
            }
            double l = bitChannelLlr(llr, u, t);
            double signed = u[t] == 0 ? l : -l;
            bits += StrictMath.log(1 + StrictMath.exp(-signed)) / StrictMath.log(2);
        }
        return bits;
    }

    /** L_N^(t)(y, u_0..u_{t−1}) by the recursion on the first/second half (natural order, x = u·F^{⊗m}). */
    private static double bitChannelLlr(double[] llr, byte[] u, int t) {
        int n = llr.length;
        if (n == 1) {
            return llr[0];
        }
        int h = n / 2;
        if (t < h) {
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = Llr.boxPlus(llr[i], llr[h + i]);
            }
            return bitChannelLlr(f, Arrays.copyOf(u, h), t);
        }
        // the first half's codeword from u_0..u_{h−1} (all known when t ≥ h)
        byte[] v = Arrays.copyOf(u, h);
        PolarTransform.transformGf2(v);
        double[] g = new double[h];
        for (int i = 0; i < h; i++) {
            g[i] = llr[h + i] + (v[i] == 0 ? llr[i] : -llr[i]);
        }
        return bitChannelLlr(g, Arrays.copyOfRange(u, h, n), t - h);
    }

    @Test
    void noiseScalesRoundTripAndAreChecked() throws LatqFormatException {
        PolarLattice lattice = shipped(256);
        TriangularBasis basis = basisOf(lattice);
        double[] scales = {1.2, 0.8, 0.3};
        PolarLatticePointCoder scaled = new PolarLatticePointCoder(lattice.design(), basis, scales);
        Coded c = encodeRandom(lattice, scaled, 10, 123);
        decodeAll(scaled, c, c.bytes, c.bytes.length);
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticePointCoder(lattice.design(), basis, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticePointCoder(lattice.design(), basis, new double[] {1, 0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticePointCoder(lattice.design(), basis, new double[] {1, 1, 17}));
    }

    @Test
    void perCoordinateCoarseSpreadsRoundTrip() throws LatqFormatException {
        PolarLattice lattice = shipped(256);
        TriangularBasis basis = basisOf(lattice);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basis);
        Coded c = encodeRandom(lattice, coder, 6, 321);
        double[][] coarse = new double[c.a.length][];
        RansEncoder enc = new RansEncoder();
        for (int v = 0; v < c.a.length; v++) {
            coarse[v] = c.spreads[v].clone();
            for (int k = 0; k < coarse[v].length; k++) {
                coarse[v][k] *= 0.2 + 0.1 * (k % 9);
            }
            coder.encode(c.a[v], c.dither[v], c.spreads[v], coarse[v], enc);
        }
        int len = enc.finish();
        byte[] bytes = Arrays.copyOfRange(enc.buffer(), enc.offset(), enc.offset() + len);
        RansDecoder dec = new RansDecoder();
        dec.reset(bytes, 0, len);
        long[] back = new long[256];
        for (int v = 0; v < c.a.length; v++) {
            coder.decode(c.dither[v], c.spreads[v], coarse[v], dec, back);
            assertArrayEquals(c.a[v], back);
        }
        dec.finish();
        coarse[0][7] = 0.0;
        assertThrows(IllegalArgumentException.class,
                () -> coder.encode(c.a[0], c.dither[0], c.spreads[0], coarse[0], new RansEncoder()));
    }

    /**
     * The bar at high rate: on ECDQ points of the default lattice at D = 0.01 (one cell, N(0,1) source, w = 1) the
     * polar coder's coded rate is within 0.005 bit/sample of the successive coder's, up to 4 standard errors of the
     * per-vector difference (same points for both coders, fixed seeds).
     */
    @Test
    void highRateMatchesTheSuccessiveCoder() {
        PolarLattice lattice = shipped(1024);
        TriangularBasis basis = basisOf(lattice);
        int n = 1024;
        int vectors = 12;
        CellDesign cell = CellDesign.of(1.0, 0.01, 0.317228, 1.0);
        double[] spreads = new double[n];
        Arrays.fill(spreads, cell.spread());
        PolarLatticePointCoder polar = new PolarLatticePointCoder(lattice, basis);
        SuccessiveGaussianPointCoder successive = new SuccessiveGaussianPointCoder(basis, cell.spread(), true);
        SplittableRandom rnd = new SplittableRandom(41);
        CounterDither dither = new CounterDither(42);
        double[] u = new double[n];
        double[] z = new double[n];
        double[] q = new double[n];
        double[] work = new double[2 * n];
        long[] a = new long[n];
        double[] diff = new double[vectors];
        RansEncoder enc = new RansEncoder();
        for (int v = 0; v < vectors; v++) {
            dither.position(0, v);
            lattice.sampleFundamentalRegion(dither, u, 0);
            for (int k = 0; k < n; k++) {
                z[k] = gaussian(rnd) / cell.step() + u[k];
            }
            lattice.quantize(z, 0, q, 0);
            basis.coordinates(q, 0, work, a);
            enc.reset();
            polar.encode(a, u, spreads, enc);
            double bp = 8.0 * enc.finish();
            enc.reset();
            successive.encode(a, u, spreads, enc);
            successive.flush(enc);
            double bs = 8.0 * enc.finish();
            diff[v] = (bp - bs) / n;
        }
        double mean = Arrays.stream(diff).average().orElseThrow();
        double var = Arrays.stream(diff).map(d -> (d - mean) * (d - mean)).sum() / (vectors - 1);
        double se = StrictMath.sqrt(var / vectors);
        assertTrue(Math.abs(mean) <= 0.005 + 4 * se, "polar − successive = " + mean + " b/sample, se " + se);
    }

    /** The coded length follows the model: payload bits within 0.2% + 32 bits of Σ −log2 P. */
    @Test
    void codedLengthFollowsTheModel() {
        PolarLattice lattice = shipped(256);
        PolarLatticePointCoder coder = new PolarLatticePointCoder(lattice, basisOf(lattice));
        Coded c = encodeRandom(lattice, coder, 12, 77, false);
        double ideal = 0;
        for (int v = 0; v < c.a.length; v++) {
            ideal += coder.log2Cost(c.a[v], c.dither[v], c.spreads[v]);
        }
        double coded = 8.0 * c.bytes.length;
        assertTrue(coded >= ideal - 64 && coded <= ideal * 1.002 + 32, "coded " + coded + " ideal " + ideal);
    }

    /** Literal values of the LLR → frequency table (part of the file format). */
    @Test
    void logisticTablePinned() {
        assertEquals(32768, LogisticFrequencyTable.frequencyAtIndex(0));
        assertEquals(33024, LogisticFrequencyTable.frequencyAtIndex(1));
        assertEquals(47911, LogisticFrequencyTable.frequencyAtIndex(64));
        assertEquals(17625, LogisticFrequencyTable.frequencyAtIndex(-64));
        assertEquals(64357, LogisticFrequencyTable.frequencyAtIndex(256));
        assertEquals(65533, LogisticFrequencyTable.frequencyAtIndex(640));
        assertEquals(65535, LogisticFrequencyTable.frequencyAtIndex(768));
        assertEquals(1, LogisticFrequencyTable.frequencyAtIndex(-768));
        long checksum = 0;
        for (int q = -LogisticFrequencyTable.MAX_INDEX; q <= LogisticFrequencyTable.MAX_INDEX; q++) {
            checksum = 31 * checksum + LogisticFrequencyTable.frequencyAtIndex(q);
        }
        assertEquals(958222708466478720L, checksum);
        // index map: round to the 1/64 grid, clamp at ±12, NaN to the bottom
        assertEquals(0, LogisticFrequencyTable.index(0.0078));
        assertEquals(1, LogisticFrequencyTable.index(0.0079));
        assertEquals(-1, LogisticFrequencyTable.index(-0.0079));
        assertEquals(768, LogisticFrequencyTable.index(1e300));
        assertEquals(-768, LogisticFrequencyTable.index(Double.NEGATIVE_INFINITY));
        assertEquals(-768, LogisticFrequencyTable.index(Double.NaN));
        for (int q = -768; q <= 768; q++) {
            int f = LogisticFrequencyTable.frequencyAtIndex(q);
            assertTrue(f >= 1 && f <= 65535);
            assertEquals(65536 - f, LogisticFrequencyTable.frequencyAtIndex(-q));
            if (q > -768) {
                assertTrue(f >= LogisticFrequencyTable.frequencyAtIndex(q - 1));
            }
        }
    }

    /** The parity-LLR table against the exact mod-2 Gaussian channel, and its literal values. */
    @Test
    void modTwoTableMatchesTheExactChannel() {
        SplittableRandom rnd = new SplittableRandom(8);
        for (double s : new double[] {0.01, 0.05, 0.2, 0.25, 0.55, 1.0, 1.9}) {
            ModTwoLlrTable table = new ModTwoLlrTable(s);
            io.latq.polarlattice.ModTwoGaussianChannel exact = new io.latq.polarlattice.ModTwoGaussianChannel(s);
            for (int i = 0; i < 2000; i++) {
                double y = -6 + 12 * rnd.nextDouble();
                double want = exact.llr(y);
                assertEquals(want, table.llr(y), 2e-6 * (1 + Math.abs(want)), "s " + s + " y " + y);
            }
            assertEquals(0.0, table.llr(0.5));
            assertEquals(-table.llr(0.25), table.llr(1.25));
        }
        assertEquals(0.0, new ModTwoLlrTable(2.0).llr(0.1));
        assertEquals(0.0, new ModTwoLlrTable(0.5).llr(2.5));
        // literal values: closed form (s < 0.25) and table (s ≥ 0.25), part of the file format
        assertEquals(199.30685281944002, new ModTwoLlrTable(0.05).llr(0.0));
        assertEquals(80.0, new ModTwoLlrTable(0.05).llr(0.3));
        assertEquals(0.9624294009929243, new ModTwoLlrTable(0.55).llr(0.0));
        assertEquals(0.542141693708126, new ModTwoLlrTable(0.55).llr(0.3));
    }
}

package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;
import io.latq.nsm.KnownNsm;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.latq.lattice.LatticeTestSupport.add;
import static io.latq.lattice.LatticeTestSupport.distSq;
import static io.latq.lattice.LatticeTestSupport.quantize;
import static io.latq.lattice.LatticeTestSupport.scale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Λ24 and BW16: the codes behind them, membership by the defining congruences, volume, minimum norm (by the sphere
 * decoder, independent of the coset decoder), the coset decoder against the sphere decoder on midpoints between
 * neighbours, and the normalized second moment by Monte Carlo.
 */
class LeechAndBarnesWallTest {

    private static final LeechLattice LEECH = new LeechLattice();
    private static final BarnesWallLattice16 BW16 = new BarnesWallLattice16();

    @Test
    void golayCodeHasTheWeightDistributionOfC24() {
        int[] code = LeechLattice.golayCode();
        int[] byWeight = new int[25];
        Set<Integer> distinct = new HashSet<>();
        for (int c : code) {
            byWeight[Integer.bitCount(c)]++;
            distinct.add(c);
            assertEquals(0, c >>> 24);
        }
        assertEquals(4096, distinct.size());
        int[] expected = new int[25];
        expected[0] = 1;
        expected[8] = 759;
        expected[12] = 2576;
        expected[16] = 759;
        expected[24] = 1;
        assertArrayEquals(expected, byWeight);
    }

    @Test
    void reedMullerCodeHasTheWeightDistributionOfRm14() {
        int[] byWeight = new int[17];
        Set<Integer> distinct = new HashSet<>();
        for (int c : BarnesWallLattice16.reedMuller14()) {
            byWeight[Integer.bitCount(c)]++;
            distinct.add(c);
        }
        assertEquals(32, distinct.size());
        assertEquals(1, byWeight[0]);
        assertEquals(30, byWeight[8]);
        assertEquals(1, byWeight[16]);
    }

    @Test
    void volumesMatchTheGeneratorDeterminant() {
        assertEquals(36.0, LEECH.log2Volume(), 0.0);
        assertEquals(12.0, BW16.log2Volume(), 0.0);
        assertEquals(StrictMath.pow(2, 36), StrictMath.abs(CommonOps_DDRM.det(LEECH.generator())), 1e-3);
        assertEquals(StrictMath.pow(2, 12), StrictMath.abs(CommonOps_DDRM.det(BW16.generator())), 1e-9);
    }

    /** Membership by the congruences of Conway & Sloane (SPLAG ch. 4 §11), not through the coset decomposition. */
    @Test
    void leechOutputsSatisfyTheDefiningCongruences() {
        Set<Integer> code = new HashSet<>();
        for (int c : LeechLattice.golayCode()) {
            code.add(c);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(241L);
        int odd = 0;
        for (int s = 0; s < 1000; s++) {
            double[] p = quantize(LEECH, LatticeTestSupport.gaussian(rng, 24, 6.0));
            long m = Math.floorMod((long) p[0], 2);
            long sum = 0;
            int[] sets = new int[4];
            for (int i = 0; i < 24; i++) {
                assertEquals(Math.rint(p[i]), p[i], 0.0);
                long v = (long) p[i];
                assertEquals(m, Math.floorMod(v, 2), "mixed parities");
                sum += v;
                sets[(int) Math.floorMod(v, 4)] |= 1 << i;
            }
            assertEquals(4 * m, Math.floorMod(sum, 8), "coordinate sum");
            for (int set : sets) {
                assertTrue(code.contains(set), "residue set is not a Golay codeword");
            }
            odd += (int) m;
        }
        assertTrue(odd > 300 && odd < 700, "odd half chosen " + odd + " times of 1000");
    }

    @Test
    void barnesWallOutputsAreCodewordsModTwoWithSumDivisibleByFour() {
        Set<Integer> code = new HashSet<>();
        for (int c : BarnesWallLattice16.reedMuller14()) {
            code.add(c);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(242L);
        for (int s = 0; s < 1000; s++) {
            double[] p = quantize(BW16, LatticeTestSupport.gaussian(rng, 16, 3.0));
            int word = 0;
            long sum = 0;
            for (int i = 0; i < 16; i++) {
                assertEquals(Math.rint(p[i]), p[i], 0.0);
                word |= (int) Math.floorMod((long) p[i], 2) << i;
                sum += (long) p[i];
            }
            assertTrue(code.contains(word), "not a codeword mod 2");
            assertEquals(0, Math.floorMod(sum, 4));
        }
    }

    /**
     * λ1² = min_i dist²(b_i, L_i), L_i the lattice with b_i replaced by 2·b_i: a shortest vector has an odd
     * coefficient at some i, and b_i − L_i is exactly the set of lattice vectors with an odd coefficient at i.
     * Each distance is a closest-point query of the sphere decoder.
     */
    private static double minimumNormBySphereDecoding(Lattice l) {
        double[][] b = LatticeTestSupport.rows(l);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < b.length; i++) {
            double[][] doubled = new double[b.length][];
            for (int r = 0; r < b.length; r++) {
                doubled[r] = r == i ? scale(b[r], 2.0) : b[r].clone();
            }
            GeneratorMatrixLattice li = new GeneratorMatrixLattice("L" + i, doubled);
            best = Math.min(best, distSq(b[i], quantize(li, b[i])));
        }
        return best;
    }

    @Test
    void minimumNormsAreThirtyTwoAndEight() {
        assertEquals(32.0, minimumNormBySphereDecoding(LEECH), 1e-9);
        assertEquals(8.0, minimumNormBySphereDecoding(BW16), 1e-9);
    }

    /** Minimal vectors of three shapes: 4e_i ± 4e_j, 2·octad, 1 − 4e_i (Λ24); 2e_i ± 2e_j, weight-8 words (BW16). */
    private static List<double[]> someMinimalVectors(Lattice l) {
        int n = l.dimension();
        List<double[]> vs = new ArrayList<>();
        double unit = n == 24 ? 4.0 : 2.0;
        for (int i = 0; i < n; i += 5) {
            for (int j = i + 1; j < n; j += 3) {
                double[] v = new double[n];
                v[i] = unit;
                v[j] = -unit;
                vs.add(v);
            }
        }
        int[] code = n == 24 ? LeechLattice.golayCode() : BarnesWallLattice16.reedMuller14();
        for (int c : code) {
            if (Integer.bitCount(c) == 8 && vs.size() < 200) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ((c >>> i) & 1) * unit / 2;
                }
                vs.add(v);
            }
        }
        if (n == 24) {
            for (int i = 0; i < n; i++) {
                double[] v = new double[n];
                java.util.Arrays.fill(v, 1.0);
                v[i] = -3.0;
                vs.add(v);
            }
        }
        for (double[] v : vs) {
            l.coordinates(v); // throws unless a lattice point
            assertEquals(n == 24 ? 32.0 : 8.0, distSq(v, new double[n]), 0.0);
        }
        return vs;
    }

    /**
     * x = λ + m/2 (+ tiny perturbations) for minimal vectors m: on the Voronoi face between λ and λ + m, where any
     * decoding error of the coset search (a wrong coset, a wrong parity fix) shows as a larger distance.
     */
    @Test
    void midpointsBetweenNeighboursMatchTheSphereDecoder() {
        for (Lattice l : List.<Lattice>of(LEECH, BW16)) {
            GeneratorMatrixLattice oracle = GeneratorMatrixLattice.of(l);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(243L + l.dimension());
            int n = l.dimension();
            int switched = 0;
            for (double[] m : someMinimalVectors(l)) {
                double[] lambda = LatticeTestSupport.randomLatticePoint(l, rng, 20.0);
                double[] mid = add(lambda, scale(m, 0.5));
                for (int k = 0; k < 4; k++) {
                    double[] x = mid.clone();
                    if (k > 0) {
                        for (int i = 0; i < n; i++) {
                            x[i] += (rng.nextInt(3) - 1) * 0x1p-40;
                        }
                    }
                    double[] pf = quantize(l, x);
                    double[] ps = quantize(oracle, x);
                    assertEquals(distSq(x, ps), distSq(x, pf), 1e-9, l.name() + " at " + java.util.Arrays.toString(x));
                    l.coordinates(pf);
                    if (k == 0) {
                        assertEquals(distSq(m, new double[n]) / 4, distSq(x, pf), 1e-9);
                    }
                }
                // One side of the face decodes to λ, the other to λ + m.
                double[] towards = add(mid, scale(m, 0x1p-20));
                double[] away = add(mid, scale(m, -0x1p-20));
                assertArrayEquals(add(lambda, m), quantize(l, towards), 0.0);
                assertArrayEquals(lambda, quantize(l, away), 0.0);
                switched++;
            }
            assertTrue(switched >= 30, l.name() + ": " + switched + " faces");
        }
    }

    /**
     * The documented tie rules. ±c/2 for a weight-8 codeword c (BW16) or ±m/2 for a minimal vector m (Leech) is
     * equidistant from 0 and ±c (±m), which lie in different cosets: the lexicographically smaller point wins, 0 for
     * +c/2 and −c for −c/2. Within one coset the D_n rules apply instead: (−1, −1, 0, …) is equidistant from 0 and
     * (−2, −2, 0, …), both in 2·D16, and half-up rounding of t = x/2 picks 0.
     */
    @Test
    void tiesFollowTheDocumentedRules() {
        for (Lattice l : List.<Lattice>of(BW16, LEECH)) {
            for (double[] m : someMinimalVectors(l)) {
                if (maxAbsEntryIsOne(m) || LatticeTestSupport.maxAbs(m) == 3.0 || countNonZero(m) == 8) {
                    double[] zero = new double[m.length];
                    assertArrayEquals(lexLess(m, zero) ? m : zero, quantize(l, scale(m, 0.5)), 0.0, l.name());
                    double[] minus = scale(m, -1.0);
                    assertArrayEquals(lexLess(minus, zero) ? minus : zero, quantize(l, scale(minus, 0.5)), 0.0);
                }
            }
        }
        double[] x = new double[16];
        x[0] = -1.0;
        x[1] = -1.0;
        assertArrayEquals(new double[16], quantize(BW16, x), 0.0);
    }

    private static boolean maxAbsEntryIsOne(double[] v) {
        return LatticeTestSupport.maxAbs(v) == 1.0;
    }

    private static int countNonZero(double[] v) {
        int k = 0;
        for (double a : v) {
            k += a != 0.0 ? 1 : 0;
        }
        return k;
    }

    private static boolean lexLess(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    /**
     * The branch and bound over the Turyn structure against the plain search of all 4096 codewords with the same
     * tables and tie rule: the two must return bit-identical points, ties included.
     */
    @Test
    void branchAndBoundEqualsTheFullCodewordSearch() {
        CodeCosetQuantizer full = new CodeCosetQuantizer(24, 8, LeechLattice.golayCode(), 2, 4, new int[] {0, 1},
                new int[] {0, 1});
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(244L);
        List<double[]> xs = new ArrayList<>(LatticeTestSupport.boundaryInputs(LEECH, rng, 1));
        for (int s = 0; s < 1000; s++) {
            xs.add(LatticeTestSupport.gaussian(rng, 24, s % 2 == 0 ? 2.0 : 8.0));
        }
        for (double[] m : someMinimalVectors(LEECH)) {
            xs.add(scale(m, 0.5));
        }
        double[] expected = new double[24];
        for (double[] x : xs) {
            full.quantize(x, 0, expected, 0);
            assertArrayEquals(expected, quantize(LEECH, x), 0.0);
        }
    }

    /** G within 4 standard errors of the tabulated values (SPLAG Table 2.3), fixed seed; ~1.5e-5 and 2.3e-5 SE. */
    @Test
    void normalizedSecondMomentsMatchTheTable() {
        double[] expected = {0.0657710, 0.06830};
        Lattice[] ls = {LEECH, BW16};
        for (int k = 0; k < 2; k++) {
            NsmResult r = new NsmEstimator(ls[k]).estimate(150_000, 20261206L, 2, null);
            double z = (r.nsm() - expected[k]) / r.stderr();
            assertTrue(Math.abs(z) < 4, ls[k].name() + ": G=" + r.nsm() + " se=" + r.stderr() + " z=" + z);
            assertTrue(r.stderr() < 1e-4, "stderr " + r.stderr());
            assertEquals(expected[k], KnownNsm.lookup(ls[k].name()).orElseThrow(), 0.0);
        }
    }

    @Test
    void specsParseAndEmbed() {
        assertEquals("Leech", LatticeSpecs.parse("leech").name());
        assertEquals("BW16", LatticeSpecs.parse("bw16").name());
        assertEquals(48, LatticeSpecs.dimensionOf("Leech^2"));
        assertEquals(40, LatticeSpecs.parse("0.5*(Leech x BW16)").dimension());
        LatticeDescription d = LatticeDescription.of("Leech^2");
        assertEquals(d, LatticeDescription.fromBytes(d.toBytes(), 0, d.toBytes().length));
        assertEquals(72.0, d.build().log2Volume(), 0.0);
        assertEquals(0.0657710, KnownNsm.lookup("0.5*Leech^3").orElseThrow(), 0.0);
    }
}

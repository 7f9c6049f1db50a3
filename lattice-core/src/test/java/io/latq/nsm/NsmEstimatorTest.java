package io.latq.nsm;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsmEstimatorTest {

    /** Exact or tabulated G (Conway & Sloane, SPLAG Table 2.3). */
    private static final Map<String, Double> EXACT = new LinkedHashMap<>();

    static {
        EXACT.put("Z1", 1.0 / 12.0);
        EXACT.put("A2", 0.0801875);
        EXACT.put("D3", 0.0787451);
        EXACT.put("D3*", 0.0785433);
        EXACT.put("D4", 0.0766032);
        EXACT.put("E8", 929.0 / 12960.0);
    }

    @Test
    void knownLatticesWithinFourStandardErrorsAndResolvedFromNeighbours() {
        Map<String, NsmResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : EXACT.entrySet()) {
            Lattice lattice = LatticeSpecs.parse(e.getKey());
            NsmResult r = new NsmEstimator(lattice).estimate(1_500_000, 20261129L, 2, null);
            results.put(e.getKey(), r);
            double z = (r.nsm() - e.getValue()) / r.stderr();
            assertTrue(Math.abs(z) < 4, e.getKey() + ": G=" + r.nsm() + " exact=" + e.getValue() + " z=" + z);
        }
        // The error bars must separate every pair of lattices in the table, the closest being D3 and D3*.
        for (String a : EXACT.keySet()) {
            for (String b : EXACT.keySet()) {
                if (a.compareTo(b) < 0) {
                    double gap = Math.abs(EXACT.get(a) - EXACT.get(b));
                    double se = Math.hypot(results.get(a).stderr(), results.get(b).stderr());
                    assertTrue(gap > 4 * se, a + " vs " + b + ": gap " + gap + " not resolved by se " + se);
                }
            }
        }
    }

    @Test
    void ninetyFivePercentIntervalsCoverE8AboutNinetyFivePercentOfTheTime() {
        Lattice e8 = LatticeSpecs.parse("E8");
        double exact = 929.0 / 12960.0;
        int seeds = 400;
        int covered = 0;
        for (int s = 0; s < seeds; s++) {
            NsmResult r = new NsmEstimator(e8).estimate(4096, 1000L + s);
            if (r.ci95Low() <= exact && exact <= r.ci95High()) {
                covered++;
            }
        }
        // Binomial(400, 0.95): sd = 4.36 intervals; allow 4 sd either side.
        double sd = Math.sqrt(seeds * 0.95 * 0.05);
        assertTrue(Math.abs(covered - 0.95 * seeds) < 4 * sd, "coverage " + covered + "/" + seeds);
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        Lattice e8 = LatticeSpecs.parse("E8");
        NsmResult one = new NsmEstimator(e8).estimate(50_000, 7, 1, null);
        NsmResult four = new NsmEstimator(e8).estimate(50_000, 7, 4, null);
        assertEquals(Double.doubleToRawLongBits(one.nsm()), Double.doubleToRawLongBits(four.nsm()));
        assertEquals(Double.doubleToRawLongBits(one.stderr()), Double.doubleToRawLongBits(four.stderr()));
        assertEquals(Double.doubleToRawLongBits(one.stderrBatchMeans()),
                Double.doubleToRawLongBits(four.stderrBatchMeans()));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        Lattice e8 = LatticeSpecs.parse("E8");
        NsmResult a = new NsmEstimator(e8).estimate(5_000, 1);
        NsmResult b = new NsmEstimator(e8).estimate(5_000, 2);
        assertTrue(a.nsm() != b.nsm());
    }

    @Test
    void batchMeansStandardErrorAgreesWithIidStandardError() {
        NsmResult r = new NsmEstimator(LatticeSpecs.parse("D4")).estimate(400_000, 3);
        // 391 batches: the batch-means SE has a relative sd of about 1/sqrt(2*390) = 3.6%.
        assertEquals(1.0, r.stderrBatchMeans() / r.stderr(), 4 * 0.036);
    }

    @Test
    void scaleInvariant() {
        NsmResult a = new NsmEstimator(LatticeSpecs.parse("E8")).estimate(20_000, 5);
        NsmResult b = new NsmEstimator(LatticeSpecs.parse("0.25*E8")).estimate(20_000, 5);
        assertEquals(a.nsm(), b.nsm(), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        NsmEstimator est = new NsmEstimator(LatticeSpecs.parse("Z1"));
        assertThrows(IllegalArgumentException.class, () -> est.estimate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> est.estimate(-5, 1));
        assertThrows(IllegalArgumentException.class, () -> est.estimate(100, 1, 0, null));
    }

    @Test
    void derivedFiguresFollowTheirDefinitions() {
        NsmResult r = new NsmResult("X", 1, 10, 0, 1, 1.0 / 12.0, 0.001, 0.001, 0, 1);
        assertEquals(0.0, r.granularGainDb(), 1e-12);
        assertEquals(10 * Math.log10(2 * Math.PI * Math.E / 12.0), r.gapToSphereBoundDb(), 1e-12);
        assertEquals(1.0 / 12.0 - 1.959963984540054e-3, r.ci95Low(), 1e-15);
    }

    @Test
    void knownNsmLookupHandlesScalesAndPowers() {
        assertEquals(929.0 / 12960.0, KnownNsm.lookup("0.5*E8^4").getAsDouble(), 0);
        assertEquals(0.0785433, KnownNsm.lookup("D3*").getAsDouble(), 0);
        assertEquals(1.0 / 12.0, KnownNsm.lookup("Z16").getAsDouble(), 0);
        assertTrue(KnownNsm.lookup("polar:n=1024").isEmpty());
    }
}

package io.latq.polarlattice;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.LocalNsmEngine;
import io.latq.nsm.EvaluationSeeds;
import io.latq.nsm.NsmResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoodnessStudyTest {

    @Test
    void dimensionsAreARangeOrAListOfPowersOfTwo() {
        assertArrayEquals(new int[] {64, 128, 256}, GoodnessStudy.dimensions("64..256"));
        assertArrayEquals(new int[] {1024, 64}, GoodnessStudy.dimensions(" 1024, 64 "));
        for (String bad : new String[] {"64..100", "48", "a..b", "256..64", "1..2..4"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GoodnessStudy.dimensions(bad));
            assertTrue(e.getMessage().startsWith("--n "), e.getMessage());
        }
        assertEquals(65536, GoodnessStudy.defaultSamples(64));
        assertEquals(200, GoodnessStudy.defaultSamples(1 << 15));
    }

    /** G_ball against closed forms: 1/12 (n = 1), 1/(4π) (n = 2), and Γ(n/2+1) = (n/2)! for even n. */
    @Test
    void ballNsmMatchesClosedFormsAndFallsToTheSphereBound() {
        assertEquals(1.0 / 12, GoodnessStudy.ballNsm(1), 1e-13 / 12);
        assertEquals(1 / (4 * Math.PI), GoodnessStudy.ballNsm(2), 1e-13 / (4 * Math.PI));
        for (int n : new int[] {8, 24, 64, 200}) {
            double logFact = 0;
            for (int i = 2; i <= n / 2; i++) {
                logFact += Math.log(i);
            }
            double oracle = Math.exp(2.0 / n * logFact) / ((n + 2) * Math.PI);
            assertEquals(oracle, GoodnessStudy.ballNsm(n), 1e-13 * oracle, "n = " + n);
            assertEquals(logFact, GoodnessStudy.logGamma(n / 2 + 1), 1e-12 * Math.max(1, logFact), "n = " + n);
        }
        double previous = 1;
        for (int m = 0; m <= 20; m++) {
            double g = GoodnessStudy.ballNsm(1 << m);
            assertTrue(g < previous && g > NsmResult.SPHERE_BOUND, "n = 2^" + m);
            previous = g;
        }
        assertEquals(NsmResult.SPHERE_BOUND, GoodnessStudy.ballNsm(1 << 20), 3e-5 * NsmResult.SPHERE_BOUND);
        // the E8 and Leech lattices lie above the ball bound of their dimension
        assertTrue(GoodnessStudy.G_E8 > GoodnessStudy.ballNsm(8));
        assertTrue(GoodnessStudy.G_LEECH > GoodnessStudy.ballNsm(24));
        assertThrows(IllegalArgumentException.class, () -> GoodnessStudy.ballNsm(0.5));
    }

    @Test
    void gainAnchorsConvertToNsm() {
        assertEquals(1.0 / 12, GoodnessStudy.nsmOfGainDb(0), 1e-17);
        assertEquals(0.0591233, GoodnessStudy.nsmOfGainDb(GoodnessStudy.LDGM_GAIN_DB), 5e-8);
        assertEquals(GoodnessStudy.LDGM_GAIN_DB,
                10 * Math.log10(1.0 / 12 / GoodnessStudy.nsmOfGainDb(GoodnessStudy.LDGM_GAIN_DB)), 1e-12);
    }

    @Test
    void seedConflictsNameTheDesignsOptimizedOnTheSeed() {
        GoodnessStudy legacy = GoodnessStudy.of(new int[] {64, 128}, List.of(1), ListSelection.PATH_METRIC, null,
                10L, 1);
        assertEquals(2, legacy.seedConflicts().size(), legacy.seedConflicts().toString());
        assertTrue(legacy.seedConflicts().get(0).contains("legacy"));
        GoodnessStudy clean = GoodnessStudy.of(new int[] {64, 128}, List.of(1), ListSelection.PATH_METRIC, null,
                10L, EvaluationSeeds.FIRST);
        assertTrue(clean.seedConflicts().isEmpty());
    }

    @Test
    void pointsAreTheEngineEstimatesInOrderAndTheFitUsesThem() {
        GoodnessStudy study = GoodnessStudy.of(new int[] {64, 128}, List.of(1, 2), ListSelection.PATH_METRIC, null,
                300L, 7);
        assertEquals(4, study.lattices().size());
        List<GoodnessStudy.Point> seen = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<GoodnessStudy.Point> points;
        try (LocalNsmEngine engine = new LocalNsmEngine(2)) {
            points = study.measure(engine, (label, total) -> {
                labels.add(label + " " + total);
                return new GoodnessStudy.Progress() {
                    @Override
                    public void accept(long done) {
                        assertTrue(done <= total);
                    }

                    @Override
                    public void close() {
                    }
                };
            }, seen::add);
            assertEquals(points, seen);
            int[] ns = {64, 128, 64, 128};
            int[] ls = {1, 1, 2, 2};
            for (int i = 0; i < 4; i++) {
                GoodnessStudy.Point p = points.get(i);
                assertEquals(ns[i], p.n());
                assertEquals(ls[i], p.list());
                assertEquals(study.lattices().get(i).design().sha256(), p.sha256());
                NsmResult again = engine.estimate(LatticeRecipe.of(study.lattices().get(i)), 300, 7, null);
                assertEquals(again.nsm(), p.result().nsm(), 0.0);
            }
        }
        assertEquals(4, labels.size());
        assertTrue(labels.get(0).endsWith(" 300"), labels.get(0));
        assertNotNull(GoodnessStudy.fit(points, 1));
        assertNull(GoodnessStudy.fit(points.subList(0, 1), 1));
    }
}

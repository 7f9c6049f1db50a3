package io.latq.polarlattice;

import io.latq.engine.LatticeRecipe;
import io.latq.engine.LocalNsmEngine;
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

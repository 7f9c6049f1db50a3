package io.latq.engine;

import io.latq.lattice.LatticeSpecs;
import io.latq.nsm.NsmEstimator;
import io.latq.nsm.NsmResult;
import io.latq.polarlattice.PolarLattice;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NsmEnginesTest {

    @Test
    void localEngineMatchesTheEstimator() {
        try (NsmEngine e = NsmEngines.open("local", new EngineOptions(2, null, 0))) {
            assertEquals("local", e.name());
            NsmResult a = e.estimate(LatticeRecipe.ofSpec("D4"), 5000, 7, null);
            NsmResult b = new NsmEstimator(LatticeSpecs.parse("D4")).estimate(5000, 7, 1, null);
            assertEquals(Double.doubleToRawLongBits(b.nsm()), Double.doubleToRawLongBits(a.nsm()));
            assertEquals(Double.doubleToRawLongBits(b.stderr()), Double.doubleToRawLongBits(a.stderr()));
        }
    }

    @Test
    void estimateAllRunsEachTaskAndCountsProgressOverAll() {
        java.util.List<Long> seen = new java.util.ArrayList<>();
        try (NsmEngine e = new LocalNsmEngine(1)) {
            java.util.List<NsmResult> rs = e.estimateAll(java.util.List.of(
                    new NsmTask(LatticeRecipe.ofSpec("D4"), 2000, 1), new NsmTask(LatticeRecipe.ofSpec("E8"), 1500, 2)),
                    seen::add);
            NsmResult e8 = new NsmEstimator(LatticeSpecs.parse("E8")).estimate(1500, 2);
            assertEquals(Double.doubleToRawLongBits(e8.nsm()), Double.doubleToRawLongBits(rs.get(1).nsm()));
            assertEquals("D4", rs.get(0).lattice());
        }
        assertEquals(java.util.List.of(1024L, 2000L, 3024L, 3500L), seen);
    }

    /** lattice-core's tests have no Spark engine on the class path: asking for it gives the one-line hint. */
    @Test
    void sparkWithoutSparkOnTheClassPathSaysHowToGetIt() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> NsmEngines.open("spark", new EngineOptions(1, "local[2]", 0)));
        assertEquals(NsmEngines.SPARK_MISSING, e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> NsmEngines.open("flink", new EngineOptions(1, null, 0)));
        assertEquals("unknown engine 'flink' (use local or spark)", u.getMessage());
    }

    @Test
    void recipesSurviveJavaSerializationAndRebuildTheSameLattice() throws Exception {
        PolarLattice polar = (PolarLattice) LatticeSpecs.parse("polar:n=64,list=4");
        LatticeRecipe[] recipes = {LatticeRecipe.ofSpec("E8"), LatticeRecipe.of(polar)};
        io.latq.lattice.Lattice[] originals = {LatticeSpecs.parse("E8"), polar};
        for (int i = 0; i < recipes.length; i++) {
            LatticeRecipe r = recipes[i];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(r);
            }
            LatticeRecipe back;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                back = (LatticeRecipe) in.readObject();
            }
            assertEquals(r, back);
            org.junit.jupiter.api.Assertions.assertNotSame(originals[i], back.build()); // rebuilt, not carried
            NsmResult a = new NsmEstimator(back.build()).estimate(3000, 11);
            NsmResult b = new NsmEstimator(originals[i]).estimate(3000, 11);
            assertEquals(Double.doubleToRawLongBits(b.nsm()), Double.doubleToRawLongBits(a.nsm()));
        }
        PolarLattice rebuilt = assertInstanceOf(PolarLattice.class,
                LatticeRecipe.ofPolar(polar.design(), polar.options()).build());
        assertEquals(polar.name(), rebuilt.name());
        assertEquals(polar.design().sha256(), rebuilt.design().sha256());
        assertEquals(polar.options(), rebuilt.options());
    }
}

package io.latq.polarlattice;

import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolarLatticeSpecTest {

    @Test
    void shippedDesignsParseFromTheGeneralSpecParser() {
        for (int m = ShippedDesigns.MIN_LOG_N; m <= ShippedDesigns.MAX_LOG_N; m++) {
            Lattice l = LatticeSpecs.parse("polar:n=" + (1 << m));
            assertEquals(1 << m, l.dimension());
            PolarLattice p = (PolarLattice) l;
            assertEquals(1, p.options().listSize());
            assertTrue(p.log2Volume() > 0);
        }
        PolarLattice l32 = (PolarLattice) LatticeSpecs.parse("POLAR: n = 1024 , list=32");
        assertEquals(32, l32.options().listSize());
        assertEquals("polar1024-L32", l32.name());
        PolarLattice d = (PolarLattice) LatticeSpecs.parse("polar:n=64,list=4,select=distortion,kernel=exact");
        assertEquals(ListSelection.DISTORTION, d.options().selection());
        assertEquals(CheckNodeKernel.EXACT, d.options().kernel());
        // a polar lattice composes with the general grammar
        assertEquals(128, LatticeSpecs.parse("0.5*(polar:n=64)^2").dimension());
    }

    @Test
    void designFilesAreReadAndValidated(@TempDir Path dir) throws Exception {
        PolarLatticeDesign d = new PolarLatticeDesign(16, 0.5, new int[][] {{15}, {7, 11, 13, 14, 15}}, null, null, 1,
                null);
        Path f = dir.resolve("a,b design.json");
        Files.writeString(f, d.toJson());
        PolarLattice l = (PolarLattice) LatticeSpecs.parse("polar:file=" + f + ",list=2");
        assertEquals(d, l.design());
        assertEquals(2, l.options().listSize());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, d.toJson().replace("[15]", "[3]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("polar:file=" + bad));
        assertTrue(e.getMessage().contains("not nested"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void badSpecsGiveOneLineErrors() {
        for (String spec : new String[] {"polar:", "polar:n=1000", "polar:n=64,list=0", "polar:n=64,foo=1",
            "polar:n=64,file=x", "polar:list=2", "polar:n=abc", "polar:file=/no/such/file.json",
            "polar:n=64,select=best", "polar:n=64,kernel=fast"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse(spec),
                    spec);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("polar"), e.getMessage());
        }
        assertTrue(LatticeSpecs.acceptedForms().contains("polar:n=N"));
    }
}

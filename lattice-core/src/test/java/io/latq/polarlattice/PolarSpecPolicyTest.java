package io.latq.polarlattice;

import io.latq.lattice.LatticeSpecs;
import io.latq.lattice.SpecPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code polar:} specs under {@link SpecPolicy#EMBEDDED}, their dimensions, and bounded design reading. */
class PolarSpecPolicyTest {

    @TempDir
    Path dir;

    @Test
    void embeddedPolicyRefusesDesignFilesBeforeOpeningThem() throws Exception {
        Path design = dir.resolve("d.json");
        Files.writeString(design, ShippedDesigns.forN(64, 1).toJson());
        assertEquals(64, LatticeSpecs.parse("polar:file=" + design + ",list=2").dimension());
        for (String spec : new String[] {"polar:file=" + design, "polar:file=" + design + ",list=2",
                "polar:list=2,file=/etc/passwd", "0.5*(polar:file=" + design + ")^2",
                "polar:file=" + dir.resolve("missing.json")}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LatticeSpecs.parse(spec, SpecPolicy.EMBEDDED), spec);
            assertTrue(e.getMessage().contains("may not open files"), e.getMessage());
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("root:"), e.getMessage());
            assertTrue(LatticeSpecs.readsFiles(spec), spec);
        }
        assertFalse(LatticeSpecs.readsFiles("polar:n=64,list=4"));
        assertEquals(64, LatticeSpecs.parse("polar:n=64,list=4", SpecPolicy.EMBEDDED).dimension());
    }

    @Test
    void dimensionOfAShippedDesignIsKnownWithoutLoadingIt() {
        assertEquals(16384, LatticeSpecs.dimensionOf("polar:n=16384", SpecPolicy.EMBEDDED));
        assertEquals(32768, LatticeSpecs.dimensionOf("(polar:n=16384)^2", SpecPolicy.EMBEDDED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.dimensionOf("(polar:n=16384)^5", SpecPolicy.EMBEDDED));
        assertTrue(e.getMessage().contains("exceeds the maximum"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.dimensionOf("polar:n=1000", SpecPolicy.EMBEDDED));
        assertTrue(e.getMessage().contains("no shipped design"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("polar:n=131072", SpecPolicy.EMBEDDED));
        assertTrue(e.getMessage().contains("at most " + PolarLatticeDesign.MAX_N), e.getMessage());
    }

    @Test
    void aDesignClaimingAHugeBlockLengthIsRefusedBeforeAllocating() {
        String json = ShippedDesigns.forN(64, 1).toJson().replace("\"n\": 64,", "\"n\": 1073741824,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolarLatticeDesign.fromJson(json));
        assertTrue(e.getMessage().contains("at most " + PolarLatticeDesign.MAX_N), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new PolarLatticeDesign(1 << 30, 1.0, new int[][] {{0}}, null, null, 1, null));
    }

    @Test
    void designFilesMustBeRegularFiles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolarLatticeSpecProvider.readFile(dir.toString()));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void optionsParseAndPrintCanonically() {
        PolarQuantizerOptions o = PolarLatticeSpecProvider.parseOptions(" list=4, kernel=min-sum,select=distortion");
        assertEquals(4, o.listSize());
        assertEquals("list=4,select=distortion,kernel=minsum", PolarLatticeSpecProvider.optionsText(o));
        assertEquals(o, PolarLatticeSpecProvider.parseOptions(PolarLatticeSpecProvider.optionsText(o)));
        assertEquals(PolarQuantizerOptions.sc(), PolarLatticeSpecProvider.parseOptions(""));
        assertThrows(IllegalArgumentException.class, () -> PolarLatticeSpecProvider.parseOptions("file=/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> PolarLatticeSpecProvider.parseOptions("list=2,n=64"));
    }
}

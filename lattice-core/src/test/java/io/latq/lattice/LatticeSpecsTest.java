package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatticeSpecsTest {

    @TempDir
    Path dir;

    @Test
    void namedLattices() {
        assertInstanceOf(IntegerLattice.class, LatticeSpecs.parse("Z1"));
        assertEquals(8, LatticeSpecs.parse("z8").dimension());
        assertInstanceOf(AnLattice.class, LatticeSpecs.parse("A2"));
        assertInstanceOf(DnLattice.class, LatticeSpecs.parse("D4"));
        assertInstanceOf(DnDualLattice.class, LatticeSpecs.parse("d3*"));
        assertEquals("D3*", LatticeSpecs.parse("d3*").name());
        assertInstanceOf(E8Lattice.class, LatticeSpecs.parse(" e8 "));
    }

    @Test
    void powersScalesAndProducts() {
        Lattice p = LatticeSpecs.parse("E8^4");
        assertInstanceOf(ProductLattice.class, p);
        assertEquals(32, p.dimension());
        assertEquals("E8^4", p.name());

        Lattice s = LatticeSpecs.parse("0.5*E8");
        assertInstanceOf(ScaledLattice.class, s);
        assertEquals(0.5, ((ScaledLattice) s).scale(), 0.0);
        assertEquals(-8.0, s.log2Volume(), 1e-12);
        assertEquals("0.5*E8", s.name());

        Lattice sp = LatticeSpecs.parse("0.25 * E8^2");
        assertEquals(16, sp.dimension());
        assertEquals(-32.0, sp.log2Volume(), 1e-12);

        Lattice mixed = LatticeSpecs.parse("A2 x D3* x Z1");
        assertEquals(6, mixed.dimension());
        assertEquals("A2xD3*xZ1", mixed.name());

        Lattice nested = LatticeSpecs.parse("(0.5*E8)xZ2^3");
        assertEquals(14, nested.dimension());
        assertEquals(-8.0, nested.log2Volume(), 1e-12);
        assertEquals(2e-3 * 2, ((ScaledLattice) LatticeSpecs.parse("2e-3*2*D4")).scale(), 1e-18);
    }

    @Test
    void namesParseBackToTheSameLattice() {
        for (String spec : new String[] {"Z1", "A7", "D5*", "E8^3", "0.5*E8", "(0.5*E8)^2", "A2xD4",
                "(0.5*E8)xZ1", "3*(A2xD4)^2", "0.125*D3*"}) {
            Lattice l = LatticeSpecs.parse(spec);
            Lattice again = LatticeSpecs.parse(l.name());
            assertEquals(l.name(), again.name(), spec);
            assertEquals(l.dimension(), again.dimension(), spec);
            assertEquals(l.log2Volume(), again.log2Volume(), 1e-12, spec);
        }
    }

    @Test
    void generatorFile() throws IOException {
        Path p = dir.resolve("rows.txt");
        Files.writeString(p, "2 0\n1 1\n");
        Lattice l = LatticeSpecs.parse("gen:file=" + p);
        assertInstanceOf(GeneratorMatrixLattice.class, l);
        assertEquals(1.0, l.log2Volume(), 1e-12);
        Lattice scaled = LatticeSpecs.parse("0.5*gen:file=" + p);
        assertEquals(-1.0, scaled.log2Volume(), 1e-12);
        Lattice inProduct = LatticeSpecs.parse("(gen:file=" + p + ")^2 x E8");
        assertEquals(12, inProduct.dimension());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatticeSpecs.parse("gen:file=" + dir.resolve("nope.txt")));
        assertTrue(e.getMessage().contains("no such file"));
        assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse("gen:path=x"));
    }

    @Test
    void badSpecsGiveOneLineMessagesListingTheAcceptedForms() {
        for (String bad : new String[] {"", "F4", "E7", "E8*", "D1", "D1*", "Z0", "A0", "A2*", "E8^0", "E8^",
                "0*E8", "-1*E8", "E8)", "(E8", "foo:bar", "Z99999999999", "E8 E8", "x", "2*"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse(bad),
                    bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("accepted forms") && e.getMessage().contains("gen:file=PATH"),
                    e.getMessage());
        }
    }

    @Test
    void registeredPrefixesAreParsedAndListed() {
        LatticeSpecs.register("twice", "twice:SPEC", arg -> ScaledLattice.of(LatticeSpecs.parse(arg), 2.0));
        Lattice l = LatticeSpecs.parse("TWICE:E8");
        assertEquals(8.0, l.log2Volume(), 1e-12);
        assertTrue(LatticeSpecs.acceptedForms().contains("twice:SPEC"));
        assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.register("bad1", arg -> l));
        assertThrows(IllegalArgumentException.class, () -> LatticeSpecs.parse("twice:F4"));
    }
}

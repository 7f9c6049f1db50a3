package io.latq.cli.testlattices;

import io.latq.lattice.Lattice;
import java.util.Locale;
import java.util.function.Function;

/**
 * Test-only stand-ins for the classical lattices (the real ones live in io.latq.lattice and are written in
 * parallel). Specs: {@code Zn}, {@code Dn}, {@code E8}, and {@code BABAI8} (a dense non-triangular basis with the
 * Babai rounding quantizer, to exercise the general rotation path).
 */
public final class TestLattices {
    private TestLattices() {
    }

    public static Lattice parse(String spec) {
        String s = spec.trim().toUpperCase(Locale.ROOT);
        if (s.equals("E8")) {
            return new E8Lattice();
        }
        if (s.equals("BABAI8")) {
            return BabaiLattice.randomDense(8, 12345L);
        }
        if (s.matches("Z\\d+")) {
            return new IntegerLattice(Integer.parseInt(s.substring(1)));
        }
        if (s.matches("D\\d+")) {
            return new CheckerboardLattice(Integer.parseInt(s.substring(1)));
        }
        throw new IllegalArgumentException("unknown test lattice: " + spec);
    }

    public static Function<String, Lattice> resolver() {
        return TestLattices::parse;
    }
}

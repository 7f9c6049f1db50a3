package io.latq.lattice;

import io.latq.lattice.search.GeneratorMatrixLattice;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.latq.lattice.LatticeTestSupport.distSq;
import static io.latq.lattice.LatticeTestSupport.maxAbs;
import static io.latq.lattice.LatticeTestSupport.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fast Conway–Sloane quantizers against the exact sphere decoder built from the same generator
 * ({@link GeneratorMatrixLattice}), on Gaussian inputs, inputs far from the origin and inputs on/near cell
 * boundaries.
 */
class FastClosestPointTest {

    static List<Lattice> lattices() {
        return LatticeTestSupport.fastLattices();
    }

    /** Outcome counts of one comparison run. */
    private static final class Tally {
        int equal;
        int ties;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void gaussianInputsMatchSphereDecoder(Lattice fast) {
        GeneratorMatrixLattice oracle = GeneratorMatrixLattice.of(fast);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L + fast.name().hashCode());
        Tally t = new Tally();
        for (int s = 0; s < 3000; s++) {
            double sigma = (s % 3 == 0) ? 0.7 : 4.0;
            compare(fast, oracle, LatticeTestSupport.gaussian(rng, fast.dimension(), sigma), t);
        }
        // Continuous inputs hit a tie with probability 0: the comparison really is "same point".
        assertEquals(0, t.ties, "unexpected ties on Gaussian inputs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void farInputsMatchSphereDecoder(Lattice fast) {
        GeneratorMatrixLattice oracle = GeneratorMatrixLattice.of(fast);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(23L + fast.name().hashCode());
        Tally t = new Tally();
        for (int s = 0; s < 1000; s++) {
            double[] x = LatticeTestSupport.farInput(fast, rng);
            assertTrue(maxAbs(x) > 1e5);
            compare(fast, oracle, x, t);
        }
        assertTrue(t.equal >= 990, "far inputs: only " + t.equal + " exact matches");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void boundaryInputsMatchSphereDecoder(Lattice fast) {
        GeneratorMatrixLattice oracle = GeneratorMatrixLattice.of(fast);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(37L + fast.name().hashCode());
        Tally t = new Tally();
        List<double[]> xs = new ArrayList<>(LatticeTestSupport.boundaryInputs(fast, rng, 3));
        int onBoundary = 0;
        for (double[] x : xs) {
            compare(fast, oracle, x, t);
            double[] nudged = x.clone();
            nudged[rng.nextInt(x.length)] -= 0x1p-36;
            if (maxAbsDiff(LatticeTestSupport.quantize(fast, x), LatticeTestSupport.quantize(fast, nudged)) > 0) {
                onBoundary++;
            }
        }
        // The set must really contain points on cell boundaries (where a tiny nudge changes the answer),
        // or it does not exercise the tie handling.
        assertTrue(onBoundary > xs.size() / 20, "only " + onBoundary + " of " + xs.size() + " inputs on a boundary");
    }

    /**
     * Equal points, or (only where the distances tie within 1e-9) an equally close point of the lattice.
     */
    static void compare(Lattice fast, Lattice oracle, double[] x, Tally t) {
        double[] pf = LatticeTestSupport.quantize(fast, x);
        double[] ps = LatticeTestSupport.quantize(oracle, x);
        double tol = 1e-9 * (1.0 + maxAbs(x));
        if (maxAbsDiff(pf, ps) <= tol) {
            t.equal++;
            return;
        }
        double df = distSq(x, pf);
        double ds = distSq(x, ps);
        if (Math.abs(df - ds) > 1e-9 * (1.0 + ds)) {
            fail(fast.name() + ": fast point at distance^2 " + df + ", sphere decoder " + ds + " for x="
                    + java.util.Arrays.toString(x));
        }
        assertDoesNotThrow(() -> fast.coordinates(pf), "tie resolved to a non-lattice point");
        t.ties++;
    }
}

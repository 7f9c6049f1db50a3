package io.latq.lattice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The documented tie conventions, on inputs where several lattice points are equally close. */
class TieConventionTest {

    private static double[] q(Lattice l, double... x) {
        return LatticeTestSupport.quantize(l, x);
    }

    @Test
    void integerLatticeRoundsHalfUp() {
        assertArrayEquals(new double[] {1, 0, -1, 3}, q(new IntegerLattice(4), 0.5, -0.5, -1.5, 2.5), 0.0);
    }

    @Test
    void dnReroundsTheLowestIndexAmongEqualWorstErrors() {
        // r(x) = (1,1,1,0) has odd sum; coordinates 0..2 all have error -1/2; index 0 is re-rounded down.
        assertArrayEquals(new double[] {0, 1, 1, 0}, q(new DnLattice(4), 0.5, 0.5, 0.5, 0), 0.0);
        // Errors +1/4 at 0 and +0.375 at 2: the worst (index 2) is re-rounded up.
        assertArrayEquals(new double[] {0, 0, 1, 1}, q(new DnLattice(4), 0.25, 0, 0.375, 1), 0.0);
        // Odd-sum integer point (error 0 everywhere): index 0 is moved up.
        assertArrayEquals(new double[] {2, 0, 0}, q(new DnLattice(3), 1, 0, 0), 0.0);
    }

    @Test
    void cosetTiesGoToTheSmallerFirstCoordinate() {
        double[] quarter = {0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25};
        assertArrayEquals(new double[8], q(new E8Lattice(), quarter), 0.0);
        double[] minusQuarter = LatticeTestSupport.scale(quarter, -1);
        double[] half = {-0.5, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5};
        assertArrayEquals(half, q(new E8Lattice(), minusQuarter), 0.0);
        assertArrayEquals(new double[] {0, 0, 0}, q(new DnDualLattice(3), 0.25, 0.25, 0.25), 0.0);
        assertArrayEquals(new double[] {-0.5, -0.5, -0.5}, q(new DnDualLattice(3), -0.25, -0.25, -0.25), 0.0);
    }

    @Test
    void anMovesTheLowestIndexAmongEqualErrors() {
        // y = (0, 2.4/√6) lifts to X = (0.4, 0.4, -0.8) in the plane Σ = 0 (X_0 and X_1 computed identically).
        // r(X) = (0, 0, -1) has deficiency -1; errors (0.4, 0.4, 0.2): coordinates 0 and 1 tie for the raise and
        // index 0 wins, giving (1, 0, -1), whose coordinates in R^2 are (1/√2, 3/√6). (0, 1, -1) is equally close.
        AnLattice a2 = new AnLattice(2);
        assertArrayEquals(new double[] {Math.sqrt(0.5), 3 / Math.sqrt(6)}, q(a2, 0, 2.4 / Math.sqrt(6)), 1e-12);
    }
}

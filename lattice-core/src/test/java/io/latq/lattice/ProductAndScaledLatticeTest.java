package io.latq.lattice;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProductAndScaledLatticeTest {

    @Test
    void productGeneratorIsBlockDiagonal() {
        Lattice a2 = new AnLattice(2);
        Lattice d3 = new DnLattice(3);
        DMatrixRMaj g = ProductLattice.of(a2, d3).generator();
        double[][] ga = LatticeTestSupport.rows(a2);
        double[][] gd = LatticeTestSupport.rows(d3);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = (i < 2 && j < 2) ? ga[i][j] : (i >= 2 && j >= 2) ? gd[i - 2][j - 2] : 0.0;
                assertEquals(expected, g.get(i, j), 0.0);
            }
        }
    }

    @Test
    void longProductsWorkWithoutADenseGenerator() {
        ProductLattice big = ProductLattice.power(new E8Lattice(), 1024);
        assertEquals(8192, big.dimension());
        assertThrows(UnsupportedOperationException.class, big::generator);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        double[] x = LatticeTestSupport.gaussian(rng, big.dimension(), 2.0);
        double[] q = LatticeTestSupport.quantize(big, x);
        double[] block = new double[8];
        for (int b = 0; b < 1024; b += 97) {
            new E8Lattice().quantize(x, 8 * b, block, 0);
            assertArrayEquals(block, java.util.Arrays.copyOfRange(q, 8 * b, 8 * b + 8), 0.0);
        }
        assertEquals(8192, big.coordinates(q).length);
        double[] s = new double[big.dimension()];
        big.sampleFundamentalRegion(rng, s, 0);
        assertEquals(0.0, big.log2Volume(), 0.0);
        assertEquals(8192, ProductLattice.power(new IntegerLattice(1), 8192).coordinates(new double[8192]).length);
    }

    @Test
    void scaledLatticeQuantizesAndSamplesByScaling() {
        Lattice base = new DnDualLattice(4);
        ScaledLattice s = new ScaledLattice(base, 0.75);
        double[] x = {0.3, -0.8, 1.1, 0.2};
        double[] expected = LatticeTestSupport.scale(
                LatticeTestSupport.quantize(base, LatticeTestSupport.scale(x, 1 / 0.75)), 0.75);
        assertArrayEquals(expected, LatticeTestSupport.quantize(s, x), 1e-15);
        UniformRandomProvider r1 = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        UniformRandomProvider r2 = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        double[] a = new double[4];
        double[] b = new double[4];
        s.sampleFundamentalRegion(r1, a, 0);
        base.sampleFundamentalRegion(r2, b, 0);
        assertArrayEquals(LatticeTestSupport.scale(b, 0.75), a, 0.0);
        assertArrayEquals(base.coordinates(new double[] {0.5, 0.5, 0.5, 1.5}),
                s.coordinates(new double[] {0.375, 0.375, 0.375, 1.125}));
    }

    @Test
    void scalingRulesAndValidation() {
        Lattice e8 = new E8Lattice();
        assertSame(e8, ScaledLattice.of(e8, 1.0));
        Lattice twice = ScaledLattice.of(ScaledLattice.of(e8, 0.5), 4.0);
        assertEquals("2*E8", twice.name());
        assertSame(e8, ((ScaledLattice) twice).base());
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new ScaledLattice(e8, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> ProductLattice.power(e8, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProductLattice(java.util.List.of()));
        assertEquals("(0.5*E8)^2", ProductLattice.power(new ScaledLattice(e8, 0.5), 2).name());
        assertEquals("D3*xZ2", ProductLattice.of(new DnDualLattice(3), new IntegerLattice(2)).name());
    }
}

package io.latq.ecdq.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-cell ECDQ scales give distortion θ for a Gaussian cell of variance v (the reverse water-filling target). */
class CellDesignTest {

    @Test
    void wienerScaledDistortionIsTheWaterLevel() {
        double sigma0Sq = 1.0 / 12; // Z1
        for (double v : new double[] {1.2, 2.0, 10.0, 1e4}) {
            double theta = 1.0;
            CellDesign d = CellDesign.of(v, theta, sigma0Sq, 1.0);
            double beta = d.gain() / d.step();
            double noise = d.step() * d.step() * sigma0Sq;         // dither noise in coefficient units
            double distortion = beta * beta * noise + (1 - beta) * (1 - beta) * v;
            assertEquals(theta, distortion, 1e-12 * v, "v = " + v);
            assertEquals(v * theta / (v - theta), noise, 1e-12 * noise, "sigma_q^2");
            // model spread² = v/a² + w·σ₀² in lattice units
            assertEquals(v / (d.step() * d.step()) + sigma0Sq, d.spread() * d.spread(), 1e-12 * v / sigma0Sq);
        }
    }

    @Test
    void paddingIsAZeroWithTheDitherSpread() {
        CellDesign p = CellDesign.padding(0.25);
        assertEquals(1.0, p.step());
        assertEquals(0.0, p.gain());
        assertEquals(0.5, p.spread());
    }
}

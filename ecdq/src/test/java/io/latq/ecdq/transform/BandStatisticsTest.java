package io.latq.ecdq.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BandStatisticsTest {

    @Test
    void byHand() {
        BandStatistics s = BandStatistics.of(new double[] {1, 3, -2, 2, 0.5}, new int[] {0, 1, 1, 1, 2}, 4);
        assertEquals(1, s.count(0));
        assertEquals(3, s.count(1));
        assertEquals(0, s.count(3));
        assertEquals(1.0, s.meanSquare(0));
        assertEquals(17.0 / 3, s.meanSquare(1), 1e-15);
        assertEquals(1.0, s.mean(1), 1e-15);
        assertEquals(17.0 / 3 - 1, s.variance(1), 1e-15);
        assertEquals(0.0, s.meanSquare(3));
        assertEquals(0.0, s.weights()[3]);
    }

    @Test
    void splitAndMergeGiveTheSameSums() {
        double[] c = Signals.gaussian(1000, 4);
        int[] bands = new int[1000];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = i % 7;
        }
        BandStatistics whole = BandStatistics.of(c, bands, 7);
        BandStatistics chunked = new BandStatistics(7);
        chunked.accumulate(c, 0, bands, 0, 333);
        chunked.accumulate(c, 333, bands, 333, 667);
        for (int b = 0; b < 7; b++) {
            assertEquals(whole.meanSquare(b), chunked.meanSquare(b));
        }
    }

    /**
     * End to end: an AR(1) ρ = 0.95 signal, framed DCT of B = 256 with q = 4 bands per octave; the band water-filling
     * bound lies above the process bound ½log2((1−ρ²)/D) (a finite transform cannot beat it) and below the i.i.d.
     * bound, and is within 0.1 b of the process bound (the gap of the 256-point DCT with 4 bands per octave on this
     * source).
     */
    @Test
    void bandBoundOnAr1() {
        double rho = 0.95;
        double d = 0.001;
        int n = 1 << 18;
        double[] x = Signals.ar1(n, rho, 1.0, 2026);
        SeparableDct t = new SeparableDct(new int[] {n}, new int[] {256});
        t.forward(x, 0);
        BandPartition p = BandPartition.forFrame(256);
        BandStatistics s = BandStatistics.of(x, p.bandsOf(t), p.bandCount());
        double r = s.waterFill(d).rate();
        double process = 0.5 * StrictMath.log((1 - rho * rho) / d) / StrictMath.log(2);
        double iid = 0.5 * StrictMath.log(1 / d) / StrictMath.log(2);
        assertTrue(r > process - 0.02 && r < process + 0.1, "band bound " + r + " process " + process);
        assertTrue(r < iid - 1);
    }
}
